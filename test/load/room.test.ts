// A workshop room under load, on loopback: 60 learners each with a lesson page open (its room stream and its
// inspector stream), the instructor's console polling and the instructor moving step by step, while every learner
// clicks twice a second. The same clicks are first timed with no room at all, to see what the room adds. A lane
// request stays quick (p99 under 50 ms, judged when the machine let the same clicks with no room stay under that:
// it is shared with other work), the server's CPU per lane request stays small, and every follower hears every move. Bounded: 2 × 1,200 lane requests, about ten seconds each.
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, rawRequest, type EventStream } from '../support/http.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { startAppProcess, type AppProcess } from './support/app-process.js';
import { settle } from './support/settle.js';

const key = 'load-room-key';
const learnerCount = 60;
const likesEach = 20;
/** Each learner clicks this often, the learners out of step with each other: 120 lane requests a second in all. */
const clickEveryMs = 500;
const moves = ['2', '3', '4', '5', '1', '2', '3', '4'];

let app: AppProcess;
let learners: Visitor[];
const streams: EventStream[] = [];
let instructorCookie = '';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  timings: number[];
  cpuPerRequestMs: number;
}

/** Every learner likes `likesEach` times, one click per `clickEveryMs`: the time each lane request took. */
async function clicks(): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: learnerCount });
  const timings: number[] = [];
  const cpuBefore = await app.cpuMs();
  await Promise.all(learners.map(async (learner, index) => {
    await sleep((index / learners.length) * clickEveryMs);
    for (let i = 0; i < likesEach; i++) {
      const started = performance.now();
      const res = await rawRequest(app.url, '/like/', {
        method: 'POST',
        headers: { 'HX-Request': 'true', Accept: 'text/html', Cookie: learner.cookie, 'X-CSRF-Token': learner.csrfToken },
        agent,
      });
      const took = performance.now() - started;
      timings.push(took);
      expect(res.status).toBe(200);
      await sleep(Math.max(0, clickEveryMs - took));
    }
  }));
  agent.destroy();
  return { timings, cpuPerRequestMs: ((await app.cpuMs()) - cpuBefore) / timings.length };
}

const describeRun = (name: string, run: Run) => `${name}: ${run.timings.length} lane requests, p50 ${percentile(run.timings, 50).toFixed(1)} ms, `
  + `p99 ${percentile(run.timings, 99).toFixed(1)} ms, server CPU ${run.cpuPerRequestMs.toFixed(2)} ms a request`;

beforeAll(async () => {
  app = await startAppProcess({ instructorKey: key });
  learners = await Promise.all(Array.from({ length: learnerCount }, () => newVisitor(app.url, '/lessons/like')));
  const entry = await fetch(`${app.url}/present?key=${key}`, { redirect: 'manual' });
  instructorCookie = entry.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}, 60_000);
afterAll(async () => {
  for (const stream of streams) stream.close();
  await app?.stop();
});

describe(`${learnerCount} learners' streams, the console and the instructor leading`, () => {
  let alone: Run;

  it('(the same clicks with nobody in the room, for comparison)', async () => {
    alone = await clicks();
    console.info(describeRun('no room', alone));
  }, 60_000);

  it('are all counted by the room', async () => {
    for (const learner of learners) {
      streams.push(await openEventStream(`${app.url}/_room/stream?lesson=like&step=1`, { Cookie: learner.cookie }));
      streams.push(await openEventStream(`${app.url}/_inspector/stream`, { Cookie: learner.cookie }));
    }
    expect(await settle(() => app.learnerCount(), learnerCount)).toBe(learnerCount);
  }, 30_000);

  /** The same clicks while the console polls the room and the instructor moves a step every 250 ms. */
  async function clicksInARoom(): Promise<{ run: Run; consolePolls: number[] }> {
    let running = true;
    // The console as projected: its room panel asked again and again (every second in the browser; faster here).
    const consolePolls: number[] = [];
    const consoleLoop = (async () => {
      while (running) {
        const started = performance.now();
        const res = await rawRequest(app.url, '/present/room', { headers: { Cookie: instructorCookie, 'HX-Request': 'true' } });
        expect(res.status).toBe(200);
        expect(res.text).toContain(`<strong data-learner-count>${learnerCount}</strong>`);
        consolePolls.push(performance.now() - started);
        await sleep(200);
      }
    })();
    // The instructor's page moves a step every 250 ms: each move goes out to every learner's stream.
    const leadLoop = (async () => {
      for (const step of moves) {
        const lead = await openEventStream(`${app.url}/_room/stream?lesson=like&step=${step}`, { Cookie: instructorCookie });
        await sleep(250);
        lead.close();
      }
    })();

    const run = await clicks();
    await leadLoop;
    running = false;
    await consoleLoop;
    return { run, consolePolls };
  }

  it('keep a lane request quick while the console polls and the instructor moves', async () => {
    let { run: busy, consolePolls } = await clicksInARoom();
    console.info(`${describeRun('room', busy)}; ${consolePolls.length} console polls, p99 ${percentile(consolePolls, 99).toFixed(1)} ms`);
    expect(busy.timings).toHaveLength(learnerCount * likesEach);
    expect(await app.errors()).toEqual([]);
    // What the room adds to each lane request's work is small, whatever else the machine is doing.
    expect(busy.cpuPerRequestMs).toBeLessThan(alone.cpuPerRequestMs * 1.5 + 0.5);
    // The wall-clock figure, whenever this machine's other work let the same clicks with no room meet it. One stall
    // of the machine (another suite's burst) is enough to move a p99 of 1,200 requests: a slow room is slow twice.
    if (percentile(alone.timings, 99) < 50 && percentile(busy.timings, 99) >= 50) {
      ({ run: busy, consolePolls } = await clicksInARoom());
      console.info(`${describeRun('room, again', busy)}; ${consolePolls.length} console polls`);
    }
    if (percentile(alone.timings, 99) < 50) expect(percentile(busy.timings, 99)).toBeLessThan(50);
    else console.warn('room load: p99 not judged, the clicks with no room did not stay under 50 ms either (other work on this machine)');
  }, 90_000);

  it('tells every learner\'s stream each place the instructor led to', async () => {
    const roomStreams = streams.filter((_, index) => index % 2 === 0);
    for (const [index, stream] of roomStreams.entries()) {
      const last = await stream.waitFor((data) => data.includes(`"leader":{"lesson":"like","step":"${moves.at(-1)}"}`), 5000);
      expect(last, `learner ${index} did not hear the last move`).not.toBeNull();
      const heard = new Set(stream.events.map((data) => (JSON.parse(data) as { leader?: { step: string } }).leader?.step));
      for (const step of moves) expect(heard.has(step), `learner ${index}, step ${step}`).toBe(true);
    }
  });
});
