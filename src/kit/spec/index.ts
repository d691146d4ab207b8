// A lesson's spec: its behaviour as numbered checks over HTTP, run against any server, whatever its stack.
import type { Lang } from '../i18n.js';
import { type Answer, SpecBrowser } from './client.js';
import { type Html, type HtmlElement, inside, isDocument, parseHtml, roots } from './html.js';

export * from './html.js';
export * from './refs.js';
export { type Answer, type Csrf, SpecBrowser } from './client.js';

export type Words = Record<Lang, string>;

export interface CheckResult {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'skip';
  /** What was seen, when it was not what the lesson asks for. */
  detail?: string;
  /** What to change, in the learner's language. */
  hint?: string;
}

export interface SpecReport {
  lesson: string;
  /** The page the checks started from, and where the CSRF token was found there. */
  page?: string;
  csrf?: string;
  checks: CheckResult[];
  passed: boolean;
}

/** A failed check: `hint` says what to change; `detail` what came back instead. */
export class SpecFailure extends Error {
  constructor(readonly hint: Words, readonly detail: string) {
    super(detail);
  }
}

/** Thrown when a check cannot run because one before it failed. */
class Skipped extends Error {}

export interface SpecRun {
  browser: SpecBrowser;
  lang: Lang;
  /** Runs one check; its value, or undefined when it failed or was skipped. */
  check<T>(id: string, title: Words, run: () => Promise<T>): Promise<T | undefined>;
  /** Inside a check: the value an earlier check gave, or skip this one. */
  need<T>(value: T | undefined): T;
  /**
   * Loads the lesson's page (the first of `paths` that answers with `marker` in it) and finds its CSRF token,
   * which it must offer unless `csrf` is false (a lesson that only reads).
   */
  openPage(paths: string[], marker: RegExp, options?: { csrf?: boolean }): Promise<Html | undefined>;
}

export interface LessonSpec {
  lesson: string;
  run(spec: SpecRun): Promise<void>;
}

export function fail(hint: Words, detail: string): never {
  throw new SpecFailure(hint, detail);
}

/** One line about an answer, for a failed check's detail: status, type and the first characters of its body. */
export function describe(answer: Answer): string {
  const body = answer.text.replace(/\s+/g, ' ').trim();
  return `${answer.status} ${answer.type || '(no type)'}${body ? `: ${body.slice(0, 120)}${body.length > 120 ? '…' : ''}` : ''}`;
}

/** Whether an answer is an HTML fragment (not a whole page), as htmx would swap it. */
export function isFragment(answer: Answer): boolean {
  return answer.type === 'text/html' && !isDocument(answer.html());
}

/**
 * The root element of a fragment answer, when it has the id `id` and is the only root htmx swaps into the target
 * (others may ride along marked hx-swap-oob): what an outerHTML swap of #id needs.
 */
export function rootWithId(answer: Answer, id: string): HtmlElement | undefined {
  if (!isFragment(answer)) return undefined;
  const [root, ...others] = roots(answer.html()).filter((el) => !('hx-swap-oob' in el.attrs));
  return root?.attrs.id === id && others.length === 0 ? root : undefined;
}

/** The first <button> inside `el`. */
export function buttonIn(html: Html, el: HtmlElement): HtmlElement | undefined {
  return inside(html, el).find((child) => child.tag === 'button');
}

const pageTitles = {
  withCsrf: { en: 'the lesson page loads, with a CSRF token', ko: '레슨 페이지가 열리고 CSRF 토큰이 있다' },
  plain: { en: 'the lesson page loads', ko: '레슨 페이지가 열린다' },
};

const pageHints = {
  noPage: {
    en: 'Serve the lesson page at / or /lessons/{id}, with its htmx lane in it (or pass --lesson for only the lessons you built).',
    ko: '레슨 페이지를 / 또는 /lessons/{id}에서 htmx 레인과 함께 보여 주세요 (만든 레슨만 확인하려면 --lesson을 쓰세요).',
  },
  noCsrf: {
    en: 'Put the CSRF token where a page can read it: a <meta name="csrf-token">, hx-headers on <body>, a hidden _csrf field, or a csrftoken cookie.',
    ko: 'CSRF 토큰을 페이지가 읽을 수 있는 곳에 두세요: <meta name="csrf-token">, <body>의 hx-headers, 숨은 _csrf 필드, 또는 csrftoken 쿠키.',
  },
};

export async function runSpec(spec: LessonSpec, base: URL, lang: Lang): Promise<SpecReport> {
  const browser = new SpecBrowser(base);
  const report: SpecReport = { lesson: spec.lesson, checks: [], passed: false };
  const run: SpecRun = {
    browser,
    lang,
    async check(id, title, body) {
      const result: CheckResult = { id, title: title[lang], status: 'pass' };
      report.checks.push(result);
      try {
        return await body();
      } catch (err) {
        if (err instanceof Skipped) result.status = 'skip';
        else {
          result.status = 'fail';
          if (err instanceof SpecFailure) Object.assign(result, { detail: err.detail, hint: err.hint[lang] });
          else result.detail = noAnswer(err);
        }
        return undefined;
      }
    },
    need(value) {
      if (value === undefined) throw new Skipped();
      return value;
    },
    openPage(paths, marker, { csrf: needsCsrf = true } = {}) {
      return run.check('page', needsCsrf ? pageTitles.withCsrf : pageTitles.plain, async () => {
        const tried: string[] = [];
        for (const path of paths) {
          const answer = await browser.get(path);
          tried.push(`${path}: ${answer.status}`);
          if (answer.status !== 200 || !marker.test(answer.text)) continue;
          const page = parseHtml(answer.text);
          report.page = path;
          const csrf = browser.findCsrf(page);
          if (!csrf && needsCsrf) fail(pageHints.noCsrf, `${path} has no CSRF token a page could read`);
          report.csrf = csrf?.found;
          return page;
        }
        return fail(fill(pageHints.noPage, spec.lesson), `no page with ${marker.source} (${tried.join(', ')})`);
      });
    },
  };
  await spec.run(run);
  report.passed = report.checks.length > 0 && report.checks.every((check) => check.status === 'pass');
  return report;
}

/** A request that got no answer at all (server gone, timeout): said as such, with the system's reason. */
function noAnswer(err: unknown): string {
  const { cause, message, name } = err as { cause?: { code?: string; message?: string }; message?: string; name?: string };
  if (name === 'TimeoutError') return 'no answer within 10 s';
  return cause ? `no answer (${cause.code ?? cause.message})` : String(message ?? err);
}

function fill(words: Words, id: string): Words {
  return { en: words.en.replace('{id}', id), ko: words.ko.replace('{id}', id) };
}
