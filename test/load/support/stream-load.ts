// Inspector streams under attack: raw streams by the hundred (that read, or never read), the normal learners
// who keep theirs open throughout and click now and then, and the figures an attack is judged by.
import { connect, type Socket } from 'node:net';
import { openEventStream, type EventStream } from '../../support/http.js';
import { like, likeLanes } from '../../support/lanes.js';
import { newVisitor, type Visitor } from '../../support/server.js';
import { requestBytes } from './raw-socket.js';

export interface RawStream {
  socket: Socket;
  /** The answer's status (0 if the connection closed before one came). */
  status: Promise<number>;
  /** Whether the server has not closed it yet. */
  isOpen(): boolean;
}

/**
 * A stream on a socket of its own. `read: false` takes the answer's first bytes, then never reads again:
 * what the server writes piles up in the kernel's buffers, then in the server's.
 */
export function openRawStream(baseUrl: string, path: string, cookie: string, { read = true } = {}): RawStream {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let open = true;
  socket.on('error', () => {});
  socket.once('close', () => {
    open = false;
  });
  const status = new Promise<number>((resolve) => {
    socket.once('data', (chunk: Buffer) => {
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1] ?? 0));
      if (!read) socket.pause();
    });
    socket.once('close', () => resolve(0));
  });
  if (read) socket.on('data', () => {});
  socket.write(requestBytes('GET', path, { Cookie: cookie, Connection: 'keep-alive' }));
  return { socket, status, isOpen: () => open };
}

/** A made-up visitor cookie (its shape is all the server checks), different for each `n`. */
export const madeUp = (n: number, tag = 'x') => `hxd_visitor=${tag}${String(n).padStart(21, 'x')}`;

export interface Learner {
  visitor: Visitor;
  stream: EventStream;
}

/** Normal learners: a page each, and its inspector stream open (by default, lesson 1's). */
export async function joinLearners(baseUrl: string, count: number, streamPath = '/_inspector/stream?lesson=like'): Promise<Learner[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const visitor = await newVisitor(baseUrl);
      const stream = await openEventStream(`${baseUrl}${streamPath}`, { Cookie: visitor.cookie });
      return { visitor, stream };
    }),
  );
}

/** Whether a learner's stream is still open: it has not ended within a moment. */
export async function streamOpen(stream: EventStream): Promise<boolean> {
  return Promise.race([stream.ended.then(() => false), new Promise<boolean>((resolve) => setTimeout(resolve, 50, true))]);
}

export interface Clicks {
  /** Stops clicking; each click's time from sending to its exchange arriving in the learner's own stream, in ms. */
  stop(): Promise<{ p50: number; max: number; count: number; missing: number }>;
}

/**
 * One learner clicks (by default the like button) every `everyMs` while an attack runs, and times each click
 * to its inspector event.
 */
export function keepClicking(learner: Learner, everyMs = 100, click = (visitor: Visitor) => like(visitor, likeLanes[0]!)): Clicks {
  const times: number[] = [];
  let missing = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await click(learner.visitor);
      const id = res.headers.get('x-inspector-exchange');
      await res.arrayBuffer();
      const event = await learner.stream.waitFor((data) => data.includes(`data-exchange-id="${id}"`), 10_000);
      if (event === null) missing++;
      else times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = times.sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
      return { p50: at(0.5), max: Math.round(sorted.at(-1) ?? 0), count: times.length, missing };
    },
  };
}

/** One line of figures, for the closing note: what the attack left behind and what a learner felt. */
export function reportFigures(attack: string, figures: Record<string, unknown>): void {
  console.log(`FIGURES ${attack}: ${Object.entries(figures).map(([name, value]) => `${name}=${typeof value === 'object' ? JSON.stringify(value) : value}`).join(' ')}`);
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
