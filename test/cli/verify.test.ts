// htmx-demo verify as a learner runs it: a checklist, exit 0 only when every check passes, --json for CI, no Koa loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { djangoStyleServer } from '../fixtures/django-style/server.js';
import { startServer, type TestServer } from '../support/server.js';
import { countingKoaFiles, runCli } from './spawn-cli.js';

let serve: TestServer;
let django: Server;
let djangoUrl: string;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'htmx-demo-verify-'));
  serve = await startServer();
  django = djangoStyleServer();
  await new Promise<void>((resolve) => django.listen(0, '127.0.0.1', resolve));
  djangoUrl = `http://127.0.0.1:${(django.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await serve.close();
  django.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('htmx-demo verify', () => {
  it('checks every lesson with a spec against serve: a checklist per lesson, exit 0, and no Koa loaded', async () => {
    const counter = countingKoaFiles(dir);
    const { code, stdout, stderr } = await runCli(['verify', serve.url], counter.env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const heading of ['1. The like button', '2. Like, unlike, log in', '3. Sending data', '4. Forms and validation', '5. Active search', '6. One click, two places']) expect(stdout).toContain(heading);
    expect(stdout).toContain('CSRF token from: hx-headers on <body> (X-CSRF-Token)');
    expect(stdout).toContain('✔ a POST without the CSRF token is refused, on both lanes');
    expect(stdout).not.toContain('✘');
    expect(stdout).not.toMatch(/not checked: .*\b(like|toggle|payload|form|search|oob)\b/);
    expect(counter.koaFiles()).toBe(0);
  });

  it('--lesson like against a Django-style server: passes, and names the csrftoken cookie', async () => {
    const { code, stdout } = await runCli(['verify', djangoUrl, '--lesson', 'like']);
    expect(code).toBe(0);
    expect(stdout).toContain('CSRF token from: the csrftoken cookie (sent back as X-CSRFToken)');
    expect(stdout).toContain('6 of 6 checks passed');
  });

  it('--lesson 2 against a server without lesson 2: exit 1, and a hint in Korean with --lang ko', async () => {
    const { code, stdout } = await runCli(['verify', djangoUrl, '--lesson', '2', '--lang', 'ko']);
    expect(code).toBe(1);
    expect(stdout).toContain('✘ 레슨 페이지가 열리고 CSRF 토큰이 있다');
    expect(stdout).toContain('힌트: 레슨 페이지를 / 또는 /lessons/toggle에서');
    expect(stdout).toMatch(/– .*실행하지 않음/);
  });

  it('--json prints one JSON document with every check, and the same exit status', async () => {
    const { code, stdout } = await runCli(['verify', djangoUrl, '--lesson', 'all', '--json']);
    expect(code).toBe(1); // only lesson 1 is there
    const result = JSON.parse(stdout);
    expect(result.passed).toBe(false);
    const specced = lessons.filter((lesson) => lesson.spec).map((lesson) => [lesson.id, lesson.id === 'like']);
    expect(specced).toEqual(expect.arrayContaining([['like', true], ['toggle', false], ['form', false], ['oob', false]]));
    expect(result.lessons.map((lesson: { lesson: string; passed: boolean }) => [lesson.lesson, lesson.passed])).toEqual(specced);
    expect(result.lessons[0].checks).toHaveLength(6);
  });

  it('says in one line when nothing answers, or the URL is not one', async () => {
    const freePort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const closed = await runCli(['verify', `http://127.0.0.1:${freePort}/`]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain(`nothing answers at http://127.0.0.1:${freePort}/ (ECONNREFUSED): is the server running`);
    expect(closed.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await runCli(['verify', 'ftp://example.com/']);
    expect(bad.stderr).toMatch(/only http:\/\/ and https:\/\/ can be checked/);
    const unknown = await runCli(['verify', serve.url, '--lesson', 'nope']);
    expect(unknown.stderr).toMatch(/unknown lesson "nope"/);
  });
});
