// htmx-demo verify's specs, run over HTTP: they pass against serve and against lesson 1 written without Koa or EJS,
// and a server that misses a point fails that point, with the hint that names it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpec, type SpecReport } from '../../src/kit/spec/index.js';
import { lessons } from '../../src/lessons/index.js';
import { djangoStyleServer } from '../fixtures/django-style/server.js';
import { startServer, type TestServer } from '../support/server.js';

async function specOf(id: string) {
  const lesson = lessons.find((l) => l.id === id)!;
  return (await lesson.spec!()).default;
}

const failed = (report: SpecReport) => report.checks.filter((check) => check.status !== 'pass').map((check) => `${check.id}: ${check.detail ?? check.status}`);

describe('against serve', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer(); });
  afterAll(() => server.close());

  it('lessons 1, 2, 4 and 6 have a spec', () => {
    expect(lessons.filter((lesson) => lesson.spec).map((lesson) => lesson.number)).toEqual(expect.arrayContaining([1, 2, 4, 6]));
  });

  for (const id of ['like', 'toggle', 'form', 'oob']) {
    it(`${id}: every check passes, and the token is found in htmx's hx-headers`, async () => {
      const report = await runSpec(await specOf(id), new URL(server.url), 'en');
      expect(failed(report)).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.csrf).toBe('hx-headers on <body> (X-CSRF-Token)');
    });
  }

  it('runs twice in a row on the same server (it leaves the lesson as its buttons would)', async () => {
    for (const id of ['toggle', 'oob']) {
      expect(failed(await runSpec(await specOf(id), new URL(server.url), 'en'))).toEqual([]);
      expect(failed(await runSpec(await specOf(id), new URL(server.url), 'ko'))).toEqual([]);
    }
  });
});

describe('against lesson 1 in node:http with Django-style CSRF', () => {
  let server: Server;
  let url: URL;
  beforeAll(async () => {
    server = djangoStyleServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes, with the token from the csrftoken cookie sent back as X-CSRFToken', async () => {
    const report = await runSpec(await specOf('like'), url, 'en');
    expect(failed(report)).toEqual([]);
    expect(report.csrf).toBe('the csrftoken cookie (sent back as X-CSRFToken)');
  });
});

describe('against servers that miss one point', () => {
  /** A lesson-1 server whose answers are made by `answer` (given the path and the request headers). */
  async function withServer(answer: (path: string, headers: Record<string, string | string[] | undefined>) => [number, string, string], run: (url: URL) => Promise<void>) {
    const server = createServer((req, res) => {
      req.resume();
      const [status, type, body] = answer(req.url ?? '/', req.headers);
      res.writeHead(status, { 'Content-Type': type, 'Set-Cookie': 'csrftoken=abcdefabcdefabcdefabcdefabcdefab; Path=/' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    } finally {
      server.close();
    }
  }
  const section = (attrs: string, n: number, cls = '') => `<div id="like-section"><button ${attrs}${cls}>❤️ (${n})</button></div>`;
  const good = 'hx-post="/like/" hx-target="#like-section" hx-swap="outerHTML"';

  it('a button with hx-swap="innerHTML" fails the markup check, with the outerHTML hint in the asked language', async () => {
    let n = 0;
    await withServer((path) => (path === '/' ? [200, 'text/html', `<!doctype html><body>${section(good.replace('outerHTML', 'innerHTML'), n)}</body>`] : [200, 'text/html', section(good, ++n, ' class="btn-liked"')]), async (url) => {
      const report = await runSpec(await specOf('like'), url, 'ko');
      const markup = report.checks.find((check) => check.id === 'markup')!;
      expect(markup.status).toBe('fail');
      expect(markup.detail).toBe('hx-swap is "innerHTML"');
      expect(markup.hint).toContain('hx-swap="outerHTML"');
      expect(markup.hint).toContain('버튼에');
      expect(report.passed).toBe(false);
    });
  });

  it('a server that answers the fragment to everyone, and takes posts with no token, fails those two checks only', async () => {
    let n = 0;
    await withServer((path) => {
      if (path === '/') return [200, 'text/html', `<!doctype html><body>${section(good, n)}</body>`];
      if (path === '/api/like') return [200, 'application/json', JSON.stringify({ likes: 1 })];
      return [200, 'text/html', section(good, ++n, ' class="btn-liked"')];
    }, async (url) => {
      const report = await runSpec(await specOf('like'), url, 'en');
      expect(report.checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual(['no-htmx', 'csrf']);
      expect(report.checks.find((check) => check.id === 'no-htmx')!.hint).toMatch(/HX-Request/);
    });
  });

  it('a page with no token anywhere fails the page check and runs none of the checks that need it', async () => {
    const server = createServer((req, res) => res.end('<div id="like-section"><button>(0)</button></div>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const report = await runSpec(await specOf('like'), new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), 'en');
      expect(report.checks[0]).toMatchObject({ id: 'page', status: 'fail' });
      expect(report.checks[0]!.hint).toMatch(/meta name="csrf-token"/);
      expect(report.checks.find((check) => check.id === 'csrf')!.status).toBe('skip');
    } finally {
      server.close();
    }
  });
});
