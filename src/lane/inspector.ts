// The wire inspector: records each lane exchange per visitor and streams it to that visitor's page (SSE).
// Each event is one rendered <li>; the page's inspector.js puts it at the top of its lane's list.
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { Context, Middleware } from 'koa';
import { csrfHeader } from '../server/visitor.js';
import { renderView } from '../server/views.js';
import { type Exchange, ExchangeStore, type StoreLimits } from './exchange-store.js';
import type { MountedLanes } from './mount.js';
import type { Lesson } from './types.js';

/** The request headers worth teaching; everything else is noise for this lesson. */
const shownRequestHeaders = [
  'HX-Request', 'HX-Source', 'HX-Target', 'HX-Current-URL', 'HX-Request-Type',
  'HX-Trigger', 'HX-Trigger-Name', // htmx 2's names, sent only by the lesson that runs it
  'Accept', 'Content-Type', 'X-CSRF-Token',
];

/** Each with the lower-case key Node files it under. */
const shownRequestHeaderKeys = shownRequestHeaders.map((name) => [name, name.toLowerCase()] as const);

/** Response headers that steer the client: htmx's HX-* instructions, caching by HX-Request, redirects. */
const shownResponseHeader = /^(hx-.*|vary|location)$/;

/** Lets the browser side of the inspector tie its own timings to this exchange. */
export const exchangeIdHeader = 'X-Inspector-Exchange';
const exchangeIdName = exchangeIdHeader.toLowerCase();

/**
 * How much of a response body an exchange keeps to show. A lane that answers the whole page (a fragment
 * URL opened in the address bar) would otherwise carry the page, with its own inspector list inside, into
 * the next page it shows: every such answer would double the next one.
 */
export const shownBodyChars = 8 * 1024;

const keepAliveMs = 20_000;
const maxOpenStreams = 1000;

export interface Inspector {
  store: ExchangeStore;
  /** Outermost lane middleware: tags ctx.state with the lane, and records the exchange. */
  capture: Middleware;
  /** GET handler for the visitor's event stream. */
  stream: Middleware;
  /** Renders one exchange as the list item the page shows. */
  renderExchange(ctx: Context, exchange: Exchange): string;
  /** Streams open right now: what the load tests watch to prove closed tabs are let go. */
  readonly openStreamCount: number;
  /** Ends every open stream (server shutdown). */
  close(): void;
}

export function createInspector(lanes: MountedLanes, limits: Partial<StoreLimits> = {}): Inspector {
  const store = new ExchangeStore(limits);
  const openStreams = new Set<ServerResponse>();
  const sweeper = setInterval(() => store.sweep(), 60_000).unref();
  const renderExchange = (ctx: Context, exchange: Exchange) => renderView(ctx, 'exchange', { exchange });

  const capture: Middleware = async (ctx, next) => {
    const route = lanes.match(ctx);
    if (!route) return next();
    ctx.state.lane = route.lane;
    const id = store.nextId();
    ctx.set(exchangeIdHeader, String(id));
    const started = performance.now();
    await next();
    // A body refused by its declared size is turned away before the visitor is known: nobody to show it to.
    // A lane's frame page is the lane's page loading, not an exchange of its demo.
    if (!ctx.state.visitorId || ctx.state.framePage) return;
    try {
      const serverMs = performance.now() - started;
      const exchange = ctx.writable
        ? describeExchange(ctx, id, route.lesson, route.lane, serverMs)
        : describeHangUp(ctx, id, route.lesson, route.lane, serverMs);
      store.add(ctx.state.visitorId, exchange);
    } catch (err) {
      ctx.app.emit('error', err, ctx); // the inspector must never break the lesson it watches
    }
  };

  // The stream writes to the socket itself (ctx.respond = false): koa's stream piping would report
  // every closed tab as an error.
  const stream: Middleware = async (ctx) => {
    const { res } = ctx;
    // Events of one event-loop turn go out in one write (a busy lane would otherwise cost a syscall
    // per exchange). A stream ended by close() emits 'close' a moment later: no write may land between.
    let pending = '';
    const write = (text: string) => {
      if (!res.writableEnded) res.write(text);
    };
    const flush = () => {
      write(pending);
      pending = '';
    };
    const send = (exchange: Exchange) => {
      if (!pending) setImmediate(flush);
      pending += toEvent(renderExchange(ctx, exchange));
    };
    const unsubscribe = store.subscribe(ctx.state.visitorId, send);
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs).unref();
    res.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      openStreams.delete(res);
    });
    openStreams.add(res);
    if (openStreams.size > maxOpenStreams) openStreams.values().next().value?.end();

    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.status = 200;
    ctx.type = 'text/event-stream';
    // A stream owns its connection: when it ends (server shutdown), the connection ends with it.
    ctx.set({ 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no', Connection: 'close' });
    ctx.respond = false;
    res.flushHeaders();
    res.write(': connected\n\n');
  };

  return {
    store,
    capture,
    stream,
    renderExchange,
    get openStreamCount() {
      return openStreams.size;
    },
    close() {
      clearInterval(sweeper);
      for (const res of openStreams) res.end();
    },
  };
}

function describeExchange(ctx: Context, id: number, lesson: Lesson, lane: Exchange['lane'], serverMs: number): Exchange {
  const { text, pretty: sent } = serializeBody(ctx.body);
  const pretty = hideToken(sent, ctx.state.csrfToken);
  const shown = pretty.length > shownBodyChars ? pretty.slice(0, shownBodyChars) : pretty;
  const responseHeaders: Array<[string, string]> = [];
  for (const name of ctx.res.getHeaderNames()) {
    if (shownResponseHeader.test(name) && name !== exchangeIdName) responseHeaders.push([name, String(ctx.res.getHeader(name))]);
  }
  const fields = {
    id,
    lessonId: lesson.id,
    lane,
    ...describeRequest(ctx, lesson),
    status: ctx.status,
    responseHeaders,
    responseType: ctx.response.get('Content-Type') || '',
    responseBody: shown,
    responseBodyCut: shown === pretty ? undefined : Buffer.byteLength(pretty) - Buffer.byteLength(shown),
    bytes: Buffer.byteLength(text),
    serverMs: Math.round(serverMs * 10) / 10,
  };
  return new RecordedExchange(fields, text);
}

/** A request whose connection closed before any answer (the client hung up, or the server cut it): no response. */
function describeHangUp(ctx: Context, id: number, lesson: Lesson, lane: Exchange['lane'], serverMs: number): Exchange {
  const fields = {
    id,
    lessonId: lesson.id,
    lane,
    ...describeRequest(ctx, lesson),
    status: 0,
    aborted: true,
    responseHeaders: [],
    responseType: '',
    responseBody: '',
    bytes: 0,
    serverMs: Math.round(serverMs * 10) / 10,
  };
  return new RecordedExchange(fields, '');
}

function describeRequest(ctx: Context, lesson: Lesson): Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'> {
  const requestHeaders: Array<[string, string]> = [];
  const lessonHeaders = (lesson.wireHeaders ?? []).map((name) => [name, name.toLowerCase()] as const);
  for (const [name, key] of [...shownRequestHeaderKeys, ...lessonHeaders]) {
    const value = ctx.req.headers[key];
    if (value) requestHeaders.push([name, key === csrfHeaderKey ? shortToken(String(value)) : String(value)]);
  }
  return {
    method: ctx.method,
    url: ctx.originalUrl,
    requestHeaders,
    requestBody: typeof ctx.request.rawBody === 'string' ? hideToken(hidePasswords(ctx.request.rawBody), ctx.state.csrfToken) : '',
  };
}

// The inspector is often on a projector: secrets are shown only in part. A password is all dots. A CSRF token
// keeps its first characters: enough to see that it was sent, and that both lanes send the same one, not
// enough for anyone in the room to forge a request from the presenter's browser.

/** What a password field's value shows as. */
export const hiddenPassword = '••••••';

const csrfHeaderKey = csrfHeader.toLowerCase();

/** A CSRF token as shown: its first six characters and an ellipsis. */
export function shortToken(token: string): string {
  return token.length > 6 ? `${token.slice(0, 6)}…` : token;
}

/** The visitor's token, wherever it appears (a form's hidden field, a whole page's meta tag), shown short. */
function hideToken(text: string, token: string | undefined): string {
  return token && text.includes(token) ? text.replaceAll(token, shortToken(token)) : text;
}

/** A password's value, in a form-encoded or a JSON body, is replaced for display; the rest is shown as sent. */
function hidePasswords(body: string): string {
  return body
    .replace(/(^|&)(password=)[^&]*/g, `$1$2${hiddenPassword}`)
    .replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${hiddenPassword}"`);
}

const require = createRequire(import.meta.url);

/** node:zlib is loaded with the first exchange measured, not with the server: the first page needs none. */
function gzipBytesOf(text: string): number {
  return (require('node:zlib') as typeof import('node:zlib')).gzipSync(text).length;
}

/**
 * An exchange as recorded. Its gzip size is worked out only when the exchange is shown: compressing
 * costs more than all the rest of recording, and most recorded exchanges are never looked at. A body
 * too long to show in full is measured at once instead, so no exchange holds more than it shows.
 */
class RecordedExchange implements Exchange {
  #wire: string | undefined;
  #gzipBytes: number | undefined;

  constructor(fields: Omit<Exchange, 'gzipBytes'>, wire: string) {
    Object.assign(this, fields);
    if (wire.length > shownBodyChars) this.#gzipBytes = gzipBytesOf(wire);
    else this.#wire = wire;
  }

  get gzipBytes(): number {
    return (this.#gzipBytes ??= this.#wire ? gzipBytesOf(this.#wire) : 0);
  }
}

// The fields Object.assign sets, declared for the type checker.
interface RecordedExchange extends Omit<Exchange, 'gzipBytes'> {}

/** What goes on the wire (as koa will send it) and what the page shows (JSON indented). */
function serializeBody(body: unknown): { text: string; pretty: string } {
  if (body == null) return { text: '', pretty: '' };
  if (typeof body === 'string') return { text: body, pretty: body };
  if (Buffer.isBuffer(body)) return { text: body.toString('utf8'), pretty: body.toString('utf8') };
  if (typeof body === 'object' && !('pipe' in body)) return { text: JSON.stringify(body), pretty: JSON.stringify(body, null, 2) };
  return { text: '', pretty: '(stream)' };
}

/** One SSE message: every line of the payload gets its own `data:` field. */
function toEvent(html: string): string {
  return `data: ${html.replace(/\r\n|\r|\n/g, '\ndata: ')}\n\n`;
}
