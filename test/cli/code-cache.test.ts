// The published bundles' code cache: the server's, saved by the first start with what it compiled for the first
// page, and the command's own, saved when its first run ends, both beside the CSRF secret; a later run uses each as
// it is; a cache V8 refuses (damaged, or from another build) is made again, and the command works all the same.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killAll, runCli, startServe } from './spawn-cli.js';

const stateHome = mkdtempSync(join(tmpdir(), 'htmx-demo-cache-'));
const stateDir = join(stateHome, 'htmx-demo');
const env = { XDG_STATE_HOME: stateHome };
afterEach(killAll);
afterAll(() => rmSync(stateHome, { recursive: true, force: true }));

const cacheFiles = (bundle = 'server.cjs', dir = stateDir) => (existsSync(dir) ? readdirSync(dir).filter((file) => file.startsWith(`code-cache-${bundle}-`)) : []);

/** Starts serve, loads the first page, and stops it once the cache (if one is to be written) has had time to be. */
async function startAndLoad({ wait = 800, state = env } = {}): Promise<void> {
  const { cli, baseUrl } = await startServe(['--port', '0'], state);
  const page = await fetch(`${baseUrl}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('id="like-section"');
  await new Promise((resolve) => setTimeout(resolve, wait));
  cli.child.kill('SIGINT');
  expect(await cli.exited).toEqual({ code: 0, signal: null });
  expect(cli.stderr()).toBe('');
}

describe('serve from the package, started again and again', () => {
  it('saves its compiled code after the first page, uses it unchanged next time, and makes a refused one again', async () => {
    await startAndLoad();
    const [file] = cacheFiles();
    expect(file, 'a cache after the first start').toMatch(/^code-cache-server\.cjs-v\d+\.\d+\.\d+-\w+-\d+-\d+\.bin$/);
    const path = join(stateDir, file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(path).size).toBeGreaterThan(100_000);
    const saved = readFileSync(path);

    await startAndLoad();
    expect(cacheFiles()).toEqual([file]);
    expect(readFileSync(path).equals(saved), 'accepted, so left as it was').toBe(true);

    const damaged = Buffer.alloc(saved.length, 7);
    writeFileSync(path, damaged);
    await startAndLoad();
    expect(cacheFiles()).toEqual([file]);
    expect(readFileSync(path).equals(damaged), 'refused by V8, so made again').toBe(false);
    expect(statSync(path).size).toBeGreaterThan(100_000);
  }, 60_000);

  it('saves it at exit when stopped at once after the first page', async () => {
    const other = join(stateHome, 'stopped-at-once');
    await startAndLoad({ wait: 0, state: { XDG_STATE_HOME: other } });
    expect(cacheFiles('server.cjs', join(other, 'htmx-demo'))).toHaveLength(1);
    expect(cacheFiles('cli.cjs', join(other, 'htmx-demo'))).toHaveLength(1);
  }, 30_000);
});

describe('the command itself, run again and again', () => {
  it('saves its compiled code when its first run ends, uses it unchanged next time, and makes a refused one again', async () => {
    const state = { XDG_STATE_HOME: join(stateHome, 'command') };
    const dir = join(state.XDG_STATE_HOME, 'htmx-demo');
    const listed = async () => {
      const { code, stdout } = await runCli(['lessons'], state);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^1\s+like\s+The like button$/m);
    };
    await listed();
    const [file] = cacheFiles('cli.cjs', dir);
    expect(file, 'a cache after the first run').toMatch(/^code-cache-cli\.cjs-v\d+\.\d+\.\d+-\w+-\d+-\d+\.bin$/);
    const path = join(dir, file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = readFileSync(path);
    await listed();
    expect(cacheFiles('cli.cjs', dir)).toEqual([file]);
    expect(readFileSync(path).equals(saved), 'accepted, so left as it was').toBe(true);
    writeFileSync(path, Buffer.alloc(saved.length, 7));
    await listed();
    expect(readFileSync(path).equals(saved.fill(7)), 'refused by V8, so made again').toBe(false);
  }, 30_000);
});
