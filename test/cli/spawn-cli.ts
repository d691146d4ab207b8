// Runs the built CLI (bin/htmx-demo.cjs) as a real child process, and waits for what it prints.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { stripVTControlCharacters as plain } from 'node:util';

export const binPath = fileURLToPath(new URL('../../bin/htmx-demo.cjs', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (or stderr), colours stripped; rejects if the process exits first. */
  waitFor(pattern: RegExp, options?: { stream?: 'stdout' | 'stderr'; timeoutMs?: number }): Promise<RegExpMatchArray>;
  exited: Promise<Exit>;
}

const running = new Set<ChildProcess>();

/** One state folder for every CLI this test file spawns: no test reads or writes the user's own (CSRF secret). */
const testStateHome = mkdtempSync(join(tmpdir(), 'htmx-demo-test-state-'));
afterAll(() => rmSync(testStateHome, { recursive: true, force: true }));

/** Env for the child: the test's, minus anything that changes colour, plus `env` (undefined deletes). */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, XDG_STATE_HOME: testStateHome };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'PORT', 'BROWSER', 'DEBUG']) delete merged[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

export function spawnCli(args: string[], env: Record<string, string | undefined> = {}): CliProcess {
  const child = spawn(process.execPath, [binPath, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const output = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  let closed = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      closed = true;
      resolve({ code, signal });
      for (const listener of listeners) listener();
    });
  });

  const waitFor: CliProcess['waitFor'] = (pattern, { stream = 'stdout', timeoutMs = 10_000 } = {}) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(plain(output[stream]));
        if (match) return done(() => resolve(match));
        if (closed) {
          done(() => reject(new Error(`exited before printing ${pattern}\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`)));
        }
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  return { child, stdout: () => output.stdout, stderr: () => output.stderr, waitFor, exited };
}

/** Runs a command that ends by itself (help, errors) and returns what it printed. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}) {
  const cli = spawnCli(args, env);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/** Starts `serve` and resolves once the banner is out, with the Local URL and its port. */
export async function startServe(args: string[] = [], env: Record<string, string | undefined> = {}) {
  const cli = spawnCli(['serve', ...args], env);
  await cli.waitFor(/Ctrl\+C to stop/);
  const localUrl = /Local:\s+(\S+)/.exec(plain(cli.stdout()))?.[1] ?? '';
  const port = Number(new URL(localUrl).port);
  return { cli, localUrl, port, baseUrl: `http://127.0.0.1:${port}` };
}

/** afterEach: no test leaves a server behind. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGKILL');
      return closed;
    }),
  );
}

/**
 * Env that makes the CLI write down every file of its own bundle it loads; koaFiles() counts those that hold Koa
 * (its application module names its debug channel "koa:application"), so a lazy import folded away by the bundler
 * would show.
 */
let counters = 0;
export function countingKoaFiles(dir: string): { env: Record<string, string>; koaFiles(): number } {
  const run = ++counters;
  const preload = join(dir, `count-koa-${run}.mjs`);
  const report = join(dir, `loaded-${run}.txt`);
  const hooks = [
    "import { appendFileSync } from 'node:fs';",
    'export async function load(url, context, next) {',
    `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(report)}, url + '\\n');`,
    '  return next(url, context);',
    '}',
  ].join('\n');
  // The published CLI is CommonJS, loaded by require (which the hooks above do not see in Node 20), and the server
  // one CommonJS file that serve compiles itself (vm.Script, for the code cache): each seen where it is compiled.
  const compiled = [
    "import { appendFileSync } from 'node:fs';",
    "import Module, { syncBuiltinESMExports } from 'node:module';",
    "import { pathToFileURL } from 'node:url';",
    "import vm from 'node:vm';",
    `const record = (file) => appendFileSync(${JSON.stringify(report)}, pathToFileURL(file).href + '\\n');`,
    'const compile = Module.prototype._compile;',
    'Module.prototype._compile = function (content, file) { record(file); return compile.call(this, content, file); };',
    'const Script = vm.Script;',
    'vm.Script = class extends Script {',
    '  constructor(source, options) { if (options?.filename) record(options.filename); super(source, options); }',
    '};',
    'syncBuiltinESMExports();',
  ].join('\n');
  writeFileSync(preload, `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});\n${compiled}\n`);
  return {
    env: { NODE_OPTIONS: `--import ${preload}` },
    koaFiles: () => {
      if (!existsSync(report)) return NaN;
      const loaded = readFileSync(report, 'utf8').trim().split('\n').map((url) => fileURLToPath(url));
      return loaded.filter((file) => readFileSync(file, 'utf8').includes('koa:application')).length;
    },
  };
}
