// The package as a learner gets it: packed, installed from the tarball into an empty folder, its scaffold run, and
// in the starter `npm install`, `npm test`, `npm run check` and `npm start`. Needs the npm registry (or a warm
// cache), and a minute or two: it runs on its own (`npm run test:pack`, also in .ci/run), not inside `npm test`,
// where its installs would starve the timing-sensitive load tests of CPU.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters as plain } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/scaffold-support.js';

const repoRoot = join(import.meta.dirname, '..', '..');

// npm install from the registry (through the local cache when it can): a minute or two on a warm cache.
const slow = 10 * 60_000;

describe('installed from its tarball', () => {
  let dir: string;
  /** The environment of a learner's shell: none of this test run's npm, vitest or colour variables. */
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST|NODE_ENV$|TEST$|NO_COLOR$|FORCE_COLOR$|DEBUG$|HTMX_DEMO_)/.test(name)),
  );
  const run = (command: string, args: string[], cwd: string) =>
    promisify(execFile)(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }).catch((err: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
    });
  const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

  beforeAll(() => { dir = tempDir('htmx-demo-pack-'); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scaffolds a starter with every lesson that installs, type-checks, passes its tests and starts', async () => {
    // 1. The tarball npm would publish (dist/ is already built by `npm test`).
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--loglevel=error'], repoRoot);
    const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'))!;

    // 2. Installed into an empty folder, as `npx htmx-demo` would.
    const user = join(dir, 'user');
    mkdirSync(user);
    writeFileSync(join(user, 'package.json'), '{ "private": true }\n');
    await run('npm', ['install', join(dir, tarball), ...npmFlags], user);

    // 3. Its scaffold, then the next steps it prints.
    const scaffolded = await run(join(user, 'node_modules/.bin/htmx-demo'), ['scaffold', 'my demo/starter', '--lessons', 'all'], user);
    expect(scaffolded.stdout).toContain("cd 'my demo/starter'");
    const project = join(user, 'my demo', 'starter');
    await run('npm', ['install', ...npmFlags], project);
    const tested = await run('npm', ['test'], project);
    expect(plain(tested.stdout)).toMatch(/Tests\s+\d+ passed/);
    await run('npm', ['run', 'check'], project);

    // 4. npm start answers the lesson page.
    const page = await startAndFetch(project, env);
    expect(page).toContain('<meta name="csrf-token"');
    expect(page).toContain('hx-post="/like/"');
  }, slow);
});

/** Runs `npm start` on a free port, fetches the first page, and stops the whole process group it started. */
async function startAndFetch(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn('npm', ['start'], { cwd, env: { ...env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Local: +http:\/\/localhost:(\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    return await res.text();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}
