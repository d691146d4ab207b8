// Errors a client can cause (404, 405, 400, 413): the right status in the right shape, never a 500, and the server lives on.
import { Agent, request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, streamedBody } from '../support/http.js';
import { currentCounts, like, likeLanes, type LikeInit } from '../support/lanes.js';
import { useAppErrors, useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'like');
const serverErrors = useAppErrors(server);
afterEach(async () => {
  // Whatever the client did, nothing reached the 5xx path and the next ordinary request is served.
  expect(serverErrors).toEqual([]);
  const res = await like(visitor, likeLanes[0]!);
  expect(res.status).toBe(200);
});

type Shape = 'page' | 'fragment' | 'json';

async function expectErrorShape(res: Response, status: number, shape: Shape): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('vary')).toMatch(/\bHX-Request\b/i);
  const body = await res.text();
  if (shape === 'json') {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(body)).toEqual({ error: { status, message: expect.any(String) } });
  } else if (shape === 'fragment') {
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).not.toMatch(/<html|<body/i);
    expect(body).toContain(String(status));
  } else {
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).toMatch(/^<!doctype html>[\s\S]*<html[\s\S]*<\/html>\s*$/i);
    expect(body).toContain(String(status));
  }
}

describe('404', () => {
  it.each<[string, string, Record<string, string>, Shape]>([
    ['a browser', '/no/such/page', {}, 'page'],
    ['htmx', '/no/such/page', { 'HX-Request': 'true' }, 'fragment'],
    ['an API client', '/api/no-such-thing', {}, 'json'],
    ['an API client sending HX-Request', '/api/no-such-thing', { 'HX-Request': 'true' }, 'json'],
    ['a browser, for a lesson that does not exist', '/lessons/no-such-lesson', {}, 'page'],
    ['a browser, for a missing static file', '/static/no-such-file.css', {}, 'page'],
  ])('for %s (%s)', async (_who, path, headers, shape) => {
    await expectErrorShape(await visitor.fetch(path, { headers }), 404, shape);
  });

  it('names the missing lesson on its page', async () => {
    const res = await visitor.fetch('/lessons/no-such-lesson');
    expect(await res.text()).toContain('There is no lesson called &#34;no-such-lesson&#34;.');
  });
});

describe('405 with an Allow header', () => {
  it.each<[string, string, string, Shape]>([
    ['GET', '/like/', 'POST', 'page'],
    ['GET', '/api/like', 'POST', 'json'],
    ['PUT', '/api/like', 'POST', 'json'],
    ['DELETE', '/like/', 'POST', 'page'],
    ['POST', '/static/app.css', 'GET', 'page'],
  ])('%s %s', async (method, path, allowed, shape) => {
    const before = await currentCounts(visitor);
    const res = await visitor.fetch(path, { method });
    expect(res.headers.get('allow')?.split(/,\s*/)).toContain(allowed);
    await expectErrorShape(res, 405, shape);
    expect(await currentCounts(visitor)).toEqual(before);
  });
});

describe('400 for a malformed body', () => {
  it('POST /api/like with broken JSON answers 400 JSON and does not count', async () => {
    const res = await visitor.fetch('/api/like', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":' });
    await expectErrorShape(res, 400, 'json');
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });

  it('POST /like/ with broken JSON answers 400 as a fragment for htmx', async () => {
    const res = await visitor.fetch('/like/', { method: 'POST', headers: { 'HX-Request': 'true', 'Content-Type': 'application/json' }, body: '{"a":' });
    await expectErrorShape(res, 400, 'fragment');
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });
});

describe('a compressed body that does not decompress', () => {
  const junk = 'not compressed at all';
  const cases = likeLanes.flatMap((lane) =>
    (['gzip', 'deflate', 'br'] as const).flatMap((encoding) =>
      ['application/json', 'application/x-www-form-urlencoded'].map((type) => ({ lane, encoding, type })),
    ),
  );

  it.each(cases)('$lane.path, Content-Encoding $encoding, $type: 400, a client error', async ({ lane, encoding, type }) => {
    const res = await like(visitor, lane, { headers: { 'Content-Type': type, 'Content-Encoding': encoding }, body: junk });
    await expectErrorShape(res, 400, lane.id === 'json' ? 'json' : 'fragment');
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });

  it('a body cut off mid-gzip is a 400 too', async () => {
    const whole = gzipSync(JSON.stringify({ note: 'x'.repeat(200) }));
    const res = await like(visitor, likeLanes[0]!, { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body: whole.subarray(0, 14) });
    await expectErrorShape(res, 400, 'json');
  });

  it('a well-formed gzip body is read as usual', async () => {
    const res = await like(visitor, likeLanes[0]!, { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body: gzipSync('{}') });
    expect(res.status).toBe(200);
  });

  it.each(likeLanes)('$path, an encoding the server does not know: 415', async (lane) => {
    const res = await like(visitor, lane, { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'zstd' }, body: junk });
    await expectErrorShape(res, 415, lane.id === 'json' ? 'json' : 'fragment');
  });
});

describe('413 for a body over 16 KB', () => {
  const over = 16 * 1024 + 1;
  const bodies: Array<[string, () => { body: BodyInit; duplex?: 'half' }, string | undefined]> = [
    ['with Content-Length, JSON', () => ({ body: `{"a":"${'x'.repeat(over)}"}` }), 'application/json'],
    ['with Content-Length, of a type nobody parses', () => ({ body: 'x'.repeat(over) }), 'application/octet-stream'],
    ['streamed without Content-Length, JSON', () => ({ body: streamedBody(over + 10), duplex: 'half' }), 'application/json'],
    ['streamed without Content-Length, a form', () => ({ body: streamedBody(over + 10), duplex: 'half' }), 'application/x-www-form-urlencoded'],
    ['streamed without Content-Length, of a type nobody parses', () => ({ body: streamedBody(over + 10), duplex: 'half' }), 'application/octet-stream'],
    ['streamed without Content-Length or Content-Type', () => ({ body: streamedBody(over + 10), duplex: 'half' }), undefined],
    // Far past the limit: the client must still get the 413, not a connection reset while it is still sending.
    ['streamed, 4 MB of JSON', () => ({ body: streamedBody(4 * 1024 * 1024, 64 * 1024), duplex: 'half' }), 'application/json'],
    ['streamed, 4 MB of a type nobody parses', () => ({ body: streamedBody(4 * 1024 * 1024, 64 * 1024), duplex: 'half' }), 'application/octet-stream'],
  ];
  const cases = likeLanes.flatMap((lane) => bodies.map(([name, body, type]) => ({ lane, name, body, type })));

  it.each(cases)('$lane.path $name', async ({ lane, body, type }) => {
    const res = await like(visitor, lane, { ...body(), headers: type ? { 'Content-Type': type } : {} } as LikeInit);
    await expectErrorShape(res, 413, lane.id === 'json' ? 'json' : 'fragment');
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });

  it('a body just under the limit is accepted', async () => {
    const res = await like(visitor, likeLanes[0]!, { headers: { 'Content-Type': 'application/octet-stream' }, body: streamedBody(16 * 1024), duplex: 'half' } as LikeInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ likes: 1 });
  });

  it('after a 413 the same keep-alive connection still serves the next request', async () => {
    // The refused upload must not be left half-read on the socket: the next request on it would hang.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken };
    try {
      for (const type of ['application/json', 'application/octet-stream']) {
        const refused = await rawRequest(server.url, '/api/like', {
          method: 'POST', agent, body: 'x'.repeat(256 * 1024),
          headers: { ...headers, 'Content-Type': type, 'Transfer-Encoding': 'chunked' },
        });
        expect(refused.status).toBe(413);
      }
      const next = await rawRequest(server.url, '/api/like', { method: 'POST', agent, headers });
      expect(next.status).toBe(200);
      expect(JSON.parse(next.text)).toEqual({ likes: 1 });
    } finally {
      agent.destroy();
    }
  });

  it.each(['application/json', 'application/octet-stream'])('an upload of %s cut off mid-body counts nothing and is no server error', async (type) => {
    const { hostname, port } = new URL(server.url);
    const upload = request({
      host: hostname, port, path: '/api/like', method: 'POST', agent: false,
      headers: { Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken, 'Content-Type': type, 'Transfer-Encoding': 'chunked' },
    });
    upload.on('error', () => {}); // we hang up on purpose
    upload.write('x'.repeat(1000));
    await new Promise((resolve) => setTimeout(resolve, 100));
    upload.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Node's parser reports the truncated stream on the socket (HPE_INVALID_EOF_STATE): that is the client's, not ours.
    serverErrors.splice(0, serverErrors.length, ...serverErrors.filter((err) => !String((err as { code?: string }).code).startsWith('HPE_')));
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });
});
