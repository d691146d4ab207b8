// The specs of lessons 7, 8 and 9 over HTTP: they pass against serve, in both languages and twice in a row, and
// serve behind a proxy that changes one point of a lesson fails the check for that point, with its hint.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpec, type SpecReport } from '../../src/kit/spec/index.js';
import type { Lang } from '../../src/kit/i18n.js';
import { lessons } from '../../src/lessons/index.js';
import { roomSwitches } from '../../src/lessons/failure/switches.js';
import { startServer, type TestServer } from '../support/server.js';
import { failedChecks, specOf } from '../support/spec.js';

async function run(id: string, url: string | URL, lang: Lang = 'en'): Promise<SpecReport> {
  return runSpec((await specOf(id))!, new URL(url), lang);
}

const failed = failedChecks;
const check = (report: SpecReport, id: string) => report.checks.find((c) => c.id === id)!;
const failedIds = (report: SpecReport) => report.checks.filter((c) => c.status === 'fail').map((c) => c.id);

interface Seen {
  status: number;
  headers: Headers;
  body: string;
}
interface Asked {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}
/** Changes what serve answered, or answers instead of it (when `before` returns an answer). */
interface Edit {
  before?: (asked: Asked) => Seen | undefined;
  after?: (asked: Asked, seen: Seen) => Seen;
}

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

/** serve behind a proxy that applies `edit`, for the length of `body`. */
async function behindProxy(edit: Edit, body: (url: URL) => Promise<void>): Promise<void> {
  const proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const asked: Asked = { method: req.method!, path: req.url!, headers: req.headers };
    let seen = edit.before?.(asked);
    if (!seen) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'origin', 'referer', 'connection', 'content-length'].includes(name)).map(([name, value]) => [name, String(value)]));
      const answer = await fetch(server.url + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, redirect: 'manual' });
      seen = { status: answer.status, headers: answer.headers, body: await answer.text() };
      if (edit.after) seen = edit.after(asked, seen);
    }
    const headers: Record<string, string | string[]> = {};
    seen.headers.forEach((value, name) => { if (!['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie'].includes(name)) headers[name] = value; });
    const cookies = seen.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
    res.writeHead(seen.status, headers);
    res.end(seen.body);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    await body(new URL(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`));
  } finally {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
}

const html = (status: number, body: string): Seen => ({ status, headers: new Headers({ 'Content-Type': 'text/html; charset=utf-8' }), body });
const edited = (seen: Seen, change: (body: string) => string): Seen => ({ ...seen, body: change(seen.body) });
const fromHtmx = (asked: Asked) => asked.headers['hx-request'] === 'true';

describe('against serve', () => {
  it('lessons 7, 8 and 9 have a spec', () => {
    expect(lessons.filter((lesson) => lesson.spec).map((lesson) => lesson.number)).toEqual(expect.arrayContaining([7, 8, 9]));
  });

  for (const id of ['failure', 'two-clients', 'htmx2-vs-4']) {
    it(`${id}: every check passes in en and ko, twice in a row, the token found in htmx's hx-headers`, async () => {
      for (const lang of ['en', 'ko', 'en'] as const) {
        const report = await run(id, server.url, lang);
        expect(failed(report)).toEqual([]);
        expect(report.passed).toBe(true);
        expect(report.csrf).toBe('hx-headers on <body> (X-CSRF-Token)');
      }
    });
  }

  it('the checks are titled in the language asked for', async () => {
    const report = await run('two-clients', server.url, 'ko');
    expect(check(report, 'change-json').title).toMatch(/[가-힣]/);
  });

  it('lesson 7 leaves the room\'s switches as it found them, and lesson 8 the task list', async () => {
    const room = { ...roomSwitches };
    const tasks = async () => (await (await fetch(`${server.url}/api/v1/tasks`)).json()) as unknown;
    const before = await tasks();
    await run('failure', server.url);
    await run('two-clients', server.url);
    expect(roomSwitches).toEqual(room);
    expect(await tasks()).toEqual(before);
  });
});

describe('lesson 7 against a server that misses one point', () => {
  it('a button without hx-status:5xx fails that check alone, with its hint in Korean', async () => {
    await behindProxy({ after: (asked, seen) => (asked.path === '/lessons/failure' ? edited(seen, (body) => body.replace(' hx-status:5xx="swap:none"', '')) : seen) }, async (url) => {
      const report = await run('failure', url, 'ko');
      expect(failedIds(report)).toEqual(['status']);
      expect(check(report, 'status').detail).toBe('the button has no hx-status:5xx');
      expect(check(report, 'status').hint).toContain('hx-status:5xx="swap:none"을 넣고');
    });
  });

  it('a news route that answers the fragment to the address bar fails no-htmx', async () => {
    await behindProxy({ before: (asked) => (asked.path === '/failure/news' && !fromHtmx(asked) ? html(200, '<p class="news"><time datetime="2026-01-01T00:00:00Z">00:00:00</time> News</p>') : undefined) }, async (url) => {
      const report = await run('failure', url);
      expect(failedIds(report)).toEqual(['no-htmx']);
      expect(check(report, 'no-htmx').hint).toMatch(/HX-Request/);
    });
  });

  it('a JSON lane whose 500 is plain text fails error-json; the 500 switch is used up all the same', async () => {
    await behindProxy({ after: (asked, seen) => (asked.path === '/api/failure/news' && seen.status === 500 ? { status: 500, headers: new Headers({ 'Content-Type': 'text/plain' }), body: 'oops' } : seen) }, async (url) => {
      const report = await run('failure', url);
      expect(failedIds(report)).toEqual(['error-json']);
      expect(check(report, 'error-json').detail).toBe('500 text/plain: oops');
      expect(check(report, 'error-json').hint).toMatch(/application\/json/);
    });
  });

  it('a server that never fails fails both 500 checks, and the spec switches the 500 off again', async () => {
    const arms: string[] = [];
    await behindProxy({
      before: (asked) => (asked.path === '/failure/switches' ? (arms.push(asked.method), undefined) : undefined),
      after: (asked, seen) => (seen.status === 500 ? { ...seen, status: 200 } : seen),
    }, async (url) => {
      const report = await run('failure', url);
      expect(failedIds(report)).toEqual(['error-htmx', 'error-json']);
      expect(check(report, 'error-htmx').detail).toMatch(/^the first request after arming: 200 text\/html/);
    });
    expect(arms).toEqual(['POST', 'POST', 'POST', 'POST', 'POST']); // arm, off; arm, off; the token-less one
  });
});

describe('lesson 8 against a server that misses one point', () => {
  it('HTML routes without Vary: HX-Request fail no-htmx alone', async () => {
    await behindProxy({ after: (asked, seen) => (asked.path.startsWith('/two-clients/') ? { ...seen, headers: new Headers([...seen.headers].filter(([name]) => name !== 'vary')) } : seen) }, async (url) => {
      const report = await run('two-clients', url, 'ko');
      expect(failedIds(report)).toEqual(['no-htmx']);
      expect(check(report, 'no-htmx').detail).toBe('the page says Vary: (nothing)');
      expect(check(report, 'no-htmx').hint).toContain('Vary: HX-Request를 붙이세요');
    });
  });

  it('a JSON API that answers a stale copy fails change-htmx; the task is put back all the same', async () => {
    let stale: Seen | undefined;
    const before = await (await fetch(`${server.url}/api/v1/tasks`)).json() as unknown;
    await behindProxy({ after: (asked, seen) => (asked.path === '/api/v1/tasks' ? (stale ??= seen) : seen) }, async (url) => {
      const report = await run('two-clients', url);
      expect(failedIds(report)).toContain('change-htmx');
      expect(check(report, 'change-htmx').detail).toMatch(/^the JSON API still says "done"/);
    });
    expect(await (await fetch(`${server.url}/api/v1/tasks`)).json()).toEqual(before);
  });

  it('a PATCH taken without a token fails csrf', async () => {
    await behindProxy({ before: (asked) => (asked.method === 'PATCH' && !asked.headers['x-csrf-token'] ? { status: 200, headers: new Headers({ 'Content-Type': 'application/json' }), body: '{}' } : undefined) }, async (url) => {
      const report = await run('two-clients', url);
      expect(failedIds(report)).toEqual(['csrf']);
      expect(check(report, 'csrf').hint).toMatch(/403/);
    });
  });
});

describe('lesson 9 against a server that misses one point', () => {
  it('a token in plain hx-headers (htmx 2\'s way) fails inherit, and the checks that need the button are skipped', async () => {
    await behindProxy({ after: (asked, seen) => (asked.path === '/htmx2-vs-4/v4/' ? edited(seen, (body) => body.replaceAll('hx-headers:inherited=', 'hx-headers=')) : seen) }, async (url) => {
      const report = await run('htmx2-vs-4', url, 'ko');
      expect(failedIds(report)).toEqual(['inherit']);
      expect(check(report, 'inherit').detail).toBe('no element with hx-headers:inherited holding a CSRF token');
      expect(check(report, 'inherit').hint).toContain(':inherited라고');
      expect(check(report, 'like').status).toBe('skip');
    });
  });

  it('a name form without hx-status:422 fails aim alone', async () => {
    await behindProxy({ after: (asked, seen) => (asked.path === '/htmx2-vs-4/v4/' ? edited(seen, (body) => body.replace(' hx-status:422="target:#name-aimed-error"', '')) : seen) }, async (url) => {
      const report = await run('htmx2-vs-4', url);
      expect(failedIds(report)).toEqual(['aim']);
      expect(check(report, 'aim').detail).toBe('no name form has hx-status:422');
    });
  });

  it('a bad name answered 200 (which htmx 2 would swap, htmx 4 too) fails status alone', async () => {
    await behindProxy({ after: (asked, seen) => (seen.status === 422 ? { ...seen, status: 200 } : seen) }, async (url) => {
      const report = await run('htmx2-vs-4', url);
      expect(failedIds(report)).toEqual(['status']);
      expect(check(report, 'status').hint).toMatch(/422/);
    });
  });

  it('a server that reads only htmx 2\'s HX-Trigger fails headers', async () => {
    await behindProxy({ before: (asked) => (asked.path.endsWith('/headers') ? html(200, `<dl><dt>hx-trigger</dt><dd>${asked.headers['hx-trigger'] ?? ''}</dd></dl>`) : undefined) }, async (url) => {
      const report = await run('htmx2-vs-4', url);
      expect(failedIds(report)).toEqual(['headers']);
      expect(check(report, 'headers').detail).toMatch(/^htmx 4's headers: 200 text\/html/);
    });
  });

  it('an item answered without its out-of-band counter fails oob', async () => {
    await behindProxy({ after: (asked, seen) => (asked.path.endsWith('/items') ? edited(seen, (body) => body.replace(/<span id="item-count"[^]*<\/span>/, '')) : seen) }, async (url) => {
      const report = await run('htmx2-vs-4', url);
      expect(failedIds(report)).toEqual(['oob']);
      expect(check(report, 'oob').detail).toBe('the answer has no #item-count with hx-swap-oob');
    });
  });
});
