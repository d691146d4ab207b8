// scaffold --exercises as a learner meets it, with every lesson: npm test names each TODO left, with its hint; verify
// against the running starter fails on the one exercise left undone, with the hint that names it; npm run solution
// shows the diff, and --apply writes the solution (keeping the attempt), after which npm test and verify pass.
// Offline: the project borrows this repository's node_modules.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercisesFile, readExercises } from '../../src/cli/scaffold/exercises.js';
import { runSpec } from '../../src/kit/spec/index.js';
import { lessons } from '../../src/lessons/index.js';
import { repoRoot, runIn, tempDir } from './scaffold-support.js';
import { startServer } from '../support/server.js';
import { runCli } from './spawn-cli.js';

/** The lessons that have exercises, with them: the holed files made from each lesson's own. */
const practised = await Promise.all(lessons
  .filter((lesson) => existsSync(join(lesson.dir, exercisesFile)))
  .map(async (lesson) => ({ lesson, id: lesson.id, exercises: (await readExercises(lesson.dir, [exercisesFile]))! })));
const written = lessons.filter((lesson) => !practised.some((p) => p.id === lesson.id));
const like = practised.find(({ id }) => id === 'like')!;

let dir: string;
let project: string;
let server: ChildProcess | undefined;
beforeAll(async () => {
  dir = tempDir();
  project = join(dir, 'practice');
  const result = await runIn(dir, ['scaffold', 'practice', '--exercises', '--lessons', 'all']);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain(`Exercises: ${practised.map(({ id }) => id).join(', ')} (npm test names each TODO left`);
  if (written.length) expect(result.stdout).toContain(`No exercises yet for ${written.map(({ id }) => id).join(', ')}: written complete.`);
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
});
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a Node script in the project, without this test run's own vitest and npm variables. */
function runNode(args: string[]): Promise<{ code: number; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|NODE_ENV$|TEST$|PORT$|HOST$)/.test(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: project, env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code) || 1 : 0, output: stdout + stderr });
    });
  });
}
const tsx = (...args: string[]) => runNode([join(project, 'node_modules/tsx/dist/cli.mjs'), ...args]);
const npmTest = () => runNode([join(project, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project]);

/** npm start on a free port; resolves with its Local URL. */
function startStarter(): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|NODE_ENV$|TEST$|HOST$)/.test(name)));
  server = spawn(process.execPath, [join(project, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], { cwd: project, env: { ...env, PORT: '0' } });
  return new Promise((resolve, reject) => {
    let seen = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk;
      const url = /Local: +(http:\/\/\S+)/.exec(seen)?.[1];
      if (url) resolve(url);
    });
    server!.once('exit', () => reject(new Error(`the starter exited: ${seen}`)));
  });
}

describe('the exercises of every lesson that has them', () => {
  it('lessons 1 and 2 have exercises', () => {
    expect(practised.map(({ id }) => id)).toEqual(expect.arrayContaining(['like', 'toggle']));
  });

  it('are data next to the lesson: each hole carries its numbered TODO, and each check is one of the spec\'s, passing on serve', async () => {
    const served = await startServer();
    try {
      for (const { lesson, id, exercises } of practised) {
        const report = await runSpec((await lesson.spec!()).default, new URL(served.url), 'en');
        for (const { number, file, check, hint } of exercises.list) {
          expect(exercises.holed[file], `${id}: TODO ${number}`).toContain(`TODO ${number}:`);
          expect(report.checks.find((c) => c.id === check)?.status, `${id} ${check}`).toBe('pass');
          expect(hint.ko).toMatch(/[가-힣]/);
        }
        for (const file of Object.keys(exercises.holed)) expect(readFileSync(join(lesson.dir, file), 'utf8'), `${id}/${file}`).not.toMatch(/TODO \d+:/);
      }
    } finally {
      await served.close();
    }
    expect(like.exercises.list.map((exercise) => exercise.file)).toEqual(expect.arrayContaining(['views/_like_button.ejs', 'htmx.ts', 'json.ts']));
  });

  it('are written into the project: holed files, their solutions, the test, the script, the README section', () => {
    for (const { id, lesson, exercises } of practised) {
      for (const [file, holed] of Object.entries(exercises.holed)) {
        expect(readFileSync(join(project, `src/lessons/${id}`, file), 'utf8')).toBe(holed);
        expect(readFileSync(join(project, `solutions/${id}`, file), 'utf8')).toBe(readFileSync(join(lesson.dir, file), 'utf8'));
      }
      expect(existsSync(join(project, `src/lessons/${id}/${id}.test.ts`))).toBe(false); // test/exercises.test.ts says what is left
      expect(existsSync(join(project, `src/lessons/${id}/${exercisesFile}`))).toBe(false);
    }
    for (const { id } of written) expect(existsSync(join(project, `src/lessons/${id}/${id}.test.ts`))).toBe(true);
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).scripts.solution).toBe('tsx scripts/solution.ts');
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toContain('## Exercises');
  });

  it('type-check with every hole open', async () => {
    const { code, output } = await runNode([join(project, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project]);
    expect(code, output).toBe(0);
  }, 120_000);

  it('npm test fails, naming each unfinished exercise with its hint', async () => {
    const { code, output } = await npmTest();
    expect(code).toBe(1);
    for (const { id, exercises } of practised) {
      for (const { number, file, hint } of exercises.list) {
        expect(output).toContain(`exercise ${number}:`);
        expect(output).toContain(`(src/lessons/${id}/${file})`);
        expect(output).toContain(hint.en);
      }
    }
    expect(output).toContain('stuck? npm run solution -- like shows the answer');
  }, 120_000);

  it('with every hole open, the starter runs and each exercise\'s check fails against it, or builds on one that does', async () => {
    const url = await startStarter();
    try {
      for (const { lesson, id, exercises } of practised) {
        const report = await runSpec((await lesson.spec!()).default, new URL(url), 'en');
        const failing = exercises.list.map(({ check }) => report.checks.find((c) => c.id === check)?.status !== 'pass');
        // Like's exercise 3 (only htmx gets the fragment) can only fail once exercise 2 sends a fragment at all.
        failing.forEach((fails, at) => expect(fails || failing.slice(0, at).some(Boolean), `${id} exercise ${exercises.list[at]!.number}`).toBe(true));
        expect(failing[0], `${id} exercise 1`).toBe(true);
      }
    } finally {
      server?.kill();
      server = undefined;
    }
  }, 120_000);

  it('verify fails on the one exercise left undone, with its hint, and passes once the solution is applied', async () => {
    // Exercises 2 to 4 done (their solutions copied in), exercise 1 (the hx- attributes) left as it is.
    for (const file of ['htmx.ts', 'json.ts']) copyFileSync(join(project, 'solutions/like', file), join(project, 'src/lessons/like', file));
    const url = await startStarter();
    const before = await runCli(['verify', url, '--lesson', 'like']);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/✘ the page has #like-section holding a button whose hx-post, hx-target and hx-swap point at each other\n\s+the button has no hx-post\n\s+hint: Give the button hx-post="\/like\/"/);
    expect(before.stdout).toContain('5 of 6 checks passed');

    const diff = await tsx('scripts/solution.ts', 'like');
    expect(diff.code).toBe(0);
    expect(diff.output).toContain('--- src/lessons/like/views/_like_button.ejs (yours)');
    expect(diff.output).toMatch(/^-<%# TODO 1:/m);
    expect(diff.output).toMatch(/^\+<div id="like-section"><button hx-post="\/like\/"/m);
    expect(diff.output).not.toContain('htmx.ts (yours)'); // the same as the solution already

    const applied = await tsx('scripts/solution.ts', 'like', '--apply');
    expect(applied.code).toBe(0);
    const backup = /kept in (\.solution-backup\/like-[^/]+)\//.exec(applied.output)?.[1];
    expect(backup, applied.output).toBeDefined();
    expect(readFileSync(join(project, backup!, 'views/_like_button.ejs'), 'utf8')).toContain('TODO 1:');
    expect(readdirSync(join(project, backup!))).toEqual(['views']); // only what was written over

    // Views are read on every request: the running starter shows the applied view at once.
    const after = await runCli(['verify', url, '--lesson', 'like']);
    expect(after.stdout).toContain('6 of 6 checks passed');
    expect(after.code).toBe(0);
  }, 120_000);

  it('npm test passes after solution --apply', async () => {
    for (const { id } of practised.filter(({ id }) => id !== 'like')) expect((await tsx('scripts/solution.ts', id, '--apply')).code).toBe(0);
    const { code, output } = await npmTest();
    expect(code, output).toBe(0);
    expect(stripVTControlCharacters(output)).toMatch(/Tests\s+\d+ passed/);
  }, 120_000);
});
