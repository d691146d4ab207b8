// Faults: clients that hang up mid-request or mid-stream, and SIGTERM in the middle of a burst of likes.
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isClientGone } from '../../src/kit/errors.js';
import { killAll, startServe } from '../cli/spawn-cli.js';
import { rawRequest } from '../support/http.js';
import { like, likeLanes, pageCounts } from '../support/lanes.js';
import { newVisitor, startServer, type TestServer } from '../support/server.js';
import { settle } from './support/settle.js';

let server: TestServer;
let visitor: { cookie: string; csrfToken: string };
const appErrors: unknown[] = [];
beforeAll(async () => {
  server = await startServer();
  server.demo.app.on('error', (err: unknown) => appErrors.push(err));
  // These tests count the server's connections, so their own requests close theirs (no keep-alive).
  const page = await rawRequest(server.url, '/');
  visitor = {
    cookie: (page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '),
    csrfToken: /<meta name="csrf-token" content="([^"]+)">/.exec(page.text)![1]!,
  };
});
afterAll(() => server.close());

function openSocket(): Promise<Socket> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket)).on('error', reject);
  });
}

const openConnections = () => new Promise<number>((resolve) => server.server.getConnections((_, count) => resolve(count)));

const countsNow = async () => pageCounts((await rawRequest(server.url, '/', { headers: { Cookie: visitor.cookie } })).text);
const likeNow = () =>
  rawRequest(server.url, '/api/like', { method: 'POST', headers: { Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken } });

/** What a visitor would notice: the page still loads and a like still counts. */
async function expectServerStillWorks(): Promise<void> {
  const before = await countsNow();
  expect((await likeNow()).status).toBe(200);
  expect((await countsNow()).json).toBe(before.json + 1);
}

/** A client hanging up is reported (the CLI prints it with --debug); anything else would be a server fault. */
const serverFaults = () => appErrors.filter((err) => !isClientGone(err));

describe('a client that hangs up', () => {
  it('mid-request (headers and half the body sent): no like is counted, nothing leaks, the server goes on', async () => {
    const before = await countsNow();
    for (const [path, type] of [['/api/like', 'application/json'], ['/like/', 'application/x-www-form-urlencoded'], ['/lessons/like/reset', 'text/plain']]) {
      const socket = await openSocket();
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${visitor.cookie}\r\nX-CSRF-Token: ${visitor.csrfToken}\r\n` +
          `Content-Type: ${type}\r\nContent-Length: 2000\r\n\r\n${'a'.repeat(1000)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50)); // the server is now waiting for the rest
      socket.destroy();
    }
    expect(await settle(openConnections, 0)).toBe(0);
    expect(await countsNow()).toEqual(before);
    await expectServerStillWorks();
    expect(serverFaults()).toEqual([]);
  });

  it('mid-stream, while events are being written to it: the stream is let go, the server goes on', async () => {
    const socket = await openSocket();
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => { received += chunk; });
    socket.write(`GET /_inspector/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${visitor.cookie}\r\nAccept: text/event-stream\r\n\r\n`);
    await settle(() => received.includes(': connected'), true);
    expect(server.demo.inspector.openStreamCount).toBe(1);

    // Likes keep coming while the tab goes away in the middle of them.
    const likes = Array.from({ length: 40 }, likeNow);
    await settle(() => received.includes('data: <li'), true);
    socket.destroy();
    for (const res of await Promise.all(likes)) expect(res.status).toBe(200);

    expect(await settle(() => server.demo.inspector.openStreamCount, 0)).toBe(0);
    expect(await settle(openConnections, 0)).toBe(0);
    await expectServerStillWorks();
    expect(serverFaults()).toEqual([]);
  });
});

describe('shutdown', () => {
  it('an exchange recorded in the instant the streams are ended (before they close) does not crash the server', async () => {
    const own = await startServer();
    try {
      const watcher = await newVisitor(own.url);
      const stream = await fetch(`${own.url}/_inspector/stream`, { headers: { Cookie: watcher.cookie } });
      await stream.body!.getReader().read(); // ': connected'
      const visitorId = /hxd_visitor=([^;]+)/.exec(watcher.cookie)![1]!;
      const crashes: unknown[] = [];
      const onCrash = (err: unknown) => crashes.push(err);
      process.on('uncaughtException', onCrash);
      own.demo.close(); // ends every stream; each emits 'close' only a moment later
      own.demo.inspector.store.add(visitorId, {
        id: 0, lessonId: 'like', lane: 'json', method: 'POST', url: '/api/like', status: 200, requestHeaders: [], responseHeaders: [],
        requestBody: '', responseType: 'application/json', responseBody: '{}', bytes: 2, gzipBytes: 22, serverMs: 1,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      process.off('uncaughtException', onCrash);
      expect(crashes).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('SIGTERM during a burst of likes (the real CLI, --latency 1000)', () => {
  afterEach(killAll);

  it('answers every like already in flight in full, then exits 0 within 2.5 s', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0', '--latency', '1000']);
    const burstVisitor = await newVisitor(baseUrl);
    const streamCookie = { Cookie: burstVisitor.cookie };
    const stream = await fetch(`${baseUrl}/_inspector/stream`, { headers: streamCookie }); // an open tab
    const burst = Array.from({ length: 20 }, async (_, i) => {
      const lane = likeLanes[i % 2]!;
      const res = await like(burstVisitor, lane);
      return { status: res.status, count: await lane.countIn(res) };
    });
    await new Promise((resolve) => setTimeout(resolve, 600)); // every like is now held inside the server, even on a busy machine

    const signalled = performance.now();
    cli.child.kill('SIGTERM');
    const answers = await Promise.all(burst);
    const exit = await cli.exited;
    const elapsed = performance.now() - signalled;
    console.log(`SIGTERM: exited ${Math.round(elapsed)} ms after the signal`);

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    for (const laneId of ['json', 'htmx']) {
      const counts = answers.filter((_, i) => likeLanes[i % 2]!.id === laneId).map((a) => a.count).sort((a, b) => a - b);
      expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    expect(exit).toEqual({ code: 0, signal: null });
    expect(elapsed).toBeLessThan(2500);
    expect(cli.stderr()).toBe('');
    await stream.body?.cancel().catch(() => {});
    await expect(rawRequest(baseUrl, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
