// htmx-demo serve: builds the app, listens, prints the banner and a line per request, and shuts down cleanly.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'koa';
import type { DemoApp } from '../app.js';
import { listen } from './listen.js';
import { loadApp } from './load-app.js';
import { loadCsrfSecret, stateDir } from './csrf-secret.js';
import { ignoreClosedOutput, printAppError, printBanner, printNote, printShutdown, requestPrinter } from './log.js';
import type { ServeOptions } from './options.js';
import { readPackageInfo } from './package-info.js';
import { allowedHostsFor, isLoopbackHost, joinUrl, localUrl, networkUrls } from '../kit/address.js';

/** How long open connections (a stuck download, say) may hold up the exit after Ctrl+C. */
export const forceExitMs = 2000;

/** Resolves once the server is listening and its app is built; from then on the process lives until a signal stops it. */
export async function serve(options: ServeOptions): Promise<void> {
  // 1. Listen on the asked-for port, or the next free one, before the app is even loaded: a browser that asks
  //    this early waits a moment for its page (requests are held until step 3) instead of being refused.
  ignoreClosedOutput();
  const server = createServer();
  const held = holdRequests(server);
  // The first answer has compiled what a page needs: that is what the next start finds ready (saved at exit at the latest).
  let saveCodeCache = () => {};
  server.once('request', (_req: IncomingMessage, res: ServerResponse) => res.once('finish', () => setTimeout(() => saveCodeCache(), 200).unref()));
  const port = await listen(server, options);
  server.on('error', (err) => printAppError(err, 'server', options.debug));

  // 2. Stop cleanly on Ctrl+C or a service manager's SIGTERM, then tell the learner where to go; with a LAN host,
  //    the room too (QR code, join page) and the instructor their console. The CSRF secret is the one kept from the
  //    last run, so open tabs carry on; a LAN room gets an instructor key. The banner comes before the app has
  //    loaded: whoever follows it meanwhile is answered the moment it is ready.
  const at = (base: string) => new URL(options.startPath, base).href;
  const learnersBase = joinUrl(options.host, port);
  const instructorKey = isLoopbackHost(options.host) ? undefined : randomBytes(16).toString('base64url');
  const kept = loadCsrfSecret(stateDir(), { fresh: options.fresh });
  let demo: DemoApp | undefined;
  stopOnSignals(server, () => demo);
  const url = at(localUrl(options.host, port));
  const { name, version } = readPackageInfo();
  printBanner({
    name,
    version,
    localUrl: url,
    networkUrls: networkUrls(options.host, port)?.map(at),
    exposeHint: isLoopbackHost(options.host),
    portNote: options.port !== 0 && port !== options.port ? `Port ${options.port} is in use, using ${port} instead.` : undefined,
    latencyMs: options.latencyMs,
    joinUrl: learnersBase && at(learnersBase),
    joinQr: learnersBase ? (await import('./qr.js')).terminalQr(at(learnersBase)) : undefined,
    joinPageUrl: learnersBase && new URL('/join', localUrl(options.host, port)).href,
    instructorUrl: instructorKey && new URL(`/present?key=${instructorKey}`, learnersBase ?? localUrl(options.host, port)).href,
    secretNote: kept.problem && `Note: ${kept.problem}; open tabs will need a reload after a restart.`,
  });

  // 3. Build the app (Koa, the lessons, the views: most of the start-up time); its request log and errors go to the
  //    terminal. Then the requests held meanwhile are answered.
  try {
    const loaded = await loadApp(stateDir());
    const { createApp, isClientGone } = loaded.app;
    saveCodeCache = loaded.saveCodeCache;
    process.once('exit', saveCodeCache);
    demo = createApp({
      lang: options.lang,
      latencyMs: options.latencyMs,
      onRequest: requestPrinter(options.log),
      csrfSecret: kept.secret,
      instructorKey,
      joinUrl: learnersBase && at(learnersBase),
      allowedHosts: allowedHostsFor(options.host, options.allowedHosts),
    });
    demo.app.on('error', (err: unknown, ctx?: Context) => {
      if (isClientGone(err) && !options.debug) return; // a closed tab is not the server's error
      printAppError(err, ctx ? `${ctx.method} ${ctx.originalUrl}` : '', options.debug);
    });
  } catch (err) {
    server.close();
    server.closeAllConnections();
    throw err;
  }
  held.release(demo.app.callback());

  // 4. Open the browser if asked (node:child_process loads only then); a failure is only a note.
  if (options.open) {
    const { openBrowser } = await import('./open-browser.js');
    openBrowser(url, (reason) => printNote(`Could not open a browser (${reason}); open ${url} yourself.`));
  }
}

/** Requests that come before the app is ready wait for it (their bodies stay unread until then). */
function holdRequests(server: Server): { release(handler: RequestListener): void } {
  let handler: RequestListener | undefined;
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  server.on('request', (req, res) => (handler ? handler(req, res) : waiting.push([req, res])));
  return {
    release(ready) {
      handler = ready;
      for (const [req, res] of waiting.splice(0)) ready(req, res);
    },
  };
}

/** `demo` is undefined until the app has loaded: a signal before then has no event streams to end. */
function stopOnSignals(server: Server, demo: () => DemoApp | undefined): void {
  let stopping = false;
  // Browsers keep connections alive. Once stopping, every response still to be sent says
  // "Connection: close", so each connection ends after its answer has gone out, not at the force timer.
  const unsent = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    unsent.add(res);
    res.once('close', () => unsent.delete(res));
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C means now: exit with the shell's code for death by that signal.
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    stopping = true;
    printShutdown();
    server.close(() => process.exit(0)); // stop accepting; exit once the last connection is gone
    for (const res of unsent) if (!res.headersSent) res.setHeader('Connection', 'close');
    demo()?.close(); // ends the inspector's event streams (they answer with Connection: close)
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, forceExitMs).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
