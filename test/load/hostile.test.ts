// Hostile requests on every route of every lesson (read from the app's routers, not listed by hand): malformed,
// truncated and oversized bodies, bodies of the wrong type, methods it does not serve, huge URLs and headers.
// Each gets a proper 4xx (never a 5xx), changes nothing, and the server answers the next normal request.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hostileSetup, withBody } from './support/hostile.js';
import { inParallel } from './support/raw-socket.js';
import type { RouteUnderTest } from './support/routes.js';

const setup = await hostileSetup();
const { surface, session, send } = setup;
afterAll(() => setup.finish('hostile requests on every route'));

// Whatever the last request was, the server is still there for the next visitor, and logged no fault of its own.
afterEach(async () => {
  await setup.stillAnswers();
  expect(setup.takeFaults()).toEqual([]);
});

describe('the surface under test', () => {
  it("is every lesson's page, lanes and files, read from the app itself", () => {
    const paths = surface.routes.map((route) => route.path);
    for (const id of surface.lessonIds) {
      expect(paths).toContain(`/lessons/${id}`);
      expect(paths).toContain(`/lessons/${id}/reset`);
      expect(surface.files.some((file) => file.path.startsWith(`/static/lessons/${id}/`)), `no file of ${id}`).toBe(true);
    }
    // Pages (/, each lesson, its reset, the inspector stream) and at least one route per lane of each lesson.
    expect(surface.routes.length).toBeGreaterThanOrEqual(2 + 4 * surface.lessonIds.length);
    expect(surface.fields.length).toBeGreaterThan(0);
  });
});

/** The methods that can carry a body which this route serves, or POST (which every path must refuse if it does not). */
const bodyMethods = (route: RouteUnderTest) => {
  const own = route.methods.filter((method) => method !== 'GET');
  return own.length ? own : ['POST'];
};

describe.each([...surface.routes, ...surface.files])('$methods $path', (route) => {
  it('malformed JSON: 400 where a body is read, 405 on a static file', async () => {
    const bodies = ['{"likes":', '{likes: 1}', '[1,2', '\u0000\u0001', '{"a":"\\ud800"', '{"__proto__":', '{"a":1}}'];
    for (const method of bodyMethods(route)) {
      const answers = await inParallel(bodies, (body) => send(method, route.path, withBody(session(), 'application/json', body), body));
      expect(answers.map((res) => res.status), method).toEqual(bodies.map(() => (route.file ? 405 : 400)));
    }
  });

  it('a truncated body (Content-Length larger than what comes, then the client ends): 400, and nothing changed', async () => {
    const before = await setup.fingerprint();
    const types = ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream'];
    for (const method of bodyMethods(route)) {
      const answers = await inParallel(types, (type) =>
        send(method, route.path, { ...session(), 'Content-Type': type, 'Content-Length': '1000' }, 'done=true&likes=1&_csrf=', { halfClose: true }),
      );
      expect(answers.map((res) => res.status), method).toEqual(types.map(() => (route.file ? 405 : 400)));
    }
    expect(await setup.fingerprint()).toEqual(before);
  });

  it('a body nested deeper than any form: 400 (JSON), and every lesson page still renders', async () => {
    const deepJson = `{"thread":3,"name":"ab","text":"hi","done":true,"q":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const deepForm = `thread=3&name=ab&text=hi&done=true&q${'[a]'.repeat(2000)}=1`;
    for (const method of bodyMethods(route)) {
      const json = await send(method, route.path, withBody(session(), 'application/json', deepJson), deepJson);
      expect(json.status, method).toBe(route.file ? 405 : 400);
      const form = await send(method, route.path, withBody(session(), 'application/x-www-form-urlencoded', deepForm), deepForm);
      expect(form.status, method).toBeGreaterThanOrEqual(200);
      expect(form.status, method).toBeLessThan(500);
    }
    for (const page of await setup.fingerprint()) expect(page.slice(0, 3)).toBe('200');
  });

  it('an oversized body: 413, declared or chunked', async () => {
    const big = `{"a":"${'x'.repeat(20_000)}"}`;
    const chunked = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`;
    for (const method of bodyMethods(route)) {
      const declared = await send(method, route.path, { ...session(), 'Content-Type': 'application/json', 'Content-Length': '1000000' }, '{"a":"');
      expect(declared.status, method).toBe(413);
      const types = ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream'];
      const answers = await inParallel(types, (type) => send(method, route.path, { ...session(), 'Content-Type': type, 'Transfer-Encoding': 'chunked' }, chunked));
      expect(answers.map((res) => res.status), method).toEqual(types.map(() => (route.file ? 405 : 413)));
    }
  });

  it('a body of a type the route does not take changes nothing: the same answer as without a body', async () => {
    const bodies: Array<[string, string]> = [
      ['application/xml', '<like count="1000"/>'],
      ['multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="done"\r\n\r\ntrue\r\n--zz--\r\n'],
      ['application/octet-stream', '\u0000\u00ff'.repeat(100)],
      ['image/png', 'not a png'],
    ];
    for (const method of route.methods) {
      const plain = await send(method, route.path, { ...session(), 'Content-Length': '0' });
      expect(plain.status, `${method} without a body`).toBeLessThan(500);
      for (const [type, body] of bodies) {
        const res = await send(method, route.path, withBody(session(), type, body), body);
        expect(res.status, `${method} ${type}`).toBe(plain.status);
      }
    }
  });

  it('a method it does not serve: 405 naming the ones it does (Allow); a method nobody knows: 400', async () => {
    const notServed = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND'].filter((method) => !route.methods.includes(method));
    const answers = await inParallel(notServed, (method) => send(method, route.path, { ...session(), 'Content-Length': '0' }));
    for (const [i, res] of answers.entries()) {
      expect(res.status, notServed[i]).toBe(405);
      const allowed = (res.headers.allow ?? '').split(/,\s*/);
      for (const method of route.methods) expect(allowed, notServed[i]).toContain(method);
    }
    expect((await send('BREW', route.path, session())).status).toBe(400);
  });

  it('broken percent-encoding and NULs in the path, a parameter, the query, a cookie, a form: below 500', async () => {
    const bad = '%E0%A4%A%ZZ%00';
    const method = route.methods[0]!;
    const paths = [`${route.path}${bad}`, `${route.path}?${bad}=${bad}&q=${bad}&q=${bad}`];
    if (route.pattern) paths.push(route.pattern.fill('x').replace(/x$/, bad));
    const answers = await Promise.all([
      ...paths.map((path) => send(method, path, session())),
      send(method, route.path, { ...session(), Cookie: `${setup.visitor.cookie}; hxd_lang=${bad}; hxd_text=${bad}` }),
      send('POST', route.path, withBody(session(), 'application/x-www-form-urlencoded', `${bad}=${bad}&_csrf=${bad}`), `${bad}=${bad}&_csrf=${bad}`),
    ]);
    for (const res of answers) {
      expect(res.status).toBeGreaterThan(0);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('a 20 KB URL or a 20 KB header: 431', async () => {
    const method = route.methods[0]!;
    const answers = await Promise.all([
      send('GET', `${route.path}?q=${'a'.repeat(20_000)}`, session()),
      send('GET', `${route.path}${'a'.repeat(20_000)}`, session()),
      send(method, route.path, { ...session(), 'X-Padding': 'a'.repeat(20_000) }),
      send(method, route.path, { ...session(), Cookie: `${setup.visitor.cookie}; x=${'a'.repeat(20_000)}` }),
    ]);
    expect(answers.map((res) => res.status)).toEqual([431, 431, 431, 431]);
  });
});

describe('a path that does not exist', () => {
  it('is a 404 whatever the method', async () => {
    const paths = ['/nowhere', '/api/nowhere', ...surface.lessonIds.flatMap((id) => [`/lessons/${id}/nowhere`, `/${id}/nowhere`, `/api/${id}/nowhere`])];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'OPTIONS'];
    const tries = paths.flatMap((path) => methods.map((method) => ({ method, path })));
    const answers = await inParallel(tries, ({ method, path }) => send(method, path, { ...session(), 'Content-Length': '0' }));
    for (const [i, res] of answers.entries()) expect(res.status, `${tries[i]!.method} ${tries[i]!.path}`).toBe(404);
  });
});

describe('path traversal', () => {
  const escapes = [
    '../', '..%2f', '..%2F', '%2e%2e/', '%2e%2e%2f', '.%2e/', '%2e./', '..%5c', '..\\', '%2e%2e%5c',
    '..%252f', '%252e%252e%252f', '..%c0%af', '%c0%ae%c0%ae/', '..%00/', '%00../', '..;/', '....//',
  ];
  // Every folder a file is served from, and every route's own path (a lesson page, a lane).
  const prefixes = [...new Set([...surface.files.map((file) => file.path.replace(/[^/]*$/, '')), ...surface.routes.map((route) => `${route.path.replace(/\/$/, '')}/`)])];
  const targets = ['package.json', 'src/lessons/like/lesson.ts', 'dist/cli.cjs', 'etc/passwd'];

  it('in every encoding, under every prefix: a 4xx, and nothing from outside the folder', async () => {
    const paths = prefixes.flatMap((prefix) => escapes.flatMap((escape) => targets.map((target) => `${prefix}${escape.repeat(8)}${target}`)));
    const answers = await inParallel(paths, (path) => send('GET', path, { Cookie: setup.visitor.cookie }));
    for (const [i, res] of answers.entries()) {
      expect(res.status, paths[i]).toBeGreaterThanOrEqual(400);
      expect(res.status, paths[i]).toBeLessThan(500);
      expect(res.body, paths[i]).not.toMatch(/"name": "htmx-demo"|root:x:0|LessonDefinition|createApp|HTMX_DEMO_BUNDLE|__createRequire/);
    }
    expect(paths.length).toBe(prefixes.length * escapes.length * targets.length);
  }, 120_000); // thousands of requests, one per prefix, escape and target: more with every route

  it('with a NUL after a real file name: 404, not the file', async () => {
    for (const { path } of surface.files) {
      for (const suffix of ['%00', '%00.js', '%00.map']) expect((await send('GET', `${path}${suffix}`, {})).status, path).toBe(404);
    }
  });
});
