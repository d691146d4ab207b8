// The inspector's memory has a ceiling in bytes, not only in counts: visitor ids are cookies anyone can make up,
// and each made-up visitor may send the largest requests allowed to every lane. A watched visitor is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, rawRequest, wireItems, type EventStream } from '../support/http.js';
import { newVisitor, startServer, type TestServer, type Visitor } from '../support/server.js';
import { inParallel } from './support/raw-socket.js';
import { settle } from './support/settle.js';

const maxBytes = 1024 * 1024;
let server: TestServer;
let watched: Visitor;
let stream: EventStream;
beforeAll(async () => {
  server = await startServer({ inspectorLimits: { maxBytes } });
  watched = await newVisitor(server.url);
  stream = await openEventStream(`${server.url}/_inspector/stream`, { Cookie: watched.cookie });
  expect((await watched.fetch('/api/like', { method: 'POST' })).status).toBe(200);
});
afterAll(async () => {
  stream.close();
  await server.close();
});

/** A made-up visitor id (the cookie's shape is all the server checks), different for each `n`. */
const madeUp = (n: number) => `hxd_visitor=${String(n).padStart(22, 'x')}`;

describe(`a flood of the largest requests from made-up visitors (store ceiling ${maxBytes / 1024} KB)`, () => {
  it('keeps the store under its ceiling, and the watched visitor\'s exchanges', async () => {
    const body = 'a'.repeat(15_000); // under the 16 KB limit: read, parsed, and kept by the inspector as sent
    const tries = Array.from({ length: 300 }, (_, n) => n);
    const answers = await inParallel(tries, (n) =>
      rawRequest(server.url, n % 2 ? '/api/like' : '/like/', {
        method: 'POST',
        headers: { Cookie: madeUp(n), 'Content-Type': 'text/plain', 'HX-Current-URL': `http://x/${'u'.repeat(8000)}`, 'X-CSRF-Token': 'forged' },
        body,
      }),
    );
    expect(new Set(answers.map((res) => res.status))).toEqual(new Set([403])); // refused, and still recorded
    const { store } = server.demo.inspector;
    console.log(`inspector store after 300 requests of ~24 KB from 300 visitors: ${(store.bytes / 1024).toFixed(0)} KB, ${store.visitorCount} visitors`);
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    expect(store.bytes).toBeGreaterThan(maxBytes / 2); // it did fill up: the ceiling, not the traffic, held it
    expect(store.visitorCount).toBeLessThan(300);

    // The visitor with a page open keeps its exchange, on the page and in its stream.
    const page = await (await watched.fetch('/')).text();
    expect(wireItems(page, 'wire-like-json')).toHaveLength(1);
    expect(stream.events).toHaveLength(1);
  });

  it('forgets a made-up visitor\'s exchanges once it has been pushed out', async () => {
    const first = await rawRequest(server.url, '/', { headers: { Cookie: madeUp(1) } });
    expect(first.status).toBe(200);
    expect(wireItems(first.text, 'wire-like-json')).toHaveLength(0);
  });
});

describe('the same flood from 100 made-up visitors who each keep a stream open', () => {
  let watchers: EventStream[] = [];
  afterAll(() => watchers.forEach((s) => s.close()));

  it('still keeps the store under its ceiling: the oldest exchanges of watched visitors go too', async () => {
    const cookies = Array.from({ length: 100 }, (_, n) => madeUp(1000 + n));
    watchers = await inParallel(cookies, (cookie) => openEventStream(`${server.url}/_inspector/stream`, { Cookie: cookie }));
    expect(server.demo.inspector.openStreamCount).toBe(101);
    const body = 'a'.repeat(15_000);
    const answers = await inParallel(Array.from({ length: 300 }, (_, n) => n), (n) =>
      rawRequest(server.url, n % 2 ? '/api/like' : '/like/', {
        method: 'POST',
        headers: { Cookie: cookies[n % 100]!, 'Content-Type': 'text/plain', 'HX-Current-URL': `http://x/${'u'.repeat(8000)}`, 'X-CSRF-Token': 'forged' },
        body,
      }),
    );
    expect(new Set(answers.map((res) => res.status))).toEqual(new Set([403]));
    const { store } = server.demo.inspector;
    console.log(`inspector store after 300 requests of ~24 KB from 100 watched visitors: ${(store.bytes / 1024).toFixed(0)} KB, ${store.visitorCount} visitors`);
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    // Each watched visitor's stream got its exchanges as they came, trimmed or not.
    for (const stream of watchers) expect(await settle(() => stream.events.length, 3)).toBe(3);
  });
});
