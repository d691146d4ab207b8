// Lesson 4 over HTTP, both lanes: one set of rules answers 422 with errors (JSON or the form partial), a
// welcome on success, and a plain post-redirect-get when the browser posts the form itself.
import { expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { visitor } = useLessonServer('form');

const good = { name: 'ana', email: 'ana@example.com', password: 'correct horse' };
const postJson = (body: unknown, init: { csrf?: boolean } = {}) => visitor.fetch('/api/form/signups', {
  method: 'POST', ...init, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});
const postForm = (fields: Record<string, string>, headers: Record<string, string> = { 'HX-Request': 'true' }, init: { csrf?: boolean } = {}) =>
  visitor.fetch('/form/signups', {
    method: 'POST', redirect: 'manual', ...init,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString(),
  });

it('JSON lane: 422 with one message per bad field, then 201, then the name is taken', async () => {
  const bad = await postJson({ name: '', email: 'nope', password: 'short' });
  expect(bad.status).toBe(422);
  expect(await bad.json()).toEqual({ errors: {
    name: 'Choose a user name.',
    email: 'That does not look like an email address (name@example.com).',
    password: 'Use at least 8 characters.',
  } });
  const created = await postJson(good);
  expect(created.status).toBe(201);
  expect(await created.json()).toEqual({ user: { name: 'ana', email: 'ana@example.com' } });
  expect(await (await postJson({ ...good, name: 'ANA' })).json()).toEqual({ errors: { name: 'Someone has already signed up with that name on this lane. Try another one.' } });
});

it('htmx lane: 422 with the form partial, errors on the fields and the values back (never the password)', async () => {
  const res = await postForm({ name: 'admin', email: 'ana@example.com', password: 'short' });
  expect(res.status).toBe(422);
  expect(res.headers.get('vary')).toMatch(/HX-Request/);
  const html = await res.text();
  expect(html).toMatch(/^<div id="signup-htmx"/);
  expect(html).toMatch(/id="signup-htmx-name"[^>]*value="admin"[^>]*aria-invalid="true" autofocus>/);
  expect(html).toContain('That name is reserved. Try another one.');
  expect(html).toMatch(/id="signup-htmx-email"[^>]*value="ana@example.com"/);
  expect(html).toMatch(/id="signup-htmx-password"[^>]*value=""[^>]*aria-invalid="true">/);
  expect(html).not.toContain('short"');
});

it('htmx lane: success answers the welcome and a fresh form', async () => {
  const res = await postForm(good);
  expect(res.status).toBe(201);
  const html = await res.text();
  expect(html).toContain('<p class="welcome" role="status">Welcome, ana! Your account is ready.</p>');
  expect(html).not.toContain('aria-invalid');
  expect(html).toMatch(/id="signup-htmx-name"[^>]*value=""/);
});

it('without htmx (JavaScript off): errors re-render the page with 422, success redirects (303) to a welcome', async () => {
  const plain = (fields: Record<string, string>) => postForm({ _csrf: visitor.csrfToken, ...fields }, {}, { csrf: false });
  const bad = await plain({ ...good, email: 'nope' });
  expect(bad.status).toBe(422);
  const page = await bad.text();
  expect(page).toMatch(/^<!doctype html>/);
  expect(page).toMatch(/id="signup-htmx-email"[^>]*value="nope"[^>]*aria-invalid="true" autofocus>/);
  expect(page).not.toContain(good.password);

  const ok = await plain(good);
  expect(ok.status).toBe(303);
  expect(ok.headers.get('location')).toBe('/lessons/form');
  const next = await (await visitor.fetch('/lessons/form')).text();
  expect(next).toContain('Welcome, ana! Your account is ready.');
  expect(await (await visitor.fetch('/lessons/form')).text()).not.toContain('Welcome, ana!'); // shown once
});

it('both lanes refuse a post without the CSRF token, and sign nobody up', async () => {
  expect((await postJson(good, { csrf: false })).status).toBe(403);
  expect((await postForm(good, {}, { csrf: false })).status).toBe(403);
  expect((await postJson(good)).status).toBe(201);
  expect((await postForm(good)).status).toBe(201);
});

it('a body that claims gzip but does not decompress is the client\'s mistake: 400 on both lanes, nothing signed up', async () => {
  const junk = { 'Content-Encoding': 'gzip' };
  const json = await visitor.fetch('/api/form/signups', { method: 'POST', headers: { 'Content-Type': 'application/json', ...junk }, body: 'not gzip' });
  expect(json.status).toBe(400);
  const htmx = await visitor.fetch('/form/signups', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true', ...junk }, body: 'not gzip' });
  expect(htmx.status).toBe(400);
  expect((await postJson(good)).status).toBe(201);
});
