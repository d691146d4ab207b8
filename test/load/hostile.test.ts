// Hostile input on every route: malformed, truncated and oversized bodies, odd methods, huge URLs and headers,
// path traversal, markup in every text field. Each gets a 4xx (never a 5xx, never markup echoed back), and the
// server answers the next normal request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isClientGone } from '../../dist/server/errors.js';
import { htmxVersion } from '../../dist/server/paths.js';
import { openEventStream, rawRequest } from '../support/http.js';
import { pageCounts } from '../support/lanes.js';
import { newVisitor, startServer, type TestServer, type Visitor } from '../support/server.js';
import { requestBytes, sendRaw } from './support/raw-socket.js';

interface Route {
  path: string;
  method: 'GET' | 'POST';
  /** Static files: answered before the body parser, so a body is never read there. */
  file?: boolean;
}

const routes: Route[] = [
  { path: '/', method: 'GET' },
  { path: '/lessons/like', method: 'GET' },
  { path: '/like/', method: 'POST' },
  { path: '/api/like', method: 'POST' },
  { path: '/lessons/like/reset', method: 'POST' },
  { path: '/_inspector/stream', method: 'GET' },
  { path: '/static/app.css', method: 'GET', file: true },
  { path: '/static/lessons/like/like.js', method: 'GET', file: true },
  { path: `/vendor/htmx/${htmxVersion}/htmx.min.js`, method: 'GET', file: true },
  { path: '/vendor/highlight.js/github.min.css', method: 'GET', file: true },
];

let server: TestServer;
let visitor: Visitor;
const serverFaults: unknown[] = [];
beforeAll(async () => {
  server = await startServer();
  server.demo.app.on('error', (err: unknown) => {
    if (!isClientGone(err)) serverFaults.push(err);
  });
  visitor = await newVisitor(server.url);
});
afterAll(() => server.close());

// Whatever the last request was, the server is still there for the next visitor, and logged no fault of its own.
afterEach(async () => {
  expect((await rawRequest(server.url, '/static/app.css')).status).toBe(200);
  expect((await rawRequest(server.url, '/', { headers: { Cookie: visitor.cookie } })).status).toBe(200);
  expect(serverFaults.splice(0)).toEqual([]);
});

/** The visitor's cookie and token: hostile requests get past the CSRF check and reach the code behind it. */
const session = () => ({ Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken });
const counts = async () => pageCounts((await rawRequest(server.url, '/', { headers: { Cookie: visitor.cookie } })).text);
const send = (method: string, path: string, headers: Record<string, string>, body = '', options = {}) =>
  sendRaw(server.url, requestBytes(method, path, headers, body), options);

describe.each(routes)('$method $path', (route) => {
  it('malformed JSON: 400 where a body is read, 405 on a static file', async () => {
    for (const body of ['{"likes":', '{likes: 1}', '[1,2', '\u0000\u0001', '{"a":"\\ud800"']) {
      const res = await send('POST', route.path, { ...session(), 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) }, body);
      expect(res.status, body).toBe(route.file ? 405 : 400);
    }
  });

  it('a truncated body (Content-Length larger than what comes, then the client ends): 4xx, and no like counted', async () => {
    const before = await counts();
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream']) {
      const res = await send('POST', route.path, { ...session(), 'Content-Type': type, 'Content-Length': '1000' }, 'likes=1&_csrf=', { halfClose: true });
      expect(res.status, type).toBe(route.file ? 405 : 400);
    }
    expect(await counts()).toEqual(before);
  });

  it('an oversized body: 413, declared or chunked', async () => {
    const declared = await send('POST', route.path, { ...session(), 'Content-Type': 'application/json', 'Content-Length': '1000000' }, '{"a":"');
    expect(declared.status).toBe(413);
    const big = `{"a":"${'x'.repeat(20_000)}"}`;
    const chunked = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`;
    for (const type of ['application/json', 'text/plain', 'application/octet-stream']) {
      const res = await send('POST', route.path, { ...session(), 'Content-Type': type, 'Transfer-Encoding': 'chunked' }, chunked);
      expect(res.status, type).toBe(route.file ? 405 : 413);
    }
  });

  it('a body of a type the route does not take changes nothing: the same answer as without a body', async () => {
    const plain = await send(route.method, route.path, { ...session(), 'Content-Length': '0' }, '', { readMs: 300 });
    const bodies: Array<[string, string]> = [
      ['application/xml', '<like count="1000"/>'],
      ['multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="likes"\r\n\r\n1000\r\n--zz--\r\n'],
      ['application/octet-stream', '\u0000\u00ff'.repeat(100)],
      ['image/png', 'not a png'],
    ];
    for (const [type, body] of bodies) {
      const res = await send(route.method, route.path, { ...session(), 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) }, body, { readMs: 300 });
      expect(res.status, type).toBe(plain.status);
      expect(res.status, type).toBeLessThan(500);
    }
  });

  it('a method it does not serve: 405 with the methods it does (Allow); a method nobody knows: 400', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', route.method === 'GET' ? 'POST' : 'GET']) {
      const res = await send(method, route.path, { ...session(), 'Content-Length': '0' }, '', { readMs: 300 });
      expect(res.status, method).toBe(405);
      expect(res.text, method).toMatch(/\r\nAllow: [A-Z, ]+\r\n/);
    }
    expect((await send('BREW', route.path, session())).status).toBe(400);
  });

  it('a 20 KB URL or a 20 KB header: 431', async () => {
    expect((await send('GET', `${route.path}?q=${'a'.repeat(20_000)}`, session())).status).toBe(431);
    expect((await send('GET', `${route.path}${'a'.repeat(20_000)}`, session())).status).toBe(431);
    expect((await send(route.method, route.path, { ...session(), 'X-Padding': 'a'.repeat(20_000) })).status).toBe(431);
    expect((await send(route.method, route.path, { ...session(), Cookie: `${visitor.cookie}; x=${'a'.repeat(20_000)}` })).status).toBe(431);
  });
});

describe('a path that does not exist', () => {
  it('is a 404 whatever the method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'OPTIONS']) {
      for (const path of ['/nowhere', '/lessons/like/nowhere', '/api/nowhere']) {
        const res = await send(method, path, { ...session(), 'Content-Length': '0' });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
  });
});

describe('path traversal', () => {
  const escapes = [
    '../', '..%2f', '..%2F', '%2e%2e/', '%2e%2e%2f', '.%2e/', '%2e./', '..%5c', '..\\', '%2e%2e%5c',
    '..%252f', '%252e%252e%252f', '..%c0%af', '%c0%ae%c0%ae/', '..%00/', '%00../', '..;/', '....//',
  ];
  const prefixes = ['/static/', '/static/lessons/like/', `/vendor/htmx/${htmxVersion}/`, '/vendor/highlight.js/', '/lessons/', '/'];
  const targets = ['package.json', 'src/lessons/like/lesson.ts', 'etc/passwd'];

  it('in every encoding, under every prefix: a 4xx, and nothing from outside the folder', async () => {
    let tried = 0;
    for (const prefix of prefixes) {
      for (const escape of escapes) {
        for (const target of targets) {
          const path = `${prefix}${escape.repeat(8)}${target}`;
          const res = await send('GET', path, { Cookie: visitor.cookie });
          expect(res.status, path).toBeGreaterThanOrEqual(400);
          expect(res.status, path).toBeLessThan(500);
          expect(res.body, path).not.toMatch(/"name": "htmx-demo"|root:x:0|LessonDefinition/);
          tried++;
        }
      }
    }
    expect(tried).toBe(prefixes.length * escapes.length * targets.length);
  });

  it('with a NUL after a real file name: 404, not the file', async () => {
    for (const path of ['/static/app.css%00', '/static/app.css%00.js', '/static/app.css\u0000.js'.replace('\u0000', '%00'), `/vendor/htmx/${htmxVersion}/htmx.min.js%00.map`]) {
      expect((await send('GET', path, {})).status, path).toBe(404);
    }
  });
});

describe('markup in every text field', () => {
  const payload = '<script>alert(1)</script><img src=x onerror=alert(1)>';
  const encoded = encodeURIComponent(payload);
  const raw = /<script>alert\(1\)<\/script>|<img src=x onerror/;

  it('is never echoed as markup: not in the answer, not in the inspector on the page, not in its stream', async () => {
    const stream = await openEventStream(`${server.url}/_inspector/stream`, { Cookie: visitor.cookie });
    try {
      const headers = {
        ...session(),
        'HX-Request': 'true',
        'HX-Target': payload,
        'HX-Current-URL': `http://127.0.0.1/${payload}`,
        'HX-Source': payload,
        'HX-Request-Type': payload,
        Accept: payload,
      };
      const bodies: Array<[string, string]> = [
        ['text/plain', payload],
        ['application/x-www-form-urlencoded', `likes=${encoded}&${encoded}=1&_csrf=${encodeURIComponent(visitor.csrfToken)}`],
        ['application/json', JSON.stringify({ likes: payload, [payload]: payload })],
      ];
      const unencoded = payload.replace(/ /g, '%20'); // as a raw request line carries it
      for (const route of routes) {
        for (const [type, body] of bodies) {
          for (const query of [`q=${encoded}&lang=${encoded}`, `q=${unencoded}&text=${unencoded}`]) {
            const res = await send(route.method, `${route.path}?${query}`, { ...headers, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) }, body, { readMs: 300 });
            expect(res.status, `${route.path}?${query} ${type}`).toBeLessThan(500);
            expect(res.text, `${route.path}?${query} ${type}`).not.toMatch(raw);
          }
        }
        for (const path of [`${route.path}${encoded}`, `${route.path}/${encoded}`, `${route.path}${unencoded}`]) {
          const res = await send(route.method, path, headers, '', { readMs: 300 });
          expect(res.status, path).toBeGreaterThanOrEqual(400);
          expect(res.status, path).toBeLessThan(500);
          expect(res.text, path).not.toMatch(raw);
        }
      }
      // A bad CSRF token is shown by the inspector as well: escaped there too.
      const forged = await send('POST', '/api/like', { Cookie: visitor.cookie, 'X-CSRF-Token': payload }, '');
      expect(forged.status).toBe(403);

      await stream.waitFor((event) => event.includes('X-CSRF-Token'));
      expect(stream.events.length).toBeGreaterThan(0);
      for (const event of stream.events) expect(event).not.toMatch(raw);
      const page = await rawRequest(server.url, '/', { headers: { Cookie: visitor.cookie } });
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // shown, as text
      expect(page.text).not.toMatch(raw);
    } finally {
      stream.close();
    }
  });

  it('in a cookie: ignored, not reflected', async () => {
    const res = await send('GET', '/', { Cookie: `hxd_visitor=${encoded}; hxd_lang=${encoded}; hxd_text=${encoded}` });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(raw);
    expect(res.text).not.toContain(encoded);
  });
});
