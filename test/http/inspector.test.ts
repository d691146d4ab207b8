// The wire inspector: each visitor sees their own lane exchanges, on the page and live over SSE, and the list stays short.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openEventStream, textOf, wireItems } from '../support/http.js';
import { like, likeLanes, type LaneUnderTest } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const server = useServer();

const listId = (lane: LaneUnderTest) => `wire-like-${lane.id}`;
const pageOf = async (visitor: Visitor) => (await visitor.fetch('/')).text();

/** What each lane's real client sends, with a request body type the inspector should show. */
const requestTypes = { json: 'application/json', htmx: 'application/x-www-form-urlencoded' } as const;

describe.each(likeLanes)('the $id lane', (lane) => {
  it('an exchange shows on the visitor\'s next page load: method, path, status, headers, types, bytes', async () => {
    const visitor = await newVisitor(server.url);
    const res = await like(visitor, lane, { headers: { 'Content-Type': requestTypes[lane.id] }, body: lane.id === 'json' ? '{}' : '' });
    const responseBody = Buffer.from(await res.arrayBuffer());
    const id = res.headers.get('x-inspector-exchange');
    expect(id).toMatch(/^\d+$/);

    const items = wireItems(await pageOf(visitor), listId(lane));
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toContain(`data-exchange-id="${id}"`);
    expect(item).toContain('<span class="method">POST</span>');
    expect(item).toContain(`<code class="url">${lane.path}</code>`);
    expect(item).toMatch(/<span class="status status-2xx">200<\/span>/);
    expect(item).toContain(`<dt>Content-Type</dt><dd>${requestTypes[lane.id]}</dd>`);
    if (lane.id === 'htmx') expect(item).toContain('<dt>HX-Request</dt><dd>true</dd>');
    else expect(item).not.toContain('HX-Request');
    expect(item).toContain(`<code>${res.headers.get('content-type')}</code>`);
    // Bytes as they went over the wire, and what gzip makes of them.
    const [raw, gzip] = /(\d+) B raw · (\d+) B gzip/.exec(item)!.slice(1).map(Number);
    expect(raw).toBe(responseBody.length);
    expect(gzip).toBeGreaterThanOrEqual(gzipSync(responseBody, { level: 9 }).length);
    expect(gzip).toBeLessThanOrEqual(gzipSync(responseBody, { level: 1 }).length);
    // The response body itself is shown (JSON indented).
    const shown = lane.id === 'json' ? JSON.stringify(JSON.parse(responseBody.toString()), null, 2) : responseBody.toString();
    expect(textOf(item)).toContain(shown);
  });

  it('a refused request shows too, with its 403', async () => {
    const visitor = await newVisitor(server.url);
    const res = await like(visitor, lane, { csrf: false });
    expect(res.status).toBe(403);
    const [item] = wireItems(await pageOf(visitor), listId(lane));
    expect(item).toContain(`data-exchange-id="${res.headers.get('x-inspector-exchange')}"`);
    expect(item).toMatch(/<span class="status status-4xx">403<\/span>/);
  });

  it('another visitor\'s page shows none of it', async () => {
    const visitor = await newVisitor(server.url);
    const other = await newVisitor(server.url);
    for (let i = 0; i < 3; i++) await like(visitor, lane);
    const own = await like(other, lane);
    const items = wireItems(await pageOf(other), listId(lane));
    expect(items).toHaveLength(1);
    expect(items[0]).toContain(`data-exchange-id="${own.headers.get('x-inspector-exchange')}"`);
    for (const l of likeLanes.filter((l) => l !== lane)) expect(wireItems(await pageOf(other), listId(l))).toEqual([]);
  });

  it('streams the exchange to that visitor only, as the list item for this lane', async () => {
    const visitor = await newVisitor(server.url);
    const other = await newVisitor(server.url);
    const mine = await openEventStream(`${server.url}/_inspector/stream`, { Cookie: visitor.cookie });
    const theirs = await openEventStream(`${server.url}/_inspector/stream`, { Cookie: other.cookie });
    try {
      for (const stream of [mine, theirs]) {
        expect(stream.response.status).toBe(200);
        expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      }
      const res = await like(visitor, lane);
      const id = res.headers.get('x-inspector-exchange');
      const event = await mine.waitFor((data) => data.includes(`data-exchange-id="${id}"`));
      expect(event).not.toBeNull();
      expect(event).toMatch(new RegExp(`^<li class="exchange" [^>]*data-list="${listId(lane)}"`));
      expect(event).toContain(`<code class="url">${lane.path}</code>`);
      // The other visitor's stream was open all along and got nothing.
      expect(await theirs.waitFor(() => true, 300)).toBeNull();
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('keeps at most 20 exchanges per lane, newest first', async () => {
    const visitor = await newVisitor(server.url);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await like(visitor, lane);
      await res.arrayBuffer();
      ids.push(Number(res.headers.get('x-inspector-exchange')));
    }
    const shown = wireItems(await pageOf(visitor), listId(lane)).map((item) => Number(/data-exchange-id="(\d+)"/.exec(item)![1]));
    expect(shown).toEqual(ids.slice(-20).reverse());
  });
});

it('lane responses carry a distinct X-Inspector-Exchange id; pages and static files do not', async () => {
  const visitor = await newVisitor(server.url);
  const ids = [];
  for (const lane of [...likeLanes, ...likeLanes]) ids.push((await like(visitor, lane)).headers.get('x-inspector-exchange'));
  expect(new Set(ids).size).toBe(ids.length);
  for (const path of ['/', '/static/app.css']) expect((await visitor.fetch(path)).headers.get('x-inspector-exchange')).toBeNull();
});

it('a lane answer that is a whole page is shown cut short: the next page does not carry it whole (no doubling)', async () => {
  // Lesson 8's fragment URL opened in the address bar answers the whole page, inspector lists included.
  const visitor = await newVisitor(server.url);
  const sizes: number[] = [];
  for (let i = 0; i < 24; i++) {
    sizes.push((await (await visitor.fetch('/two-clients/tasks')).arrayBuffer()).byteLength);
    if (i > 0) expect(sizes[i]! - sizes[i - 1]!, `answer ${i}`).toBeLessThan(16 * 1024);
  }
  const page = await (await visitor.fetch('/lessons/two-clients')).text();
  const items = wireItems(page, 'wire-two-clients-htmx');
  expect(items).toHaveLength(20);
  expect(textOf(items[0]!)).toMatch(/… and \d+ more bytes, not shown here/);
  expect(textOf(items[0]!)).toMatch(new RegExp(`${sizes.at(-1)} B raw`));
  // Each answer adds one shortened item until the list is full (20), then none: growth stops.
  expect(sizes.at(-1)! - sizes[20]!).toBeLessThan(1024);
});

it('a password never reaches the screen: the sign-up\'s password shows as dots on both lanes, the rest as sent', async () => {
  const visitor = await newVisitor(server.url, '/lessons/form');
  const secret = 'hunter2-Correct&Horse';
  await visitor.fetch('/api/form/signups', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: secret }),
  });
  await visitor.fetch('/form/signups', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' },
    body: new URLSearchParams({ username: 'grace', email: 'grace@example.com', password: secret }).toString(),
  });
  const page = await (await visitor.fetch('/lessons/form')).text();
  for (const lane of ['json', 'htmx']) {
    const [item] = wireItems(page, `wire-form-${lane}`);
    expect(item, lane).toBeDefined();
    expect(textOf(item!)).toContain('••••••');
    expect(textOf(item!)).not.toContain('hunter2');
  }
  expect(textOf(wireItems(page, 'wire-form-json')[0]!)).toContain('"username":"ada"');
  expect(textOf(wireItems(page, 'wire-form-htmx')[0]!)).toContain('username=grace&email=grace%40example.com&password=••••••');
});

it('a CSRF token shows only its first characters, in the header and in a form field, so a projector never shows a usable one', async () => {
  const visitor = await newVisitor(server.url, '/lessons/form');
  const token = visitor.csrfToken;
  const shown = `${token.slice(0, 6)}…`;
  for (const lane of likeLanes) await like(visitor, lane);
  // a JS-off form post carries the token in its body instead
  await visitor.fetch('/form/signups', {
    method: 'POST',
    csrf: false,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, username: 'grace', email: 'grace@example.com', password: 'long-enough-1' }).toString(),
    redirect: 'manual',
  });
  const likePage = await pageOf(visitor);
  for (const lane of likeLanes) {
    const [item] = wireItems(likePage, listId(lane));
    expect(textOf(item!), lane.id).toContain(`X-CSRF-Token${shown}`);
    expect(item, lane.id).not.toContain(token);
  }
  const [post] = wireItems(await (await visitor.fetch('/lessons/form')).text(), 'wire-form-htmx');
  expect(textOf(post!)).toContain(`_csrf=${shown}&username=grace`);
  expect(post).not.toContain(token);
});
