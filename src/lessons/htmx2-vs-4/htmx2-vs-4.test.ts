// Lesson 9 over HTTP, both versions' routes: each frame loads its own htmx, and each case answers the same whichever
// version asked (the differences are in what each htmx sends and does with the answer, seen in a browser).
import { expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { server, visitor } = useLessonServer('htmx2-vs-4');
const form = { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' };
const post = (path: string, fields: Record<string, string>, csrf = true) =>
  visitor.fetch(path, { method: 'POST', headers: form, body: new URLSearchParams(fields).toString(), csrf, redirect: 'manual' });

it('each version\'s frame loads its own htmx, served from this app, and may be framed by this origin only', async () => {
  for (const [major, version] of [['2', '2.0.11'], ['4', '4.0.1']]) {
    const res = await visitor.fetch(`/htmx2-vs-4/v${major}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(await res.text()).toContain(`<script defer src="/vendor/htmx/${version}/htmx.min.js"></script>`);
    expect((await fetch(`${server.url}/vendor/htmx/${version}/htmx.min.js`)).status).toBe(200);
  }
});

it('case 1: a like without the token is refused (403); with it, it counts', async () => {
  for (const major of ['2', '4']) {
    expect((await post(`/htmx2-vs-4/v${major}/like`, { button: 'plain' }, false)).status).toBe(403);
    expect(await (await post(`/htmx2-vs-4/v${major}/like`, { button: 'fixed' })).text()).toContain('Like (1)');
  }
});

it('case 2: an empty name is a 422 with a message; a name is saved', async () => {
  for (const major of ['2', '4']) {
    expect((await post(`/htmx2-vs-4/v${major}/name`, { name: '' })).status).toBe(422);
    expect(await (await post(`/htmx2-vs-4/v${major}/name`, { name: 'Ada' })).text()).toContain('<b>Ada</b>');
  }
});

it('cases 3 to 5: the headers that arrived, the listener header, and one answer for two places', async () => {
  const headers = await visitor.fetch('/htmx2-vs-4/v2/headers', { headers: { 'HX-Request': 'true', 'HX-Trigger': 'probe' } });
  expect(await headers.text()).toContain('<dt>hx-trigger</dt><dd>probe</dd>');
  const listen = await visitor.fetch('/htmx2-vs-4/v4/listen', { headers: { 'X-Listener': 'htmx:config:request' } });
  expect(await listen.text()).toContain('<code>htmx:config:request</code>');
  expect(await (await post('/htmx2-vs-4/v4/items', {})).text()).toContain('<span id="item-count" hx-swap-oob="true">1</span>');
});

it('the compatibility switch gives the 4.x frame htmx 2\'s config', async () => {
  expect((await post('/htmx2-vs-4/compat', { compat: 'on' })).status).toBe(200);
  expect(await (await visitor.fetch('/htmx2-vs-4/v4/')).text()).toContain('implicitInheritance');
});
