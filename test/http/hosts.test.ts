// DNS rebinding and cross-site requests: the server answers only to the host names it announced, a change is
// refused when another origin sends it, and COOP goes only where a browser applies it.
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../support/http.js';
import { currentCounts, like, likeLanes } from '../support/lanes.js';
import { useAppErrors, useLessonVisitor, useServer } from '../support/suite.js';

const rebound = 'rebind.attacker.example';

describe('a server on loopback (the default)', () => {
  const server = useServer();
  const visitor = useLessonVisitor(server, 'like');
  const serverErrors = useAppErrors(server);
  const port = () => new URL(server.url).port;
  const withHost = (host: string, path = '/', init: Parameters<typeof rawRequest>[2] = {}) =>
    rawRequest(server.url, path, { ...init, headers: { Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken, ...init.headers, Host: host } });

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST', 'localhost.', 'app.localhost'])('answers to %s', async (name) => {
    const res = await withHost(`${name}:${port()}`);
    expect(res.status).toBe(200);
  });

  it('a page under another name is a 403 page that names the flag to use', async () => {
    const res = await withHost(`${rebound}:${port()}`, '/lessons/like');
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain(`--allowed-hosts ${rebound}`);
    expect(res.text).not.toContain(visitor.csrfToken);
    expect(serverErrors).toEqual([]);
  });

  it.each(likeLanes)('a rebound page cannot like on the $id lane, with a good cookie and token', async (lane) => {
    const res = await withHost(`${rebound}:${port()}`, lane.path, { method: 'POST', headers: lane.headers });
    expect(res.status).toBe(403);
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });

  it('a rebound page cannot reset a lesson, nor read the inspector\'s traffic', async () => {
    expect((await withHost(rebound, '/lessons/like/reset', { method: 'POST' })).status).toBe(403);
    expect((await withHost(rebound, '/_inspector/stream', { headers: { Accept: 'text/event-stream' } })).status).toBe(403);
  });

  it('the static files (the same for everyone) still load under any name, so the 403 page has its styles', async () => {
    expect((await withHost(rebound, '/static/app.css')).status).toBe(200);
  });

  it('a Host header that is no name at all gets the 403 without echoing it', async () => {
    const res = await withHost('<script>alert(1)</script>');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('<script>alert(1)');
  });

  describe('Origin on a change', () => {
    it.each(likeLanes)('$id lane: another origin is refused, even with the cookie and token', async (lane) => {
      const res = await like(visitor, lane, { headers: { Origin: `http://${rebound}` } });
      expect(res.status).toBe(403);
      expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
    });

    it.each(['null', `http://127.0.0.1:1`, 'https://127.0.0.1', 'not a url'])('Origin %s is refused', async (origin) => {
      const res = await like(visitor, likeLanes[0]!, { headers: { Origin: origin } });
      expect(res.status).toBe(403);
    });

    it.each(likeLanes)('$id lane: this very origin is fine', async (lane) => {
      const res = await like(visitor, lane, { headers: { Origin: server.url } });
      expect(res.status).toBe(200);
    });

    it('a page load (GET) from another origin is not a change, and is answered', async () => {
      const res = await visitor.fetch('/lessons/like', { headers: { Origin: `http://${rebound}` } });
      expect(res.status).toBe(200);
    });
  });

  it('sends Cross-Origin-Opener-Policy, which a browser applies on localhost', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      expect((await withHost(`${host}:${port()}`)).headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });
});

describe('a server told its names (serve --host 0.0.0.0 --allowed-hosts ...)', () => {
  const server = useServer({ allowedHosts: ['127.0.0.1', '192.168.1.20', 'laptop.local', '.lab.example'] });
  const get = (host: string) => rawRequest(server.url, '/', { headers: { Host: host } });

  it.each(['192.168.1.20:3000', 'laptop.local', 'LAPTOP.LOCAL:3000', 'lab.example', 'room-2.lab.example:3000'])('answers to %s', async (host) => {
    expect((await get(host)).status).toBe(200);
  });

  it.each([rebound, 'lab.example.attacker.example', 'xlab.example', '192.168.1.21'])('refuses %s', async (host) => {
    expect((await get(host)).status).toBe(403);
  });

  it('leaves out Cross-Origin-Opener-Policy on a LAN address over plain HTTP (the browser would only log an error)', async () => {
    const res = await get('192.168.1.20:3000');
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});

describe('a server told to answer to any name (--allowed-hosts all)', () => {
  const server = useServer({ allowedHosts: true });
  it('answers to a name nobody announced', async () => {
    expect((await rawRequest(server.url, '/', { headers: { Host: rebound } })).status).toBe(200);
  });
});
