// htmx-demo lessons lists the lessons without loading the server; serve --lesson starts on one, or refuses in one line.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { countingKoaFiles, killAll, runCli, spawnCli, startServe } from './spawn-cli.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'htmx-demo-lessons-')); });
afterEach(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

const ansi = /\u001b\[/;
const validList = lessons.map((lesson) => `${lesson.number} ${lesson.id}`).join(', ');

/** What `htmx-demo lessons` prints when piped: one line per lesson, number, id and title in aligned columns. */
function listing(lang: 'en' | 'ko'): string {
  const idWidth = Math.max(2, ...lessons.map((lesson) => lesson.id.length));
  const numberWidth = String(lessons.length).length;
  return lessons.map((lesson) => `${String(lesson.number).padStart(numberWidth)}  ${lesson.id.padEnd(idWidth)}  ${lesson.title[lang]}\n`).join('');
}

describe('htmx-demo lessons', () => {
  it('prints one plain line per lesson when piped: number, id and title in aligned columns', async () => {
    const { code, stdout, stderr } = await runCli(['lessons']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(ansi);
    expect(stdout).toBe(listing('en'));
  });

  it('--lang ko prints the Korean titles', async () => {
    const { code, stdout } = await runCli(['lessons', '--lang', 'ko']);
    expect(code).toBe(0);
    expect(stdout).toBe(listing('ko'));
  });

  it('refuses a language it does not speak, in one line', async () => {
    const { code, stderr } = await runCli(['lessons', '--lang', 'fr']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: .*'fr' is invalid.*en, ko/);
  });

  it('loads none of the server (Koa), and neither does --help; serve does, so the check can tell', async () => {
    for (const args of [['lessons'], ['--help'], ['serve', '--help']]) {
      const counter = countingKoaFiles(dir);
      expect((await runCli(args, counter.env)).code).toBe(0);
      expect(counter.koaFiles(), args.join(' ')).toBe(0);
    }
    const counter = countingKoaFiles(dir);
    const { cli, baseUrl } = await startServe(['--port', '0'], counter.env);
    expect((await fetch(baseUrl + '/')).status).toBe(200);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(counter.koaFiles()).toBeGreaterThan(0);
  });

  it('is listed in the help', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).toMatch(/^\s+lessons \[options\]\s+list the lessons/m);
  });
});

describe('htmx-demo serve --lesson', () => {
  it.each(['like', '1', 'LIKE'])('--lesson %s: the banner points at the lesson page, which serves', async (wanted) => {
    const { cli, localUrl, port, baseUrl } = await startServe(['--port', '0', '--lesson', wanted]);
    expect(localUrl).toBe(`http://localhost:${port}/lessons/like`);
    expect(cli.stdout()).toContain(`Local:   http://localhost:${port}/lessons/like`);
    const res = await fetch(`${baseUrl}/lessons/like`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-lesson="like"');
  });

  it('--open opens the lesson page', async () => {
    const argvFile = join(dir, 'argv.json');
    const browser = join(dir, 'browser');
    writeFileSync(browser, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(2)));\n`);
    chmodSync(browser, 0o755);
    const { localUrl } = await startServe(['--port', '0', '--open', '--lesson', '1'], { BROWSER: browser });
    await expect.poll(() => existsSync(argvFile) && readFileSync(argvFile, 'utf8'), { timeout: 5000 }).toBeTruthy();
    expect(JSON.parse(readFileSync(argvFile, 'utf8'))).toEqual([localUrl]);
    expect(localUrl).toMatch(/\/lessons\/like$/);
  });

  it.each(['nope', '0', String(lessons.length + 1), '-1', ''])('--lesson "%s": one error line naming the lessons, exit 1, no server', async (wanted) => {
    const counter = countingKoaFiles(dir);
    const cli = spawnCli(['serve', '--port', '0', '--lesson', wanted], counter.env);
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.stderr()).toBe(`error: unknown lesson "${wanted}": use a number or an id, one of: ${validList}\n`);
    expect(cli.stdout()).toBe('');
    expect(counter.koaFiles()).toBe(0); // refused before the server was even loaded
  });
});
