// One lane exchange as the inspector records it: what was asked and answered, measured, with secrets hidden.
import { createRequire } from 'node:module';
import type { Context } from 'koa';
import type { TrafficOwner } from '../../kit/types.js';
import { firstChars } from '../../kit/text.js';
import { csrfHeader } from '../../kit/visitor.js';
import { hidePasswords, hideToken, shortToken } from './masking.js';
import { type Exchange, type HangUp, headerChars } from './store.js';

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
const isShownResponseHeader = (name: string) => name.startsWith('hx-') || name === 'vary' || name === 'location';

/** Lets the browser side of the inspector tie its own timings to this exchange. */
export const exchangeIdHeader = 'X-Inspector-Exchange';

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
  const responseHeaders: Array<[string, string]> = [];
  for (const name of ctx.res.getHeaderNames()) {
    if (isShownResponseHeader(name)) responseHeaders.push([name, String(ctx.res.getHeader(name))]);
  }
  // Read from Node's request and response rather than through Koa's getters: this runs for every lane request.
  return new RecordedExchange({
    id,
    lessonId,
    lane,
    method: ctx.req.method!,
    url: ctx.originalUrl,
    requestHeaders: requestHeadersOf(ctx, wireHeaders),
    status: ctx.res.statusCode,
    responseHeaders,
    responseType: String(ctx.res.getHeader('content-type') ?? ''),
    serverMs: Math.round(serverMs * 10) / 10,
  }, { requestBody: rawBodyOf(ctx), wire: wireText(ctx.body), token: ctx.state.csrfToken });
}

/** A request whose connection closed before any answer: no response; `hangUp` says who closed it. */
export function describeHangUp(
  ctx: Context, id: number, lessonId: string, lane: TrafficOwner, serverMs: number, hangUp: HangUp, wireHeaders = noWireHeaders,
): Exchange {
  return new RecordedExchange({
    id,
    lessonId,
    lane,
    method: ctx.req.method!,
    url: ctx.originalUrl,
    requestHeaders: requestHeadersOf(ctx, wireHeaders),
    status: 0,
    aborted: true,
    hangUp,
    responseHeaders: [],
    responseType: '',
    serverMs: Math.round(serverMs * 10) / 10,
  }, { requestBody: rawBodyOf(ctx), wire: '', token: ctx.state.csrfToken });
}

function requestHeadersOf(ctx: Context, wireHeaders: string[]): Array<[string, string]> {
  const requestHeaders: Array<[string, string]> = [];
  const { headers } = ctx.req;
  for (const [name, key] of headerKeysWith(wireHeaders)) {
    const value = headers[key];
    if (value) requestHeaders.push([name, key === csrfHeaderKey ? shortToken(String(value)) : String(value)]);
  }
  return requestHeaders;
}

const rawBodyOf = (ctx: Context) => (typeof ctx.request.rawBody === 'string' ? ctx.request.rawBody : '');

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

/** What an exchange is shown from: the texts as they went over the wire, and the token to hide in them. */
interface Sent {
  requestBody: string;
  /** The response body as sent (for an object, the JSON Koa sends: see jsonOnce); null for a stream. */
  wire: string | null;
  token: string | undefined;
}

/** What is worked out from Sent when the exchange is first looked at. */
interface Shown {
  requestBody: string;
  responseBody: string;
  responseBodyCut: number | undefined;
  bytes: number;
}

/**
 * An exchange as recorded. Most recorded exchanges are never looked at (nobody watches that lane), so what only
 * the page needs is worked out when it is first read: the bodies as shown (indented JSON, secrets hidden, a long
 * one cut), their sizes, and the gzip size, which costs more than all the rest. What went over the wire is kept
 * as it was, so what is shown later is what was sent. A body too long to show in full is worked out at once
 * instead, so no exchange holds more than it shows.
 */
class RecordedExchange implements Exchange {
  /** What the store counts it as holding (see store.ts sizeOf), known before anything is worked out. */
  readonly keptChars: number;
  #sent: Sent | undefined;
  #shown: Shown | undefined;
  #wire: string | undefined;
  #gzipBytes: number | undefined;

  constructor(fields: Recorded, sent: Sent) {
    this.id = fields.id;
    this.lessonId = fields.lessonId;
    this.lane = fields.lane;
    this.method = fields.method;
    this.url = fields.url;
    this.status = fields.status;
    this.requestHeaders = fields.requestHeaders;
    this.responseHeaders = fields.responseHeaders;
    this.responseType = fields.responseType;
    this.serverMs = fields.serverMs;
    if (fields.aborted) {
      this.aborted = true;
      this.hangUp = fields.hangUp;
    }
    const wire = sent.wire ?? '';
    this.keptChars = this.url.length + this.responseType.length + sent.requestBody.length + Math.min(wire.length, shownBodyChars)
      + headerChars(this.requestHeaders) + headerChars(this.responseHeaders);
    this.#sent = sent;
    if (wire.length > shownBodyChars) {
      this.#gzipBytes = gzipBytesOf(wire);
      this.#show();
    } else {
      this.#wire = wire;
    }
  }

  get requestBody(): string {
    return this.#show().requestBody;
  }
  get responseBody(): string {
    return this.#show().responseBody;
  }
  get responseBodyCut(): number | undefined {
    return this.#show().responseBodyCut;
  }
  get bytes(): number {
    return this.#show().bytes;
  }
  get gzipBytes(): number {
    return (this.#gzipBytes ??= this.#wire ? gzipBytesOf(this.#wire) : 0);
  }

  #show(): Shown {
    if (this.#shown) return this.#shown;
    const { requestBody, wire, token } = this.#sent!;
    const pretty = wire === null ? '(stream)' : hideToken(this.responseType.includes('json') ? indented(wire) : wire, token);
    const shown = firstChars(pretty, shownBodyChars);
    this.#sent = undefined;
    return (this.#shown = {
      requestBody: requestBody && hideToken(hidePasswords(requestBody), token),
      responseBody: shown,
      responseBodyCut: shown === pretty ? undefined : Buffer.byteLength(pretty) - Buffer.byteLength(shown),
      bytes: wire === null ? 0 : Buffer.byteLength(wire),
    });
  }
}

// The fields the constructor sets, declared for the type checker by the interface they come from.
type Recorded = Omit<Exchange, 'requestBody' | 'responseBody' | 'responseBodyCut' | 'bytes' | 'gzipBytes' | 'keptChars'>;
interface RecordedExchange extends Recorded {}

/** JSON as the page shows it, indented; anything that does not parse, as it was. */
function indented(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/**
 * An object body, made JSON here once (as Koa would: JSON.stringify, no spaces) and handed to Koa as that text:
 * the same bytes on the wire, serialized once rather than by the inspector and again by Koa, and recorded as they
 * were even if the object changes later.
 */
export function jsonOnce(ctx: Context): void {
  const body: unknown = ctx.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && !('pipe' in body)) ctx.body = JSON.stringify(body);
}

/** The body as it goes on the wire (after jsonOnce): the text, '' for none, null for a stream (not read here). */
function wireText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return body == null ? '' : null;
}
