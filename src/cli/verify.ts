// htmx-demo verify <url>: each lesson's spec run over HTTP against any server, as a checklist (or JSON) with hints.
import chalk from 'chalk';
import type { Lang } from '../kit/i18n.js';
import { runSpec, type SpecReport } from '../kit/spec/index.js';
import { lessons as registry } from '../lessons/index.js';
import { CliError } from './errors.js';
import { findLesson } from './lessons.js';

export interface VerifyOptions {
  lesson: string;
  json?: boolean;
  lang: Lang;
}

export interface LessonReport extends SpecReport {
  number: number;
  title: string;
}

const words = {
  en: { csrf: 'CSRF token from', hint: 'hint', skipped: 'not run: a check before it failed', passed: '{n} of {count} checks passed', noSpec: 'lessons with no spec yet, not checked: {list}' },
  ko: { csrf: 'CSRF 토큰 출처', hint: '힌트', skipped: '실행하지 않음: 앞의 확인이 실패했습니다', passed: '{count}개 중 {n}개 통과', noSpec: '아직 스펙이 없어 확인하지 않은 레슨: {list}' },
};

export async function verify(url: string, options: VerifyOptions): Promise<void> {
  const base = parseUrl(url);
  const chosen = options.lesson === 'all' ? registry : [findLesson(options.lesson)];
  const withSpec = chosen.filter((lesson) => lesson.spec);
  if (withSpec.length === 0) throw new CliError(`lesson "${chosen[0]!.id}" has no spec yet: try ${registry.filter((l) => l.spec).map((l) => l.id).join(', ')}`);
  await reachable(base);

  const reports: LessonReport[] = [];
  for (const lesson of withSpec) {
    const { default: spec } = await lesson.spec!();
    reports.push({ number: lesson.number, title: lesson.title[options.lang], ...(await runSpec(spec, base, options.lang)) });
    if (!options.json) print(formatReport(reports.at(-1)!, options.lang));
  }
  const passed = reports.every((report) => report.passed);
  const unchecked = chosen.filter((lesson) => !lesson.spec).map((lesson) => lesson.id);
  if (options.json) print(JSON.stringify({ url: base.href, passed, lessons: reports, unchecked }, null, 2));
  else if (unchecked.length > 0) print(chalk.dim(words[options.lang].noSpec.replace('{list}', unchecked.join(', '))));
  process.exitCode = passed ? 0 : 1;
}

/** One lesson's checklist: ✔ passed, ✘ failed with what came back and a hint, – not run. */
export function formatReport(report: LessonReport, lang: Lang): string {
  const say = words[lang];
  const lines = [chalk.bold(`${report.number}. ${report.title}`) + chalk.dim(`  (${report.lesson}${report.page ? `, ${report.page}` : ''})`)];
  if (report.csrf) lines.push(chalk.dim(`   ${say.csrf}: ${report.csrf}`));
  for (const check of report.checks) {
    if (check.status === 'pass') lines.push(`   ${chalk.green('✔')} ${check.title}`);
    else if (check.status === 'skip') lines.push(`   ${chalk.dim(`– ${check.title} (${say.skipped})`)}`);
    else {
      lines.push(`   ${chalk.red('✘')} ${check.title}`);
      if (check.detail) lines.push(chalk.dim(`       ${check.detail}`));
      if (check.hint) lines.push(`       ${chalk.yellow(`${say.hint}:`)} ${check.hint}`);
    }
  }
  const n = report.checks.filter((check) => check.status === 'pass').length;
  const summary = say.passed.replace('{n}', String(n)).replace('{count}', String(report.checks.length));
  lines.push(`   ${report.passed ? chalk.green(summary) : chalk.red(summary)}`, '');
  return lines.join('\n');
}

function parseUrl(url: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new CliError(`invalid URL "${url}": give the server's address, such as http://localhost:3000/`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CliError(`invalid URL "${url}": only http:// and https:// can be checked`);
  return parsed;
}

/** One readable line when nothing answers, rather than a failed check per lesson. */
async function reachable(base: URL): Promise<void> {
  try {
    await fetch(base, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    const { cause } = err as { cause?: { code?: string; message?: string } };
    const reason = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new CliError(`nothing answers at ${base.href} (${reason}): is the server running, and is that its address?`);
  }
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
