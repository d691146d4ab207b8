// htmx-demo scaffold <dir>: a standalone starter project (Koa + EJS + htmx 4) with the chosen lessons, both lanes each.
import { spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import chalk from 'chalk';
import type { Lesson } from '../kit/types.js';
import { lessons as allLessons } from '../lessons/index.js';
import { isLang, type Lang } from '../kit/i18n.js';
import { packageRoot } from '../kit/paths.js';
import { commandsFor, detectPackageManager, packageNameProblem, quoteForShell, suggestPackageName } from './scaffold/names.js';
import { exercisesTemplateDir, readExercises } from './scaffold/exercises.js';
import { listFiles, planStarter, starterTemplateDir, type PlannedFile } from './scaffold/plan.js';
import { displayPath, findCollisions, inspectTarget } from './scaffold/target.js';
import { backupFolderName, fileOps, guardOps, writeProject, type WriteOps } from './scaffold/write.js';
import { CliError } from './errors.js';

/** What commander hands the scaffold action. */
export interface RawScaffoldOptions {
  lessons: string;
  lang: string;
  force?: boolean;
  dryRun?: boolean;
  install?: boolean;
  /** --exercises / --no-exercises; unset on a terminal, the question is asked. */
  exercises?: boolean;
}

/** At most this many names of files in the way are listed; the rest are counted. */
const maxListed = 8;

export async function scaffold(dir: string, raw: RawScaffoldOptions): Promise<void> {
  // 1. Check the arguments: the folder's name is the package's, the lessons exist.
  const target = resolve(dir);
  const name = basename(target);
  const problem = packageNameProblem(name);
  if (problem) {
    const suggestion = join(dirname(dir), suggestPackageName(name));
    throw new CliError(`"${name}" cannot be a package name (${problem}): try htmx-demo scaffold ${quoteForShell(suggestion)}`);
  }
  const lessons = pickLessons(raw.lessons, allLessons);
  if (!isLang(raw.lang)) throw new CliError(`invalid language "${raw.lang}"`); // commander's choices() checks first
  const lang: Lang = raw.lang;

  // 2. The plan: which file goes where (with exercises, asked on a terminal when no flag says); and the target, a
  //    folder that is new, empty, or holds nothing of the user's (unless --force, which keeps each file it replaces
  //    in a backup folder).
  const exercises = raw.exercises ?? (raw.dryRun ? false : await askForExercises(lang));
  const files = await plan(name, lang, lessons, exercises);
  const state = await inspectTarget(target);
  const backupName = backupFolderName();
  const replaces = state.exists ? await existingFiles(target, files) : [];
  if (state.inTheWay.length > 0 && !raw.force) {
    const force = replaces.length > 0
      ? `--force to replace ${listSome(replaces)}, keeping the old ${replaces.length > 1 ? 'ones' : 'one'} in ${backupName}/, and leave the rest alone`
      : '--force to add the starter beside them: none of them would be replaced';
    throw new CliError(`${displayPath(target)} is not empty: ${listSome(state.inTheWay)} would be in the way (use an empty folder, or ${force})`);
  }
  const collisions = state.exists ? await findCollisions(target, files.map((file) => file.path)) : [];
  if (collisions.length > 0) throw new CliError(`cannot write into ${displayPath(target)} without deleting: ${listSome(collisions)}`);

  // 3. A dry run stops here.
  if (raw.dryRun) return printDryRun(target, files, replaces, backupName);

  // 4. Write, never losing a file; an interrupt at any point, even once all is written, means no install.
  const { replaced, backup } = await withInterruptGuard((ops) => writeProject(target, files, ops, { force: raw.force, backupName }));
  const pm = detectPackageManager(process.env.npm_config_user_agent);
  const commands = commandsFor(pm);
  print(`\n${chalk.green('Scaffolded')} ${chalk.bold(displayPath(target))} ${chalk.dim(`(${files.length} files; lessons: ${lessons.map((l) => l.id).join(', ')})`)}`);
  if (backup) print(chalk.yellow(`Wrote over ${listSome(replaced)}; the old ${replaced.length > 1 ? 'files are' : 'file is'} kept in ${displayPath(backup)}/ (nothing else was touched).`));
  if (exercises) printExercises(files, lessons);
  // 5. Install if asked.
  const installed = raw.install ? await install(target, commands.install) : false;

  // 6. What to do next.
  const cd = relative(process.cwd(), target);
  // In the order they are run: the tests first, since the server then keeps the terminal until Ctrl+C.
  const steps = [...(cd ? [`cd ${quoteForShell(cd)}`] : []), ...(installed ? [] : [commands.install.join(' ')]), commands.test, commands.start];
  print(`\nNext steps:\n${steps.map((step) => `  ${chalk.cyan(step)}`).join('\n')}\n${chalk.dim(`  (${commands.start} keeps running: open the address it prints, Ctrl+C to stop)`)}\n`);
}

/** `--lessons like,toggle` or `all`, in the order of the lesson list. */
export function pickLessons(value: string, available: Lesson[]): Lesson[] {
  const valid = available.map((lesson) => lesson.id);
  const asked = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (asked.length === 0) throw new CliError(`no lessons given: use --lessons with any of ${valid.join(', ')}, or all`);
  if (asked.includes('all')) return available;
  const unknown = asked.filter((id) => !valid.includes(id));
  if (unknown.length > 0) {
    throw new CliError(`unknown lesson${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}: choose from ${valid.join(', ')}, or all`);
  }
  return available.filter((lesson) => asked.includes(lesson.id));
}

async function plan(name: string, lang: Lang, lessons: Lesson[], exercises: boolean): Promise<PlannedFile[]> {
  const withFiles = await Promise.all(lessons.map(async ({ id, dir, title }) => {
    const files = await listFiles(dir);
    return { id, dir, files, title: title[lang], exercises: exercises ? await readExercises(dir, files) : undefined };
  }));
  return planStarter({
    packageRoot,
    exerciseTemplateFiles: exercises ? await listFiles(join(packageRoot, exercisesTemplateDir)) : undefined,
    templateFiles: await listFiles(join(packageRoot, starterTemplateDir)),
    kitFiles: await listFiles(join(packageRoot, 'src', 'kit')),
    sharedFiles: await listFiles(join(packageRoot, 'src', 'lessons', 'shared')),
    lessons: withFiles,
    name,
    lang,
  });
}

async function printDryRun(target: string, files: PlannedFile[], replaces: string[], backupName: string): Promise<void> {
  print(`Dry run: would write ${files.length} files to ${displayPath(target)} (nothing written):`);
  for (const { path } of files) {
    print(`  ${path}${replaces.includes(path) ? chalk.yellow(`  (replaces your file; the old one is kept in ${backupName}/)`) : ''}`);
  }
  if (replaces.length > 0) {
    print(chalk.yellow(`Would replace ${replaces.length} of your files: ${replaces.join(', ')}; each is kept in ${join(displayPath(target), backupName)}/.`));
  }
}

/** The planned paths where the target already has a file (or link): what --force replaces. */
async function existingFiles(target: string, files: PlannedFile[]): Promise<string[]> {
  const found = await Promise.all(files.map(({ path }) => lstat(join(target, path)).then((info) => !info.isDirectory(), () => false)));
  return files.filter((_file, index) => found[index]).map(({ path }) => path);
}

/**
 * Ctrl+C while writing would leave half a project: the signal is held until the next step, which then fails, and
 * everything is put back. One that comes later, once all is written, still stops the command before any install.
 * HTMX_DEMO_SCAFFOLD_FAULT (a test hook): `n` makes the nth step fail; `n:SIGINT` sends that signal at the nth step.
 */
async function withInterruptGuard<T>(run: (ops: WriteOps) => Promise<T>): Promise<T> {
  let interrupted: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => { interrupted = signal; };
  const [faultAt, faultSignal] = faultHook(process.env.HTMX_DEMO_SCAFFOLD_FAULT);
  let step = 0;
  const ops = guardOps(fileOps, (op) => {
    if (interrupted) throw interruptedError(interrupted);
    if (++step !== faultAt) return;
    if (faultSignal) process.kill(process.pid, faultSignal);
    else throw new Error(`injected fault at step ${step} (${op})`);
  });
  process.on('SIGINT', hold).on('SIGTERM', hold);
  try {
    const result = await run(ops);
    // A signal that came during the last step or the clean-up: handled once the loop has had its turn.
    await new Promise((resolve) => setImmediate(resolve));
    if (interrupted) throw interruptedError(interrupted, 'the project is written, but nothing more was done');
    return result;
  } finally {
    process.off('SIGINT', hold).off('SIGTERM', hold);
  }
}

function faultHook(value = ''): [number, NodeJS.Signals | undefined] {
  const [at = '', signal] = value.split(':');
  return [Number(at) || 0, signal === 'SIGINT' || signal === 'SIGTERM' ? signal : undefined];
}

/** The shell's status for death by that signal (130 for Ctrl+C), so a script running scaffold sees it stopped. */
function interruptedError(signal: NodeJS.Signals, what?: string): CliError {
  return new CliError(`interrupted (${signal})${what ? `: ${what}` : ''}`, { exitCode: signal === 'SIGINT' ? 130 : 143 });
}

/** Runs the package manager's install in the new project; a failure keeps the project and says what to run. */
async function install(target: string, command: string[]): Promise<boolean> {
  const [program, ...args] = command as [string, ...string[]];
  print(chalk.dim(`\n$ ${command.join(' ')}`));
  const code = await new Promise<number | string>((done) => {
    const child = spawn(program, args, { cwd: target, stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', (err) => done(err.message));
    child.once('close', (exitCode, signal) => done(exitCode ?? signal ?? 1));
  });
  if (code !== 0) {
    throw new CliError(`the project is written, but ${command.join(' ')} failed (${typeof code === 'number' ? `exit code ${code}` : code}): run it yourself in ${displayPath(target)}`);
  }
  return true;
}

/** On a terminal with no --exercises or --no-exercises: ask, defaulting to no. */
async function askForExercises(lang: Lang): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const question = lang === 'ko'
    ? '연습 문제로 만들까요? 레슨마다 번호 붙은 TODO를 채우고 npm test로 확인합니다. (y/N) '
    : 'Make it an exercise? Each lesson gets numbered TODOs to fill in, checked by npm test. (y/N) ';
  try {
    return /^(y|yes|예|네|ㅇ)$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** Which lessons got exercises, and which are written complete because they have none yet. */
function printExercises(files: PlannedFile[], lessons: Lesson[]): void {
  const practised = lessons.filter((lesson) => files.some((file) => file.path.startsWith(`solutions/${lesson.id}/`)));
  const complete = lessons.filter((lesson) => !practised.includes(lesson));
  if (practised.length > 0) print(`Exercises: ${practised.map((l) => l.id).join(', ')} (npm test names each TODO left; npm run solution -- <lesson> shows the answer)`);
  if (complete.length > 0) print(chalk.dim(`No exercises yet for ${complete.map((l) => l.id).join(', ')}: written complete.`));
}

function listSome(items: string[]): string {
  const shown = items.slice(0, maxListed).join(', ');
  return items.length > maxListed ? `${shown} and ${items.length - maxListed} more` : shown;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
