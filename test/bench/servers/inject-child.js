// Breakdown child: one throughput scenario's requests handed straight to the app (test/bench/inject.js), under
// `node --cpu-prof`. Reports { perRequest, requests, window } (window: the measured part, on the profile's clock).
import Koa from 'koa';
import { createApp } from '../../../src/app.js';
import { cpuPerRequest, inject, visitorSession } from '../inject.js';
import { likeRequests, scenarios } from '../throughput.js';

const scenario = scenarios.find(({ id }) => id === process.argv[2]);
const count = Number(process.argv[3] ?? 20_000);
const now = () => Number(process.hrtime.bigint() / 1000n);

let handler;
let session = { Cookie: 'hxd_visitor=AAAAAAAAAAAAAAAAAAAAAA', 'X-CSRF-Token': 'A'.repeat(43) };
let demo;
if (scenario.baseline) {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = 'ok';
  });
  handler = app.callback();
} else {
  demo = createApp();
  handler = demo.app.callback();
  session = await visitorSession(handler);
  // An open tab: its stream never ends, every exchange is rendered and written to it.
  if (scenario.stream) void inject(handler, { path: '/_inspector/stream', headers: { ...session, Accept: 'text/event-stream' } });
}
const { method, path, headers } = likeRequests[scenario.request];
const request = { method, path, headers: { ...headers, ...session } };

await cpuPerRequest(handler, request, { count: count / 4 }); // warm-up: compiled templates, optimised code
const from = now();
const perRequest = await cpuPerRequest(handler, request, { count });
const to = now();
demo?.close();
process.send({ perRequest, requests: count, window: [from, to] }, () => process.exit(0));
