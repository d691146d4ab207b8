// Lesson 6 over HTTP, both lanes: adding an item answers the item and the new count, as one JSON payload or as
// one HTML answer whose badge (and list item) are marked hx-swap-oob.
import { describe, expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { visitor } = useLessonServer('oob');

const addJson = (text: unknown) => visitor.fetch('/api/oob/items', {
  method: 'POST',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: JSON.stringify({ text }),
});
const addHtmx = (text: string) => visitor.fetch('/oob/items', {
  method: 'POST',
  headers: { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ text }).toString(),
});

describe('JSON lane', () => {
  it('POST answers 201 {"item", "count"}; DELETE answers the new count', async () => {
    const first = await addJson('milk');
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ item: { id: 1, text: 'milk' }, count: 1 });
    expect(await (await addJson('  eggs ')).json()).toEqual({ item: { id: 2, text: 'eggs' }, count: 2 });
    const removed = await visitor.fetch('/api/oob/items/1', { method: 'DELETE' });
    expect(await removed.json()).toEqual({ count: 1 });
  });

  it('refuses what is not an item: 400 for a non-string, 422 for an empty or too long one', async () => {
    expect((await addJson(42)).status).toBe(400);
    expect((await addJson('   ')).status).toBe(422);
    expect((await addJson('x'.repeat(61))).status).toBe(422);
    expect((await visitor.fetch('/api/oob/items/99', { method: 'DELETE' })).status).toBe(404);
    expect((await addJson('tea')).status).toBe(201);
  });
});

describe('htmx lane', () => {
  it('POST answers the fresh form, then the new item and the badge, both marked hx-swap-oob', async () => {
    await addHtmx('milk');
    const res = await addHtmx('eggs');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<form id="oob-form-htmx" [^>]*hx-post="\/oob\/items"/);
    expect(html).toMatch(/<input id="oob-text-htmx" name="text" value=""/);
    expect(html).toMatch(/<ul hx-swap-oob="beforeend:#oob-list-htmx">\s*<li><span>eggs<\/span> <button hx-delete="\/oob\/items\/2"/);
    expect(html).toMatch(/<span id="oob-count-htmx" class="badge" hx-swap-oob="true">2<\/span>/);
  });

  it('a refused item answers 422 with the form, its message and the text, and nothing out of band', async () => {
    const res = await addHtmx(' ');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Type an item first.');
    expect(html).not.toContain('hx-swap-oob');
  });

  it('DELETE removes the item and answers only the badge', async () => {
    await addHtmx('milk');
    const res = await visitor.fetch('/oob/items/1', { method: 'DELETE', headers: { 'HX-Request': 'true' } });
    expect((await res.text()).trim()).toBe('<span id="oob-count-htmx" class="badge" hx-swap-oob="true">0</span>');
  });
});

it('the page shows each lane\'s list, and the badges in the header', async () => {
  await addJson('milk');
  await addHtmx('<b>eggs</b>');
  const page = await (await visitor.fetch('/lessons/oob')).text();
  expect(page).toContain('<span id="oob-count-json" class="badge">1</span>');
  expect(page).toContain('<span id="oob-count-htmx" class="badge">1</span>');
  expect(page).toContain('<li><span>milk</span>');
  expect(page).toContain('<li><span>&lt;b&gt;eggs&lt;/b&gt;</span>');
  expect(page).not.toContain('<b>eggs</b>');
});

it('refuses every state change without the CSRF token', async () => {
  await addJson('milk');
  await addHtmx('milk');
  for (const [method, path] of [['POST', '/api/oob/items'], ['DELETE', '/api/oob/items/1'], ['POST', '/oob/items'], ['DELETE', '/oob/items/2']]) {
    expect((await visitor.fetch(path!, { method, csrf: false, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{"text":"x"}' : undefined })).status).toBe(403);
  }
  const page = await (await visitor.fetch('/lessons/oob')).text();
  expect(page).toContain('<span id="oob-count-json" class="badge">1</span>');
  expect(page).toContain('<span id="oob-count-htmx" class="badge">1</span>');
});
