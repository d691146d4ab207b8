// Throughput: both lanes' like, inspector off and on, against a same-work Koa app (the like answered safely by hand)
// and a bare Koa app (the framework's limit); autocannon runs in this process.
import autocannon from 'autocannon';
import { startChild } from './children.js';
import { newVisitor, openStream } from './visitor.js';

const appServer = new URL('./servers/app.js', import.meta.url).pathname;
const koaServer = new URL('./servers/koa.js', import.meta.url).pathname;
const sameWorkServer = new URL('./servers/same-work.js', import.meta.url).pathname;

/** The requests a browser sends for one like, with the headers htmx and like.js send. */
export const likeRequests = {
  fragment: { method: 'POST', path: '/like/', headers: { 'HX-Request': 'true', 'HX-Target': 'like-section', Accept: 'text/html' } },
  json: { method: 'POST', path: '/api/like', headers: { Accept: 'application/json' } },
};

/**
 * koa: the framework's limit, sent the fragment request. same-work: the like by hand, each lane's request. off: a
 * visitor with no stream open. on: its stream open and read. `against` names the baseline a lane's ratio is taken to.
 * Listed (and so measured) with each figure next to its baseline: a shared machine's speed drifts, less in seconds.
 */
export const scenarios = [
  { id: 'koa', server: koaServer, request: 'fragment', baseline: true },
  { id: 'same-work', server: sameWorkServer, request: 'fragment', sameWork: true },
  { id: 'fragment', server: appServer, request: 'fragment', stream: false, against: 'same-work' },
  { id: 'fragment+inspector', server: appServer, request: 'fragment', stream: true, against: 'fragment' },
  { id: 'same-work-json', server: sameWorkServer, request: 'json', sameWork: true },
  { id: 'json', server: appServer, request: 'json', stream: false, against: 'same-work-json' },
  { id: 'json+inspector', server: appServer, request: 'json', stream: true, against: 'json' },
];

/** The baseline has no visitors; it is sent headers of the same size. */
const stranger = { cookie: 'hxd_visitor=AAAAAAAAAAAAAAAAAAAAAA', csrfToken: 'A'.repeat(43) };

/**
 * One measurement in a fresh server process: warm up, then `seconds` of `connections` keep-alive connections.
 * With a `profileDir`, the server writes a CPU profile there; `window` says which part of it was measured.
 */
export async function measure(scenario, { connections, seconds, warmupSeconds, profileDir }) {
  const server = await startChild(scenario.server, [], { profileDir });
  let stream;
  try {
    const { cookie, csrfToken } = scenario.baseline ? stranger : await newVisitor(server.url);
    if (scenario.stream) stream = await openStream(server.url, cookie);
    const { method, path, headers } = likeRequests[scenario.request];
    const options = { url: server.url + path, method, headers: { ...headers, Cookie: cookie, 'X-CSRF-Token': csrfToken }, connections };
    const warmup = await run({ ...options, duration: warmupSeconds });
    const before = await server.cpuMicros();
    const result = await run({ ...options, duration: seconds });
    const after = await server.cpuMicros();
    const cpuMicros = after.cpu - before.cpu;
    const failed = result.non2xx + result.errors + result.timeouts;
    if (failed > 0) throw new Error(`${scenario.id}: ${failed} of ${result.requests.total} requests failed`);
    // "Inspector on" must mean it: the open stream kept up, to the last exchange (the store counts every one, warm-up
    // too, and a request cut when the load stops). Of what one write carries (one per 16 ms at most) it sends the
    // newest 20 of a lane: all the page keeps.
    const recorded = warmup.requests.total + result.requests.total;
    if (stream) await new Promise((resolve) => setTimeout(resolve, 200));
    if (stream && stream.lastId < recorded) {
      throw new Error(`${scenario.id}: the stream's last event is exchange ${stream.lastId} of ${recorded}`);
    }
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      cpuPerRequest: cpuMicros / result.requests.total,
      streamEvents: stream?.events,
      pid: server.pid,
      window: [before.now, after.now],
    };
  } finally {
    stream?.close();
    await server.stop();
  }
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * Every scenario once per round, the order reversed every other round so no scenario always runs
 * on a cooler or warmer machine. Each round's figures are divided by that round's baseline.
 */
export async function benchThroughput({ rounds, connections, seconds, warmupSeconds, only, log }) {
  const needed = new Set(only?.flatMap((id) => [id, scenarios.find((s) => s.id === id)?.against]) ?? []);
  const picked = scenarios.filter(({ id }) => !only || id === 'koa' || needed.has(id));
  const perRound = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? picked : [...picked].reverse();
    const figures = {};
    for (const scenario of order) {
      figures[scenario.id] = await measure(scenario, { connections, seconds, warmupSeconds });
      const { rps, cpuPerRequest } = figures[scenario.id];
      log(`round ${round + 1}/${rounds} ${scenario.id}: ${Math.round(rps)} req/s, ${cpuPerRequest.toFixed(0)} µs CPU/request`);
    }
    perRound.push(figures);
  }

  const results = {};
  for (const { id } of picked) {
    const of = (key) => perRound.map((figures) => figures[id][key]);
    const ratioOf = (key, baseline = 'koa') => perRound.map((figures) => figures[id][key] / figures[baseline][key]);
    const against = picked.find((scenario) => scenario.id === id).against;
    results[id] = {
      rps: median(of('rps')),
      p50: median(of('p50')),
      p99: median(of('p99')),
      cpuPerRequest: median(of('cpuPerRequest')),
      rpsRatio: median(ratioOf('rps')),
      /** Against its own baseline (same-work for a lane, inspector off for inspector on), round by round. */
      ratio: against ? median(ratioOf('rps', against)) : undefined,
      against,
      cpuRatio: median(ratioOf('cpuPerRequest')),
      rounds: perRound.map((figures) => figures[id]),
    };
  }
  return results;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
