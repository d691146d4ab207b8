// What every hostile test file starts from: the real app, a visitor with a session, the app's whole surface,
// a raw sender, and a fingerprint of every lesson's state (to prove a refused request changed nothing). Normal
// learners are in the room throughout, their inspector streams open, one of them searching now and then.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { expect } from 'vitest';
import { isClientGone } from '../../../src/kit/errors.js';
import { defaultLimits } from '../../../src/workshop/inspector/store.js';
import { rawRequest } from '../../support/http.js';
import { newVisitor, startServer, type TestServer, type Visitor } from '../../support/server.js';
import { requestBytes, sendRaw, type SendOptions, type SocketAnswer } from './raw-socket.js';
import { readSurface, type Surface } from './routes.js';
import { joinLearners, keepClicking, mb, reportFigures, streamOpen } from './stream-load.js';

export interface HostileSetup {
  server: TestServer;
  visitor: Visitor;
  surface: Surface;
  /** The visitor's cookie and token: hostile requests get past the CSRF check and reach the code behind it. */
  session(): Record<string, string>;
  send(method: string, path: string, headers: Record<string, string>, body?: string, options?: SendOptions): Promise<SocketAnswer>;
  /** Every lesson page (status and HTML) as this visitor sees it, minus the inspector's lists and where its stream starts (which follow every request). */
  fingerprint(): Promise<string[]>;
  /** Faults the server reported (a 5xx or a crash caught by Koa) since the last call; hang-ups do not count. */
  takeFaults(): unknown[];
  /** The server still answers a normal request for a file and for a page. */
  stillAnswers(): Promise<void>;
  /**
   * After the last test: the learners still have their streams and saw their own searches; prints the figures
   * (RSS, the event loop's delay and a learner's search to its inspector event over the whole file, the store
   * against its cap); closes the server.
   */
  finish(name: string): Promise<void>;
}

export async function hostileSetup(): Promise<HostileSetup> {
  const server = await startServer();
  const faults: unknown[] = [];
  server.demo.app.on('error', (err: unknown) => {
    if (!isClientGone(err)) faults.push(err);
  });
  const visitor = await newVisitor(server.url);
  const session = () => ({ Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken });
  const send: HostileSetup['send'] = (method, path, headers, body = '', options) =>
    sendRaw(server.url, requestBytes(method, path, headers, body), options);
  const surface = await readSurface(server.demo, server.url, session());
  const learners = await joinLearners(server.url, 3, '/_inspector/stream');
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const searching = keepClicking(learners[0]!, 200, (visitor) => visitor.fetch('/api/search?q=a'));
  const page = async (path: string) => {
    const res = await rawRequest(server.url, path, { headers: { Cookie: visitor.cookie } });
    return `${res.status} ${res.text}`;
  };
  return {
    server,
    visitor,
    surface,
    session,
    send,
    fingerprint: () =>
      Promise.all(
        surface.lessonIds.map(async (id) =>
          (await page(`/lessons/${id}`)).replace(/(<ol [^>]*id="wire-[^"]*"[^>]*>)[\s\S]*?<\/ol>/g, '$1</ol>').replace(/(data-inspector-stream="[^"]*after=)\d+/, '$1'),
        ),
      ),
    takeFaults: () => faults.splice(0),
    async stillAnswers() {
      const file = surface.files[0]!.path;
      const [asset, lesson] = await Promise.all([rawRequest(server.url, file), rawRequest(server.url, '/', { headers: { Cookie: visitor.cookie } })]);
      if (asset.status !== 200 || lesson.status !== 200) throw new Error(`after that, ${file} answered ${asset.status} and / answered ${lesson.status}`);
    },
    async finish(name) {
      const felt = await searching.stop();
      loopDelay.disable();
      const open = await Promise.all(learners.map((learner) => streamOpen(learner.stream)));
      learners.forEach((learner) => learner.stream.close());
      globalThis.gc?.();
      reportFigures(name, {
        rssMB: mb(process.memoryUsage().rss),
        loopDelayMs: { p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) },
        learnerSearchMs: felt,
        storeMB: mb(server.demo.inspector.store.bytes),
        storeCapMB: mb(defaultLimits.maxBytes),
      });
      await server.close();
      expect(open, 'learners whose streams are still open').toEqual(learners.map(() => true));
      expect(felt.missing, 'learner searches that never reached their inspector').toBe(0);
      expect(server.demo.inspector.store.bytes).toBeLessThanOrEqual(defaultLimits.maxBytes);
    },
  };
}

/** Headers for a body of `body`'s length, over `base`. */
export function withBody(base: Record<string, string>, type: string, body: string): Record<string, string> {
  return { ...base, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) };
}
