// The inspector's live streams in a room of strangers: a few per visitor, a ceiling for all that never cuts a
// learner off, a page that gets back what it missed, and a reader that stops reading is let go.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeStore, type Exchange } from '../../src/workshop/inspector/store.js';
import { exchangeStreams } from '../../src/workshop/inspector/stream.js';
import { attribute, openEventStream, tagsNamed, type EventStream } from '../support/http.js';
import { like, likeLanes } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';
import { sendRaw, requestBytes } from '../load/support/raw-socket.js';
import { settle } from '../load/support/settle.js';

const server = useServer({ inspectorLimits: { maxStreams: 7, streamsPerVisitor: 4, maxUnsentBytes: 16 * 1024, stalledMs: 300 } });
const [jsonLane] = likeLanes;

// Whatever a test leaves open is closed before the next, so each starts with the room empty.
const opened: EventStream[] = [];
afterEach(async () => {
  opened.splice(0).forEach((stream) => stream.close());
  await settle(() => server.demo.inspector.openStreamCount, 0);
});
const openStreams = async (visitor: Visitor, count: number, path = '/_inspector/stream', headers: Record<string, string> = {}) => {
  const streams: EventStream[] = [];
  // One after another: which is oldest is what the test is about.
  for (let i = 0; i < count; i++) streams.push(await openEventStream(`${server.url}${path}`, { Cookie: visitor.cookie, ...headers }));
  opened.push(...streams);
  return streams;
};
const closeAll = async (streams: EventStream[]) => {
  streams.forEach((stream) => stream.close());
  await settle(() => server.demo.inspector.openStreamCount, 0);
};
const stillOpen = async (stream: EventStream) => (await Promise.race([stream.ended.then(() => false), new Promise((r) => setTimeout(r, 100, true))])) as boolean;

describe('streams per visitor and in all', () => {
  it('a visitor keeps at most 4: opening a 5th asks the oldest to step aside, and it closes', async () => {
    const visitor = await newVisitor(server.url);
    const streams = await openStreams(visitor, 5);
    expect(streams.map((s) => s.response.status)).toEqual([200, 200, 200, 200, 200]);
    await streams[0]!.ended;
    expect(streams[0]!.fields.map((f) => f.event)).toEqual(['replaced']);
    for (const stream of streams.slice(1)) expect(await stillOpen(stream)).toBe(true);
    expect(server.demo.inspector.openStreamCount).toBe(4);
    // The four open ones each get the visitor's next exchange.
    const id = (await like(visitor, jsonLane!)).headers.get('x-inspector-exchange');
    for (const stream of streams.slice(1)) expect(await stream.waitFor((data) => data.includes(`data-exchange-id="${id}"`))).not.toBeNull();
    await closeAll(streams);
  });

  it('when the server is full a newcomer gets 503 with Retry-After, and nobody else loses a stream', async () => {
    const [a, b, c] = await Promise.all([newVisitor(server.url), newVisitor(server.url), newVisitor(server.url)]);
    const mine = await openStreams(a!, 4);
    const theirs = await openStreams(b!, 3);
    expect(server.demo.inspector.openStreamCount).toBe(7);
    const refused = await fetch(`${server.url}/_inspector/stream`, { headers: { Cookie: c!.cookie } });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/try again/i);
    // b is within its own limit, so a 4th of b's would have to cut someone else off: refused too.
    expect((await fetch(`${server.url}/_inspector/stream`, { headers: { Cookie: b!.cookie } })).status).toBe(503);
    // a is at its own limit: its 5th takes the place of its own oldest.
    const [fifth] = await openStreams(a!, 1);
    expect(fifth!.response.status).toBe(200);
    await mine[0]!.ended;
    for (const stream of [...mine.slice(1), ...theirs]) expect(await stillOpen(stream)).toBe(true);
    expect(server.demo.inspector.openStreamCount).toBe(7);
    await closeAll([...mine, ...theirs, fifth!]);
  });
});

describe('a page that reconnects', () => {
  const likes = async (visitor: Visitor, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await like(visitor, jsonLane!)).headers.get('x-inspector-exchange')!);
    return ids;
  };
  const exchangeIds = (stream: EventStream) => stream.events.map((data) => /data-exchange-id="(\d+)"/.exec(data)?.[1]);

  it("gets what happened since its page was drawn: the page's stream URL says where it starts", async () => {
    const visitor = await newVisitor(server.url);
    const before = await likes(visitor, 1);
    const page = await (await visitor.fetch('/')).text();
    const url = attribute(tagsNamed(page, 'main')[0]!, 'data-inspector-stream')!;
    expect(url).toMatch(/^\/_inspector\/stream\?lesson=like&after=\d+$/);
    expect(page).toContain(`data-exchange-id="${before[0]}"`);
    const missed = await likes(visitor, 2); // between the page and its stream
    const [stream] = await openStreams(visitor, 1, url);
    await stream!.waitFor((data) => data.includes(`data-exchange-id="${missed[1]}"`));
    expect(exchangeIds(stream!)).toEqual(missed);
    await closeAll([stream!]);
  });

  it('after a dropped stream, sends only what came after the last event the browser got (Last-Event-ID)', async () => {
    const visitor = await newVisitor(server.url);
    const [first] = await openStreams(visitor, 1, '/_inspector/stream?lesson=like');
    const [got] = await likes(visitor, 1);
    await first!.waitFor((data) => data.includes(`data-exchange-id="${got}"`));
    const lastEventId = first!.fields[0]!.id!;
    expect(lastEventId).toMatch(/^\d+$/);
    await closeAll([first!]);
    const missed = await likes(visitor, 3);
    await visitor.fetch('/api/search?q=a'); // another lesson's exchange: not for this page's lists
    const [again] = await openStreams(visitor, 1, '/_inspector/stream?lesson=like&after=0', { 'Last-Event-ID': lastEventId });
    await again!.waitFor((data) => data.includes(`data-exchange-id="${missed[2]}"`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(exchangeIds(again!)).toEqual(missed);
    await closeAll([again!]);
  });
});

describe('a reader that stops reading', () => {
  it('is closed once it holds more than a little unsent data, and the server keeps nothing for it', async () => {
    const visitor = await newVisitor(server.url);
    const { hostname, port } = new URL(server.url);
    const { connect } = await import('node:net');
    const socket = connect(Number(port), hostname);
    socket.write(requestBytes('GET', '/_inspector/stream', { Cookie: visitor.cookie, Connection: 'keep-alive' }));
    await settle(() => server.demo.inspector.openStreamCount, 1);
    socket.pause(); // never reads again
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // Refused posts (no token) of 15 KB of "<", each shown escaped (4x) in every event.
    const body = '<'.repeat(15_000);
    const post = () => sendRaw(server.url, requestBytes('POST', '/api/like', { Cookie: visitor.cookie, 'Content-Type': 'text/plain', 'Content-Length': String(body.length) }, body));
    for (let round = 0; round < 4 && server.demo.inspector.openStreamCount > 0; round++) {
      for (let i = 0; i < 60; i++) expect((await post()).status).toBe(403);
      await new Promise((resolve) => setTimeout(resolve, 400)); // past stalledMs: the next event finds it stalled
    }
    expect(await settle(() => server.demo.inspector.openStreamCount, 0)).toBe(0);
    socket.resume();
    await closed;
  });
});

/** The streams alone, over a store of their own, for visitor "v": each event's text says which render made it. */
async function streamsAlone() {
  const store = new ExchangeStore();
  const rendered: number[] = [];
  const streams = exchangeStreams(store, (_ctx, exchange) => (rendered.push(exchange.id), `<li data-exchange-id="${exchange.id}">${rendered.length}</li>`));
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.state.visitorId = 'v';
    ctx.state.lang = 'en';
    await next();
  });
  app.use(streams.middleware);
  const http = createServer(app.callback());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const stop = async () => {
    streams.closeAll();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  };
  return { store, streams, rendered, url, stop };
}
const exchangeOn = (id: number, lane: 'json' | 'htmx') =>
  ({ id, lessonId: 'like', lane, method: 'POST', url: '/api/like', status: 403, requestHeaders: [], responseHeaders: [], requestBody: '', responseType: '', responseBody: '', bytes: 0, gzipBytes: 0, serverMs: 1 }) satisfies Exchange;

describe('each exchange is rendered once for all of its visitor\'s streams', () => {
  it('whatever the number of streams the visitor asks for', async () => {
    const { store, streams, rendered, url, stop } = await streamsAlone();
    const clients = await Promise.all(Array.from({ length: 12 }, () => openEventStream(url)));
    try {
      await settle(() => streams.openCount, 4);
      expect(streams.openCount).toBe(4);
      store.add('v', exchangeOn(1, 'json'));
      const open = clients.filter((client) => client.response.status === 200);
      await Promise.all(clients.map((client) => client.waitFor((data) => data.includes('data-exchange-id="1"'), 500)));
      expect(rendered).toEqual([1]);
      expect(clients.filter((client) => client.events.some((data) => data.includes('data-exchange-id="1"')))).toHaveLength(4);
      expect(open.length).toBeGreaterThanOrEqual(4);
    } finally {
      clients.forEach((client) => client.close());
      await stop();
    }
  });
});

describe('a burst of exchanges', () => {
  it('goes out as what the page keeps of it: the newest 20 of each list, in the order recorded; older ones are never rendered', async () => {
    const { store, rendered, url, stop } = await streamsAlone();
    const client = await openEventStream(url);
    const ids = (events: string[]) => events.map((data) => Number(/data-exchange-id="(\d+)"/.exec(data)?.[1]));
    try {
      store.add('v', exchangeOn(1, 'json')); // a lone click's exchange
      await client.waitFor((data) => data.includes('data-exchange-id="1"'));
      // Then, between two of the stream's writes, 50 on one lane and 3 on the other, interleaved at the end.
      for (let id = 2; id <= 48; id++) store.add('v', exchangeOn(id, 'json'));
      for (const [id, lane] of [[49, 'htmx'], [50, 'json'], [51, 'htmx'], [52, 'json'], [53, 'htmx'], [54, 'json']] as const) store.add('v', exchangeOn(id, lane));
      await client.waitFor((data) => data.includes('data-exchange-id="54"'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      // json's newest 20 are 32..48, 50, 52 and 54; with htmx's 49, 51 and 53, that is 32 to 54.
      expect(ids(client.events)).toEqual([1, ...Array.from({ length: 23 }, (_, at) => 32 + at)]);
      expect(rendered).toEqual(ids(client.events));
    } finally {
      client.close();
      await stop();
    }
  });
});
