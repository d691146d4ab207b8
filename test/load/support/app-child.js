// Load-test child: the real app (from src/, through tsx) in a process of its own, so the memory it reports is the server's.
// Takes createApp's options as JSON in its first argument. Answers its parent over IPC: { port } once listening,
// then each { id, ask } with { id, answer }.
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../../src/app.js';

const demo = createApp(JSON.parse(process.argv[2] ?? '{}'));
const errors = [];
demo.app.on('error', (err) => errors.push(String(err?.stack ?? err)));
const server = createServer(demo.app.callback());
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const ms = (ns) => Math.round(ns / 1e5) / 10;
const answers = {
  /** After a full collection (the child runs with --expose-gc), so garbage does not count. */
  memory: () => {
    globalThis.gc();
    return process.memoryUsage();
  },
  streams: () => demo.inspector.openStreamCount,
  store: () => ({ bytes: demo.inspector.store.bytes, visitors: demo.inspector.store.visitorCount }),
  /** How long the event loop was held up since the last ask (p99 and max, in ms): what every visitor waits on top. */
  loopDelay: () => {
    const figures = { p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) };
    loopDelay.reset();
    return figures;
  },
  learners: () => demo.room.learnerCount(),
  /** CPU time the server has used so far, user + system, in ms: unlike a wall-clock time, other processes do not add to it. */
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  errors: () => errors,
};

process.on('message', ({ id, ask }) => process.send({ id, answer: answers[ask]() }));
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
