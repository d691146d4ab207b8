// Lesson 6 over real HTTP in depth: every route, bad input, hostile text, CSRF refusals, wrong methods, limits,
// Korean, reset. Each visitor has a list per lane; the badges in the header count them.
import { afterEach, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { tagsNamed, textOf } from '../support/http.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useAppErrors, useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'oob');
const serverErrors = useAppErrors(server);
afterEach(() => expect(serverErrors).toEqual([]));

type Lane = 'json' | 'htmx';
const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' };
const htmxHeaders = { 'HX-Request': 'true', 'HX-Target': 'form#oob-form-htmx', 'Content-Type': 'application/x-www-form-urlencoded' };

/** One "Add" as each lane's real client sends it. */
function add(lane: Lane, text: string, who: Visitor = visitor): Promise<Response> {
  return lane === 'json'
    ? who.fetch('/api/oob/items', { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ text }) })
    : who.fetch('/oob/items', { method: 'POST', headers: htmxHeaders, body: new URLSearchParams({ text }).toString() });
}
const remove = (lane: Lane, id: string | number, who: Visitor = visitor) =>
  who.fetch(`${lane === 'json' ? '/api' : ''}/oob/items/${id}`, { method: 'DELETE', headers: lane === 'json' ? { Accept: 'application/json' } : { 'HX-Request': 'true' } });

/** What this visitor's page shows: each badge and each list's item texts. */
async function pageState(who: Visitor = visitor, path = '/lessons/oob') {
  const html = await (await who.fetch(path)).text();
  const badge = (lane: Lane) => Number(new RegExp(`<span id="oob-count-${lane}" class="badge">(\\d+)</span>`).exec(html)![1]);
  const items = (lane: Lane) => {
    const list = new RegExp(`<ul id="oob-list-${lane}"[^>]*>([\\s\\S]*?)</ul>`).exec(html)![1]!;
    return [...list.matchAll(/<li><span>([\s\S]*?)<\/span>/g)].map((found) => textOf(found[1]!));
  };
  return { badges: { json: badge('json'), htmx: badge('htmx') }, json: items('json'), htmx: items('htmx'), html };
}

describe.each<Lane>(['json', 'htmx'])('the %s lane', (lane) => {
  const other: Lane = lane === 'json' ? 'htmx' : 'json';

  it('adds to the end of its own list, and its badge counts the list', async () => {
    for (const text of ['milk', 'eggs', '우유 🥛']) expect((await add(lane, text)).status).toBe(201);
    const state = await pageState();
    expect(state[lane]).toEqual(['milk', 'eggs', '우유 🥛']);
    expect(state[other]).toEqual([]);
    expect(state.badges).toEqual({ [lane]: 3, [other]: 0 });
  });

  it('folds whitespace and control characters, and keeps 60 characters (counted as characters, not bytes)', async () => {
    expect((await add(lane, '  two\t\n words\u0000here  ')).status).toBe(201);
    expect((await add(lane, '가'.repeat(60))).status).toBe(201);
    expect((await add(lane, '🍎'.repeat(60))).status).toBe(201);
    expect((await pageState())[lane]).toEqual(['two words here', '가'.repeat(60), '🍎'.repeat(60)]);
  });

  it.each([['empty', ''], ['only spaces', ' \t '], ['61 characters', 'x'.repeat(61)]])('refuses an item that is %s: 422, nothing added', async (_what, text) => {
    const res = await add(lane, text);
    expect(res.status).toBe(422);
    expect((await pageState()).badges[lane]).toBe(0);
  });

  it('holds 20 items: the 21st is refused (422) until one is removed', async () => {
    for (let i = 1; i <= 20; i++) expect((await add(lane, `item ${i}`)).status).toBe(201);
    expect((await add(lane, 'one too many')).status).toBe(422);
    expect((await pageState()).badges[lane]).toBe(20);
    expect((await remove(lane, 5)).status).toBe(200);
    expect((await add(lane, 'fits again')).status).toBe(201);
    const items = (await pageState())[lane];
    expect(items).toHaveLength(20);
    expect(items).not.toContain('item 5');
    expect(items.at(-1)).toBe('fits again');
  });

  it('shows hostile text as text: in the answer, the page and the Remove label', async () => {
    for (const text of hostile) {
      const res = await add(lane, text);
      expect(res.status).toBe(201);
      if (lane === 'json') expect((await res.json()).item.text).toBe(text); // data: the client must write it as text
      else expect(await res.text()).not.toContain(text);
    }
    const state = await pageState();
    expect(state[lane]).toEqual(hostile);
    for (const text of hostile) expect(state.html).not.toContain(text);
    expect(tagsNamed(state.html, 'img')).toEqual([]);
    expect(state.html).toContain('aria-label="Remove: &lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('removes only its own items: another lane\'s id, another visitor\'s or a made-up one is 404', async () => {
    await add(lane, 'mine');
    await add(other, 'other lane');
    const stranger = await newVisitor(server.url, '/lessons/oob');
    await add(lane, 'theirs', stranger);
    for (const id of [2, 3, 999, 'abc', '1.0', '%3Cscript%3E', '-1']) {
      const res = await remove(lane, id);
      expect(res.status, String(id)).toBe(404);
      expect(await res.text()).not.toContain('<script>');
    }
    expect((await remove(lane, 1)).status).toBe(200);
    expect((await remove(lane, 1)).status).toBe(404); // already gone
    expect((await pageState()).badges).toEqual({ [lane]: 0, [other]: 1 });
    expect((await pageState(stranger)).badges[lane]).toBe(1);
  });
});

describe('answers', () => {
  it('JSON: 201 {"item", "count"} for an add, {"count"} for a removal; errors as {"error"}', async () => {
    const added = await add('json', 'milk');
    expect(added.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await added.json()).toEqual({ item: { id: 1, text: 'milk' }, count: 1 });
    expect(await (await remove('json', 1)).json()).toEqual({ count: 0 });
    expect(await (await add('json', '')).json()).toEqual({ error: { status: 422, message: 'Type an item first.' } });
    expect(await (await add('json', 'y'.repeat(61))).json()).toEqual({ error: { status: 422, message: 'An item is at most 60 characters.' } });
    expect(await (await remove('json', 7)).json()).toEqual({ error: { status: 404, message: 'That item is not on the list.' } });
  });

  it('htmx: the fresh form, the item appended out of band, and the badge out of band, in that order', async () => {
    const html = await (await add('htmx', 'milk')).text();
    const form = html.indexOf('<form id="oob-form-htmx"');
    const item = html.search(/<ul hx-swap-oob="beforeend:#oob-list-htmx">\s*<li><span>milk<\/span> <button hx-delete="\/oob\/items\/1" hx-target="closest li" hx-swap="delete" aria-label="Remove: milk">✕<\/button><\/li>\s*<\/ul>/);
    const badge = html.indexOf('<span id="oob-count-htmx" class="badge" hx-swap-oob="true">1</span>');
    expect(form).toBe(0);
    expect(item).toBeGreaterThan(form);
    expect(badge).toBeGreaterThan(item);
    expect(html).toContain('<input id="oob-text-htmx" name="text" value="" maxlength="60"');
    expect(html).not.toContain('aria-invalid');
  });

  it('htmx: a refused item re-renders the form with its message and the typed text, escaped, and no badge', async () => {
    const text = `${hostile[1]}${'x'.repeat(40)}`;
    const res = await add('htmx', text);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/^<form id="oob-form-htmx"/);
    expect(html).toContain('value="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('aria-invalid="true" aria-describedby="oob-problem-htmx"');
    expect(html).toContain('<p id="oob-problem-htmx" class="error" role="alert">An item is at most 60 characters.</p>');
    expect(html).not.toContain('hx-swap-oob');
    expect(tagsNamed(html, 'img')).toEqual([]);
  });

  it('htmx: a removal answers only the badge (hx-swap="delete" on the button removes the <li>)', async () => {
    await add('htmx', 'milk');
    await add('htmx', 'eggs');
    expect((await (await remove('htmx', 1)).text()).trim()).toBe('<span id="oob-count-htmx" class="badge" hx-swap-oob="true">1</span>');
  });

  it('htmx: errors it cannot re-render the form for go to the lane\'s error slot', async () => {
    const missing = await remove('htmx', 4);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
    const notText = await visitor.fetch('/oob/items', { method: 'POST', headers: htmxHeaders, body: 'text=a&text=b' });
    expect(notText.status).toBe(400);
    expect(notText.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
  });
});

describe('bad requests', () => {
  it.each<[string, Record<string, string>, string]>([
    ['JSON without text', jsonHeaders, '{}'],
    ['JSON text as a number', jsonHeaders, '{"text":42}'],
    ['JSON text as an array', jsonHeaders, '{"text":["milk"]}'],
    ['JSON text as an object', jsonHeaders, '{"text":{"toString":"milk"}}'],
    ['JSON null text', jsonHeaders, '{"text":null}'],
    ['a JSON array body', jsonHeaders, '["milk"]'],
    ['a text/plain body', { ...jsonHeaders, 'Content-Type': 'text/plain' }, 'text=milk'],
    ['an unknown content type', { ...jsonHeaders, 'Content-Type': 'application/x-milk' }, 'milk'],
  ])('JSON lane, %s: 400 {"error"}, nothing added', async (_what, headers, body) => {
    const res = await visitor.fetch('/api/oob/items', { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { status: 400, message: 'The item must be text.' } });
    expect((await pageState()).badges.json).toBe(0);
  });

  it.each(['{"text":', '"milk"', 'null'])('JSON the body parser refuses (%s) is a 400, not a 500', async (body) => {
    const res = await visitor.fetch('/api/oob/items', { method: 'POST', headers: jsonHeaders, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { status: 400, message: expect.any(String) } });
  });

  it.each(['text[]=milk', 'text[a]=milk', 'other=milk', ''])('htmx lane, form body %j: 400, nothing added', async (body) => {
    const res = await visitor.fetch('/oob/items', { method: 'POST', headers: htmxHeaders, body });
    expect(res.status).toBe(400);
    expect((await pageState()).badges.htmx).toBe(0);
  });

  it('a body over 16 KB is refused (413)', async () => {
    for (const lane of ['json', 'htmx'] as const) expect((await add(lane, 'x'.repeat(17 * 1024))).status).toBe(413);
    expect((await pageState()).badges).toEqual({ json: 0, htmx: 0 });
  });

  it.each<[string, string, string]>([
    ['GET', '/oob/items', 'POST'], ['PUT', '/oob/items', 'POST'], ['GET', '/oob/items/1', 'DELETE'], ['POST', '/oob/items/1', 'DELETE'],
    ['GET', '/api/oob/items', 'POST'], ['PATCH', '/api/oob/items', 'POST'], ['PUT', '/api/oob/items/1', 'DELETE'],
  ])('%s %s: 405, allowing %s', async (method, path, allowed) => {
    await add('json', 'milk');
    await add('htmx', 'milk');
    const res = await visitor.fetch(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(/,\s*/)).toContain(allowed);
    expect((await pageState()).badges).toEqual({ json: 1, htmx: 1 });
  });
});

describe('CSRF', () => {
  const changes: Array<[string, string, string?]> = [
    ['POST', '/api/oob/items', '{"text":"sneaky"}'], ['DELETE', '/api/oob/items/1'],
    ['POST', '/oob/items', '{"text":"sneaky"}'], ['DELETE', '/oob/items/2'],
  ];

  it.each(changes)('%s %s without the token, or with another visitor\'s: 403, nothing changed', async (method, path, body) => {
    await add('json', 'milk');
    await add('htmx', 'milk');
    const before = await pageState();
    const stranger = await newVisitor(server.url, '/lessons/oob');
    for (const token of [undefined, stranger.csrfToken, `${visitor.csrfToken}x`]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'HX-Request': 'true', ...(token ? { 'X-CSRF-Token': token } : {}) };
      expect((await visitor.fetch(path, { method, csrf: false, headers, body })).status).toBe(403);
    }
    const after = await pageState();
    expect([after.badges, after.json, after.htmx]).toEqual([before.badges, before.json, before.htmx]);
  });
});

describe('Korean and reset', () => {
  it('speaks Korean on the page, in the fragments and in the JSON errors', async () => {
    const korean = await newVisitor(server.url, '/lessons/oob?lang=ko');
    const page = await pageState(korean);
    expect(page.html).toMatch(/<html lang="ko"/);
    for (const words of ['장보기 목록', '<label for="oob-text-htmx">항목</label>', '<label for="oob-text-json">항목</label>', 'placeholder="우유, 달걀…"', 'data-empty="아직 목록이 비어 있습니다."']) {
      expect(page.html).toContain(words);
    }
    expect(await (await add('htmx', '우유', korean)).text()).toContain('aria-label="삭제: 우유"');
    expect(await (await add('htmx', ' ', korean)).text()).toContain('먼저 항목을 입력하세요.');
    expect(await (await add('json', ' ', korean)).json()).toEqual({ error: { status: 422, message: '먼저 항목을 입력하세요.' } });
    expect((await (await remove('json', 42, korean)).json()).error.message).toBe('목록에 없는 항목입니다.');
  });

  it('reset empties every visitor\'s lists and shows the lesson', async () => {
    const other = await newVisitor(server.url, '/lessons/oob');
    for (const who of [visitor, other]) for (const lane of ['json', 'htmx'] as const) await add(lane, 'milk', who);
    const res = await visitor.fetch('/lessons/oob/reset', { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/oob');
    for (const who of [visitor, other]) {
      const state = await pageState(who);
      expect([state.badges, state.json, state.htmx]).toEqual([{ json: 0, htmx: 0 }, [], []]);
    }
    const again = await (await add('json', 'first again')).json();
    expect(again.item.id).toBe(1);
  });

  it('is in the lesson list, after toggle', () => {
    const ids = lessons.map((lesson) => lesson.id);
    expect(ids.indexOf('oob')).toBeGreaterThan(ids.indexOf('toggle'));
  });
});
