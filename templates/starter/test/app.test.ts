// The app around the lessons: every lesson's page, the security headers, and errors in the shape asked for.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessons } from '../src/lessons/index.js';
import { startLessonServer, type LessonServer } from './support/lesson-server.js';

let server: LessonServer;
beforeAll(async () => { server = await startLessonServer(lessons[0]!.id); });
afterAll(() => server.close());

describe('the lesson pages', () => {
  for (const lesson of lessons) {
    it(`${lesson.id}: both lanes, htmx from node_modules, the CSRF token for fetch and for htmx`, async () => {
      const res = await fetch(`${server.url}/lessons/${lesson.id}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<title>${lesson.title.en}</title>`);
      expect(html).toMatch(/<script defer src="\/vendor\/htmx\/4\.0\.1\/htmx\.min\.js"><\/script>/);
      expect(html).toMatch(/<meta name="csrf-token" content="[\w-]+">/);
      expect(html).toMatch(/<body hx-headers:inherited="\{&#34;X-CSRF-Token&#34;:&#34;[\w-]+&#34;\}">/);
      expect(html).toContain('id="lane-errors-json"');
      expect(html).toContain('id="lane-errors-htmx"');
    });
  }

  it('speaks Korean when asked, and remembers it', async () => {
    const visitor = await server.visitor(`/lessons/${lessons[0]!.id}?lang=ko`);
    const html = await (await visitor.fetch(`/lessons/${lessons[0]!.id}`)).text();
    expect(html).toContain('<html lang="ko"');
    expect(html).toContain(lessons[0]!.title.ko);
  });

  it('serves htmx itself, untouched, cached for a year', async () => {
    const res = await fetch(`${server.url}/vendor/htmx/4.0.1/htmx.min.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });
});

describe('security defaults', () => {
  it('answers only to this machine\'s names: another Host gets a 403 naming ALLOWED_HOSTS (DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    const status = (host: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: `/lessons/${lessons[0]!.id}`, headers: { Host: host } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject).end();
    });
    expect((await status(`localhost:${port}`)).status).toBe(200);
    const refused = await status('rebind.attacker.example');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('ALLOWED_HOSTS=rebind.attacker.example npm start');
  });

  it('every answer forbids inline scripts and framing', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a POST without the CSRF token is refused (403) and resets nothing', async () => {
    const visitor = await server.visitor();
    const res = await visitor.fetch(`/lessons/${lessons[0]!.id}/reset`, { method: 'POST', csrf: false, redirect: 'manual' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('CSRF');
  });

  it('the Reset form (token in the _csrf field) is accepted', async () => {
    const visitor = await server.visitor();
    const res = await visitor.fetch(`/lessons/${lessons[0]!.id}/reset`, {
      method: 'POST',
      csrf: false,
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: visitor.csrfToken }),
    });
    expect(res.status).toBe(303);
  });

  it('a body over 16 KB is refused with a 413', async () => {
    const visitor = await server.visitor();
    const res = await visitor.fetch('/api/anything', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(17_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { status: 413, message: 'Request body is larger than 16384 bytes' } });
  });

  it('a JSON body nested thousands of levels deep (it fits in 16 KB) is refused with a 400, not a crash', async () => {
    const visitor = await server.visitor();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await visitor.fetch('/api/anything', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: deep });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/nested more than 32 levels/);
  });

  it('user input is escaped, never reflected as markup', async () => {
    const res = await fetch(`${server.url}/lessons/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('errors in the shape the client asked for', () => {
  it('a page for a browser, JSON under /api/', async () => {
    const page = await fetch(`${server.url}/no-such-page`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const api = await fetch(`${server.url}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { status: 404, message: 'Not Found' } });
  });
});
