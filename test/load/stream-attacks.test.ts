// Attacks on the inspector's streams, with normal learners in the room who keep their streams and go on
// clicking: many streams on one cookie, streams that never read, the whole room's streams taken. The server
// runs in a child process, so its memory and event loop are its own; each attack prints its figures.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/workshop/inspector/store.js';
import { defaultStreamLimits } from '../../src/workshop/inspector/stream.js';
import { startAppProcess, type AppProcess } from './support/app-process.js';
import { inParallel, requestBytes, sendRaw } from './support/raw-socket.js';
import { settle } from './support/settle.js';
import { joinLearners, keepClicking, madeUp, mb, openRawStream, reportFigures, streamOpen, type Clicks, type Learner, type RawStream } from './support/stream-load.js';

const learnerCount = 3;
let app: AppProcess;
let learners: Learner[];
let clicks: Clicks;
let rawStreams: RawStream[] = [];
let baselineRss = 0;

beforeAll(async () => {
  app = await startAppProcess();
  learners = await joinLearners(app.url, learnerCount);
  baselineRss = (await app.memory()).rss;
}, 60_000);
afterAll(async () => {
  learners?.forEach((learner) => learner.stream.close());
  await app?.stop();
});

// Each attack: a learner clicks all through it; afterwards every learner still has its stream, and the
// attacker's sockets go.
beforeEach(async () => {
  await app.loopDelay(); // from here on
  clicks = keepClicking(learners[0]!);
});
afterEach(async () => {
  rawStreams.forEach((stream) => stream.socket.destroy());
  rawStreams = [];
  expect(await settle(() => app.openStreamCount(), learnerCount, 10_000)).toBe(learnerCount);
});

/** What the attack left: RSS, the loop's delay, a learner's click to its inspector event, the store against its cap. */
async function figures(attack: string) {
  const felt = await clicks.stop();
  const loop = await app.loopDelay(); // before memory(), whose full collection holds the loop up itself
  const [memory, store] = await Promise.all([app.memory(), app.store()]);
  reportFigures(attack, {
    rssMB: mb(memory.rss),
    rssGrowthMB: mb(memory.rss - baselineRss),
    heapMB: mb(memory.heapUsed),
    externalMB: mb(memory.external),
    loopDelayMs: loop,
    learnerClickMs: felt,
    storeMB: mb(store.bytes),
    storeCapMB: mb(defaultLimits.maxBytes),
  });
  for (const learner of learners) expect(await streamOpen(learner.stream)).toBe(true);
  expect(felt.missing).toBe(0);
  expect(store.bytes).toBeLessThanOrEqual(defaultLimits.maxBytes);
  return { memory, felt };
}

/** A POST refused for its made-up token, with `body` in it: still recorded, and shown in the visitor's streams. */
const refusedPost = (cookie: string, body: string) =>
  sendRaw(app.url, requestBytes('POST', '/api/like', { Cookie: cookie, 'Content-Type': 'text/plain', 'X-CSRF-Token': 'forged', 'Content-Length': String(body.length) }, body));

describe('inspector streams under attack, learners in the room', () => {
  it('(the same learners with nobody attacking, to compare)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await figures('no attack');
  });

  it('900 streams on one cookie, then 10 refused POSTs of 15 KB: the cookie keeps 4', async () => {
    const cookie = madeUp(1, 'a');
    const statuses = await inParallel(Array.from({ length: 900 }, (_, i) => i), async () => {
      const stream = openRawStream(app.url, '/_inspector/stream', cookie);
      rawStreams.push(stream);
      return stream.status;
    }, 16);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await settle(() => app.openStreamCount(), learnerCount + defaultStreamLimits.streamsPerVisitor)).toBe(learnerCount + defaultStreamLimits.streamsPerVisitor);
    const answers = await inParallel(Array.from({ length: 10 }, () => 'a'.repeat(15_000)), (body) => refusedPost(cookie, body));
    expect(new Set(answers.map((res) => res.status))).toEqual(new Set([403]));
    await figures('900 streams on one cookie + 10 refused POSTs');
  }, 120_000);

  // A paused loopback socket takes about 4 MB into the kernel's buffers before the server holds any of it:
  // each visitor sends enough (100 x 60 KB) to go past that.
  it('40 streams that never read (10 visitors x 4), 100 POSTs of 15 KB each: paced, then closed', async () => {
    const cookies = Array.from({ length: 10 }, (_, n) => madeUp(n, 's'));
    for (const cookie of cookies) for (let i = 0; i < 4; i++) rawStreams.push(openRawStream(app.url, '/_inspector/stream', cookie, { read: false }));
    expect(new Set(await Promise.all(rawStreams.map((stream) => stream.status)))).toEqual(new Set([200]));
    const body = '<'.repeat(15_000); // shown escaped: 60 KB in each event
    // Five visitors at a time take turns: each one's exchanges come at a pace its streams send every one of (a stream
    // sends only the newest 20 of a lane from what piles up between two of its writes: one visitor's 100 at once would
    // not do).
    const answers = [];
    for (const five of [cookies.slice(0, 5), cookies.slice(5)]) {
      answers.push(...(await inParallel(Array.from({ length: 100 }, () => five).flat(), (cookie) => refusedPost(cookie, body))));
    }
    expect(new Set(answers.map((res) => res.status))).toEqual(new Set([403]));
    const during = (await app.memory()).rss; // its full collection shows in this attack's loop delay
    // Past stalledMs, their next event finds them still stalled: closed, and the browser would reconnect.
    await new Promise((resolve) => setTimeout(resolve, defaultStreamLimits.stalledMs + 500));
    await inParallel(cookies, (cookie) => refusedPost(cookie, 'x'));
    expect(await settle(() => app.openStreamCount(), learnerCount, 10_000)).toBe(learnerCount);
    const { memory } = await figures('40 unread streams + 1000 POSTs of 15 KB');
    reportFigures('40 unread streams, while they were open', { rssMB: mb(during), rssGrowthMB: mb(during - baselineRss) });
    // Each unread stream may hold maxUnsentBytes and one event on top of its kernel buffers: not 6 MB each.
    expect(during - baselineRss).toBeLessThan(100 * 1024 * 1024);
    expect(memory.rss - baselineRss).toBeLessThan(100 * 1024 * 1024);
  }, 180_000);

  it('the whole room taken: 1,040 streams from 260 made-up visitors; the ones past 1,000 get 503', async () => {
    const attempts = Array.from({ length: 1040 }, (_, i) => madeUp(i % 260, 'r'));
    const statuses = await inParallel(attempts, async (cookie) => {
      const stream = openRawStream(app.url, '/_inspector/stream', cookie);
      rawStreams.push(stream);
      return stream.status;
    }, 16);
    const accepted = statuses.filter((status) => status === 200).length;
    expect(accepted).toBe(defaultStreamLimits.maxStreams - learnerCount);
    expect(statuses.filter((status) => status === 503)).toHaveLength(attempts.length - accepted);
    expect(await app.openStreamCount()).toBe(defaultStreamLimits.maxStreams);
    await figures('1,040 streams from 260 visitors (room of 1,000)');
  }, 180_000);
});
