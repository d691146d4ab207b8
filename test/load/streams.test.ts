// 200 inspector streams open at once: each gets its own visitor's exchange and nobody else's, and closing frees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStream } from '../support/http.js';
import { like, likeLanes } from '../support/lanes.js';
import { settle } from './support/settle.js';
import { newVisitor, startServer, type TestServer, type Visitor } from '../support/server.js';

const streamCount = 200;

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

describe(`${streamCount} inspector streams at once`, () => {
  let visitors: Visitor[];
  let streams: EventStream[];
  const exchangeIds: string[] = [];

  beforeAll(async () => {
    visitors = await Promise.all(Array.from({ length: streamCount }, () => newVisitor(server.url)));
    streams = await Promise.all(visitors.map((v) => openEventStream(`${server.url}/_inspector/stream`, { Cookie: v.cookie })));
  }, 60_000);
  afterAll(() => streams?.forEach((stream) => stream.close()));

  it('are all open on the server', () => {
    expect(server.demo.inspector.openStreamCount).toBe(streamCount);
  });

  it("each receive their visitor's like, and no other visitor's", async () => {
    const answers = await Promise.all(visitors.map((visitor, i) => like(visitor, likeLanes[i % 2]!)));
    for (const res of answers) {
      expect(res.status).toBe(200);
      exchangeIds.push(res.headers.get('X-Inspector-Exchange')!);
    }
    for (const [i, stream] of streams.entries()) {
      const own = await stream.waitFor((event) => event.includes(`data-exchange-id="${exchangeIds[i]}"`));
      expect(own, `stream ${i} did not get its exchange`).not.toBeNull();
    }
    // Every like has arrived where it belongs by now; anything else that came would be someone else's.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const stream of streams) expect(stream.events).toHaveLength(1);
  });

  it('are let go when their readers close them', async () => {
    for (const stream of streams) stream.close();
    expect(await settle(() => server.demo.inspector.openStreamCount, 0)).toBe(0);
    const res = await visitors[0]!.fetch('/');
    expect(res.status).toBe(200);
  });
});
