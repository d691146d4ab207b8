// One lane exchange as the inspector records it: what was asked and answered, measured, with secrets hidden.
import { createRequire } from 'node:module';
import type { Context } from 'koa';
import type { TrafficOwner } from '../../kit/types.js';
import { firstChars } from '../../kit/text.js';
import { csrfHeader } from '../../kit/visitor.js';
import { hidePasswords, hideToken, shortToken } from './masking.js';
import type { Exchange, HangUp } from './store.js';

export type { HangUp } from './store.js';

/** The request headers worth teaching; everything else is noise for this lesson. */
const shownRequestHeaders = [
  'HX-Request', 'HX-Source', 'HX-Target', 'HX-Current-URL', 'HX-Request-Type',
  'HX-Trigger', 'HX-Trigger-Name', // htmx 2's names, sent only in the lesson that runs it
  'Accept', 'Content-Type', csrfHeader,
];

/** Each with the lower-case key Node files it under. */
const shownRequestHeaderKeys = shownRequestHeaders.map((name) => [name, name.toLowerCase()] as const);

/** Response headers that steer the client: htmx's HX-* instructions, caching by HX-Request, redirects. */
const shownResponseHeader = /^(hx-.*|vary|location)$/;

/** Lets the browser side of the inspector tie its own timings to this exchange. */
export const exchangeIdHeader = 'X-Inspector-Exchange';
export const exchangeIdName = exchangeIdHeader.toLowerCase();

/**
 * How much of a response body an exchange keeps to show. A lane that answers the whole page (a fragment
 * URL opened in the address bar) would otherwise carry the page, with its own inspector list inside, into
 * the next page it shows: every such answer would double the next one.
 */
export const shownBodyChars = 8 * 1024;

const csrfHeaderKey = csrfHeader.toLowerCase();
const noWireHeaders: string[] = [];

/** `wireHeaders`: request headers the lesson shows besides the usual ones (Lesson.wireHeaders). */
export function describeExchange(ctx: Context, id: number, lessonId: string, lane: TrafficOwner, serverMs: number, wireHeaders = noWireHeaders): Exchange {
  const { text, pretty: sent } = serializeBody(ctx.body);
  const pretty = hideToken(sent, ctx.state.csrfToken);
  const shown = firstChars(pretty, shownBodyChars);
  const responseHeaders: Array<[string, string]> = [];
  for (const name of ctx.res.getHeaderNames()) {
    if (shownResponseHeader.test(name) && name !== exchangeIdName) responseHeaders.push([name, String(ctx.res.getHeader(name))]);
  }
  const fields = {
    id,
    lessonId,
    lane,
    ...describeRequest(ctx, wireHeaders),
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

/** A request whose connection closed before any answer: no response; `hangUp` says who closed it. */
export function describeHangUp(
  ctx: Context, id: number, lessonId: string, lane: TrafficOwner, serverMs: number, hangUp: HangUp, wireHeaders = noWireHeaders,
): Exchange {
  const fields = {
    id,
    lessonId,
    lane,
    ...describeRequest(ctx, wireHeaders),
    status: 0,
    aborted: true,
    hangUp,
    responseHeaders: [],
    responseType: '',
    responseBody: '',
    bytes: 0,
    serverMs: Math.round(serverMs * 10) / 10,
  };
  return new RecordedExchange(fields, '');
}

function describeRequest(ctx: Context, wireHeaders: string[]): Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'> {
  const requestHeaders: Array<[string, string]> = [];
  for (const [name, key] of headerKeysWith(wireHeaders)) {
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

/** The usual headers and a lesson's own, with their keys: worked out once per lesson, not per exchange. */
const headerKeysWithLessons = new WeakMap<string[], ReadonlyArray<readonly [string, string]>>();
function headerKeysWith(wireHeaders: string[]): ReadonlyArray<readonly [string, string]> {
  let keys = headerKeysWithLessons.get(wireHeaders);
  if (!keys) headerKeysWithLessons.set(wireHeaders, (keys = [...shownRequestHeaderKeys, ...wireHeaders.map((name) => [name, name.toLowerCase()] as const)]));
  return keys;
}

const require = createRequire(import.meta.url);

/**
 * node:zlib is loaded with the first exchange measured, not with the server: the first page needs none. The output
 * buffer is sized to the body (zlib writes the same bytes into any size of buffer): under 4 KB it comes from Node's
 * shared pool instead of a fresh 16 KB allocation each time, which would set off a garbage collection every few
 * hundred exchanges of a watched lane.
 */
function gzipBytesOf(text: string): number {
  const bytes = Buffer.from(text);
  const chunkSize = Math.min(pooledBytes, Math.max(minChunkBytes, bytes.length + gzipOverheadBytes));
  zlib ??= require('node:zlib') as typeof import('node:zlib');
  return zlib.gzipSync(bytes, { chunkSize }).length;
}
let zlib: typeof import('node:zlib') | undefined;

/** What Buffer.allocUnsafe still takes from the shared pool; zlib's smallest chunk; gzip's header and trailer with room to spare. */
const pooledBytes = Buffer.poolSize / 2 - 1;
const minChunkBytes = 64;
const gzipOverheadBytes = 64;

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

