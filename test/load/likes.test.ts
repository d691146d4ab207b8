// 10,000 likes at once over both lanes with the inspector watching: none lost, and the server's memory stays flat.
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, rawRequest, wireItems, type EventStream } from '../support/http.js';
import { likeLanes, pageCounts } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { startAppProcess, type AppProcess } from './support/app-process.js';

const total = 10_000;
const connections = 100;
const visitorCount = 10;
/** The inspector keeps this many exchanges per visitor and lane (defaultLimits.perLane). */
const perLane = 20;

interface Answer {
  visitor: number;
  lane: 'json' | 'htmx';
  status: number;
  count: number;
  exchangeId: string;
}

let app: AppProcess;
let visitors: Visitor[];
let streams: EventStream[];
let answers: Answer[];
const memory: Record<string, NodeJS.MemoryUsage> = {};

/** Sends likes `from`..`to`-1 over `connections` keep-alive connections; every visitor likes in both lanes. */
async function likes(agent: Agent, from: number, to: number): Promise<Answer[]> {
  const done: Answer[] = [];
  let next = from;
  const worker = async () => {
    while (next < to) {
      const i = next++;
      const visitor = i % visitorCount;
      const lane = likeLanes[Math.floor(i / visitorCount) % 2]!;
      const { cookie, csrfToken } = visitors[visitor]!;
      const res = await rawRequest(app.url, lane.path, {
        method: 'POST',
        headers: { ...lane.headers, Cookie: cookie, 'X-CSRF-Token': csrfToken },
        agent,
      });
      const count = Number(lane.id === 'json' ? JSON.parse(res.text).likes : /\((\d+)\)<\/button>/.exec(res.text)?.[1]);
      done.push({ visitor, lane: lane.id, status: res.status, count, exchangeId: String(res.headers['x-inspector-exchange']) });
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return done;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

beforeAll(async () => {
  app = await startAppProcess();
  visitors = await Promise.all(Array.from({ length: visitorCount }, () => newVisitor(app.url)));
  await visitors[0]!.fetch('/lessons/like/reset', { method: 'POST', redirect: 'manual' });
  streams = await Promise.all(visitors.map((v) => openEventStream(`${app.url}/_inspector/stream`, { Cookie: v.cookie })));
  memory.before = await app.memory();

  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  answers = await likes(agent, 0, total / 2);
  memory.half = await app.memory();
  answers.push(...(await likes(agent, total / 2, total)));
  memory.after = await app.memory();
  agent.destroy();

  const line = (name: string) => `${name}: heap ${mb(memory[name]!.heapUsed)}, rss ${mb(memory[name]!.rss)}`;
  console.log(`server memory after GC, ${total} likes over ${connections} connections:\n  ${['before', 'half', 'after'].map(line).join('\n  ')}`);
}, 120_000);

afterAll(async () => {
  for (const stream of streams ?? []) stream.close();
  await app?.stop();
});

describe(`${total} likes over ${connections} connections, both lanes, ${visitorCount} visitors watching the inspector`, () => {
  it('answers every request with 200', () => {
    expect(answers).toHaveLength(total);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  });

  it('loses no like: each count is handed out exactly once, and the page shows the number of requests', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      const counts = answers.filter((a) => a.lane === lane).map((a) => a.count).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: total / 2 }, (_, i) => i + 1));
    }
    const page = await (await visitors[0]!.fetch('/')).text();
    expect(pageCounts(page)).toEqual({ json: total / 2, htmx: total / 2 });
  });

  it("streams each visitor exactly its own exchanges, and no other visitor's", async () => {
    for (const [index, stream] of streams.entries()) {
      const own = answers.filter((a) => a.visitor === index).map((a) => a.exchangeId).sort();
      await stream.waitFor(() => stream.events.length >= own.length, 5000);
      const seen = stream.events.map((event) => /data-exchange-id="(\d+)"/.exec(event)?.[1]).sort();
      expect(seen).toEqual(own);
    }
  });

  it(`shows each visitor only the last ${perLane} exchanges per lane`, async () => {
    for (const visitor of visitors) {
      const page = await (await visitor.fetch('/')).text();
      expect(wireItems(page, 'wire-like-json')).toHaveLength(perLane);
      expect(wireItems(page, 'wire-like-htmx')).toHaveLength(perLane);
    }
  });

  it("keeps the server's heap flat: the second 5,000 likes replace recorded exchanges, they do not add to them", async () => {
    // An unbounded store grows by about 1 MB per 1,000 exchanges here; a bounded one by nothing.
    const growth = memory.after!.heapUsed - memory.half!.heapUsed;
    expect(growth, `heap grew ${mb(growth)} over the second ${total / 2} likes`).toBeLessThan(2 * 1024 * 1024);
    expect(await app.errors()).toEqual([]);
  });
});
