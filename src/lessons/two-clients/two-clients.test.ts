// Lesson 8 over HTTP, both lanes: the same tasks as /api/v1 JSON and as HTML fragments, and a fragment URL opened directly.
import { expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { server, visitor } = useLessonServer('two-clients');

const fragment = (path: string, init: RequestInit = {}) =>
  visitor.fetch(path, { ...init, headers: { 'HX-Request': 'true', ...init.headers } });

it('JSON lane: GET /api/v1/tasks lists the tasks, GET /api/v1/tasks/:id answers one', async () => {
  const list = await (await visitor.fetch('/api/v1/tasks')).json();
  expect(list.tasks).toHaveLength(5);
  expect(list.tasks[0]).toEqual({ id: 1, title: 'Bring a laptop with Node 20', done: false });
  expect(await (await visitor.fetch('/api/v1/tasks/2')).json()).toEqual(list.tasks[1]);
  expect((await visitor.fetch('/api/v1/tasks/99')).status).toBe(404);
});

it('JSON lane: PATCH /api/v1/tasks/:id marks a task done, and the htmx lane sees it', async () => {
  const res = await visitor.fetch('/api/v1/tasks/3', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"done":true}' });
  expect(await res.json()).toEqual({ id: 3, title: 'Compare the two lanes', done: true });
  expect(await (await fragment('/two-clients/tasks/3')).text()).toMatch(/✓ Compare the two lanes<\/a>/);
});

it('htmx lane: GET /two-clients/tasks/:id answers the list with that task open, and Vary: HX-Request', async () => {
  const res = await fragment('/two-clients/tasks/2');
  expect(res.status).toBe(200);
  expect(res.headers.get('vary')).toMatch(/HX-Request/i);
  const html = await res.text();
  expect(html).toMatch(/^<div id="htmx-tasks" class="tasks-demo">/);
  expect(html).toMatch(/<a id="htmx-task-2" [^>]*aria-current="true">○ Start htmx-demo<\/a>/);
  expect(html).toContain('<h4>Start htmx-demo</h4>');
  expect(html).not.toContain('<html');
});

it('htmx lane: a fragment URL opened directly (no HX-Request) answers the whole lesson page', async () => {
  const res = await visitor.fetch('/two-clients/tasks/2');
  expect(res.status).toBe(200);
  expect(res.headers.get('vary')).toMatch(/HX-Request/i);
  const html = await res.text();
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('<h4>Start htmx-demo</h4>');
  expect(html).toContain('id="json-tasks-demo"');
});

it('htmx lane: POST /two-clients/tasks/:id marks a task done; the JSON API sees it', async () => {
  const res = await fragment('/two-clients/tasks/1', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'done=true' });
  expect(await res.text()).toContain('✓ Bring a laptop with Node 20');
  expect((await (await visitor.fetch('/api/v1/tasks/1')).json()).done).toBe(true);
});

it('both lanes refuse a change without the CSRF token, and change nothing', async () => {
  const patch = await visitor.fetch('/api/v1/tasks/1', { method: 'PATCH', csrf: false, headers: { 'Content-Type': 'application/json' }, body: '{"done":true}' });
  const post = await visitor.fetch('/two-clients/tasks/1', { method: 'POST', csrf: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'done=true' });
  expect([patch.status, post.status]).toEqual([403, 403]);
  expect((await (await visitor.fetch('/api/v1/tasks/1')).json()).done).toBe(false);
});

it('the lesson page shows a curl line with the host and port it was asked for, quoted for a shell', async () => {
  const html = await (await visitor.fetch('/lessons/two-clients')).text();
  expect(html).toContain(`<code id="curl-line">curl &#39;${server.url}/api/v1/tasks&#39;</code>`);
});
