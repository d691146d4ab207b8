// The visitor's event stream (SSE): each exchange recorded for that visitor goes out as one rendered <li>,
// with a few open per visitor, a ceiling for all, and no reader able to make the server hold its data.
import type { ServerResponse } from 'node:http';
import type { Context, Middleware } from 'koa';
import { startEventStream } from '../event-stream.js';
import { defaultLimits, type Exchange, type ExchangeStore } from './store.js';

export const streamPath = '/_inspector/stream';

/** Where a page drawn now listens: its lesson's exchanges, from the first one the page does not show. */
export function streamUrl(lessonId: string, shownUpTo: number): string {
  return `${streamPath}?lesson=${encodeURIComponent(lessonId)}&after=${shownUpTo}`;
}

export interface StreamLimits {
  /** Streams one visitor may have open (tabs of one browser); the oldest closes when another opens. */
  streamsPerVisitor: number;
  /** Streams open at once, all visitors together; past it a newcomer is refused (503), nobody is cut off. */
  maxStreams: number;
  /** Data a stream may have waiting to go out; past it nothing more is written until the reader catches up. */
  maxUnsentBytes: number;
  /** A stream left over maxUnsentBytes this long has a reader that stopped reading: it is closed. */
  stalledMs: number;
}

export const defaultStreamLimits: StreamLimits = { streamsPerVisitor: 4, maxStreams: 1000, maxUnsentBytes: 64 * 1024, stalledMs: 2000 };

const keepAliveMs = 20_000;
/**
 * A stream writes at most once in this long. A lone click's exchange goes out at once; a busy lane's go out
 * together, a write per frame of the page's drawing instead of one per exchange (each write is a system call).
 */
const minWriteGapMs = 16;
/** What a refused newcomer's page waits before trying again (its script waits about as long). */
const retryAfterSeconds = 10;

interface OpenStream {
  ctx: Context;
  res: ServerResponse;
  visitorId: string;
  lessonId?: string;
  /** The store's count of the last exchange written (see Exchange.recorded): the event id the browser echoes. */
  sentUpTo: number;
  /** When it went over maxUnsentBytes, while it waits for the reader to drain it. */
  overSince?: number;
  /**
   * Exchanges recorded since its last write, while it keeps up: sent even if the store has let them go
   * meanwhile (a full store trims at once). minWriteGapMs' worth at most; a stream that is behind catches up
   * from the store instead.
   */
  live: Exchange[];
  pumpQueued: boolean;
  /** When it last wrote (performance.now()). */
  wroteAt: number;
}

export interface ExchangeStreams {
  /** GET handler for the visitor's event stream. */
  middleware: Middleware;
  /** Streams open right now. */
  readonly openCount: number;
  /** Ends every open stream (server shutdown). */
  closeAll(): void;
}

type Render = (ctx: Context, exchange: Exchange) => string;

export function exchangeStreams(store: ExchangeStore, renderExchange: Render, limits: Partial<StreamLimits> = {}): ExchangeStreams {
  const { streamsPerVisitor, maxStreams, maxUnsentBytes, stalledMs } = { ...defaultStreamLimits, ...limits };
  const open = new Set<OpenStream>();
  /** Each visitor's streams, oldest first, and its one subscription to the store. */
  const byVisitor = new Map<string, { streams: OpenStream[]; unsubscribe: () => void }>();
  const eventOf = eventsOnce(renderExchange);

  // Writes what the stream has not had yet, in one write, up to what it may hold unsent. A stream still
  // over that waits for 'drain', which pumps again: a slow reader is paced, a stalled one closed.
  const pump = (stream: OpenStream) => {
    stream.pumpQueued = false;
    const { res } = stream;
    if (res.writableEnded || res.destroyed) return;
    if (stream.overSince !== undefined) {
      if (Date.now() - stream.overSince > stalledMs) res.destroy(); // its browser reconnects and asks for the rest
      return;
    }
    let batch = '';
    for (const exchange of shownOfEachList(unsent(stream))) {
      batch += eventOf(stream.ctx, exchange);
      stream.sentUpTo = exchange.recorded!;
      if (res.writableLength + batch.length > maxUnsentBytes) break;
    }
    if (batch) {
      res.write(batch);
      stream.wroteAt = performance.now();
    }
    if (res.writableLength > maxUnsentBytes) {
      stream.overSince = Date.now();
      res.once('drain', () => {
        stream.overSince = undefined;
        queuePump(stream);
      });
    }
  };
  const unsent = (stream: OpenStream): Exchange[] => {
    const kept = store.recordedSince(stream.visitorId, stream.sentUpTo, stream.lessonId);
    const live = stream.live.filter((exchange) => exchange.recorded! > stream.sentUpTo && !kept.includes(exchange));
    stream.live = [];
    return live.length ? [...kept, ...live].sort((a, b) => a.recorded! - b.recorded!) : kept;
  };
  const notify = (stream: OpenStream, exchange: Exchange) => {
    if (stream.overSince === undefined && (stream.lessonId === undefined || stream.lessonId === exchange.lessonId)) stream.live.push(exchange);
    queuePump(stream);
  };
  // Exchanges of one event-loop turn, or of minWriteGapMs after a write, go out in one write.
  const queuePump = (stream: OpenStream) => {
    if (stream.pumpQueued) return;
    stream.pumpQueued = true;
    const wait = stream.wroteAt + minWriteGapMs - performance.now();
    if (wait > 0) setTimeout(pump, wait, stream);
    else setImmediate(pump, stream);
  };

  /** Forgets a stream (closed, or ended to make room); the last of a visitor's ends its subscription. */
  const release = (stream: OpenStream) => {
    if (!open.delete(stream)) return;
    const group = byVisitor.get(stream.visitorId)!;
    group.streams.splice(group.streams.indexOf(stream), 1);
    if (group.streams.length > 0) return;
    group.unsubscribe();
    byVisitor.delete(stream.visitorId);
  };

  const middleware: Middleware = async (ctx) => {
    const { res } = ctx;
    const visitorId = ctx.state.visitorId;
    const own = byVisitor.get(visitorId);
    const replacing = own !== undefined && own.streams.length >= streamsPerVisitor;
    if (open.size >= maxStreams && !replacing) {
      ctx.status = 503;
      ctx.set('Retry-After', String(retryAfterSeconds));
      ctx.body = 'Too many live inspector streams are open on this server. Try again in a few seconds.';
      return;
    }
    const stream: OpenStream = { ctx, res, visitorId, pumpQueued: false, wroteAt: -Infinity, live: [], ...resumePoint(ctx, store.recordedCount) };
    const group = own ?? { streams: [], unsubscribe: store.subscribe(visitorId, (exchange) => group.streams.forEach((s) => notify(s, exchange))) };
    byVisitor.set(visitorId, group);
    group.streams.push(stream);
    open.add(stream);
    // The visitor's oldest tab steps aside: its page stops listening until it is looked at again.
    if (replacing) {
      const oldest = group.streams[0]!;
      release(oldest);
      if (!oldest.res.writableEnded) oldest.res.end('event: replaced\ndata: \n\n');
    }

    const keepAlive = setInterval(() => {
      if (stream.overSince !== undefined) pump(stream);
      else if (!res.writableEnded) res.write(': keep-alive\n\n');
    }, keepAliveMs).unref();
    res.once('close', () => {
      clearInterval(keepAlive);
      release(stream);
    });

    startEventStream(ctx);
    res.write(': connected\n\n');
    if (stream.sentUpTo < store.recordedCount) queuePump(stream); // what the page missed
  };

  return {
    middleware,
    get openCount() {
      return open.size;
    },
    closeAll() {
      for (const stream of open) stream.res.end();
    },
  };
}

/**
 * Where a stream starts: after the last event its browser got (Last-Event-ID, sent on a reconnect), else
 * after what its page showed (`after`), else from now. `lesson` keeps it to the lesson its page shows.
 */
function resumePoint(ctx: Context, now: number): { sentUpTo: number; lessonId?: string } {
  const lessonId = typeof ctx.query.lesson === 'string' ? ctx.query.lesson : undefined;
  const asked = [ctx.get('Last-Event-ID'), ctx.query.after].find((value) => typeof value === 'string' && /^\d{1,15}$/.test(value));
  const sentUpTo = asked === undefined ? now : Math.min(Number(asked), now);
  return lessonId === undefined ? { sentUpTo } : { sentUpTo, lessonId };
}

/**
 * Rendering is the costly part of an event: each exchange becomes its event once per language for all of its
 * visitor's streams, whatever their number, and the text is let go at the end of the turn.
 */
function eventsOnce(renderExchange: Render): Render {
  const events = new Map<string, string>();
  return (ctx, exchange) => {
    const key = `${exchange.id} ${ctx.state.lang}`;
    let event = events.get(key);
    if (event === undefined) {
      if (events.size === 0) setImmediate(() => events.clear());
      event = toEvent(exchange.recorded!, renderExchange(ctx, exchange));
      events.set(key, event);
    }
    return event;
  };
}

/** What the page's inspector.js keeps of each list (its maxShown), as the store keeps of each lane. */
const shownPerList = defaultLimits.perLane;

/**
 * Of exchanges about to go out together (in the order recorded), those the page would still show once it had
 * them all: the newest shownPerList of each list. The page ends the same; older ones are neither rendered nor sent.
 */
function shownOfEachList(exchanges: Exchange[]): Exchange[] {
  if (exchanges.length <= shownPerList) return exchanges;
  const counts = new Map<string, number>();
  const shown: Exchange[] = [];
  for (let at = exchanges.length - 1; at >= 0; at--) {
    const exchange = exchanges[at]!;
    const key = `${exchange.lessonId} ${exchange.lane}`;
    const count = counts.get(key) ?? 0;
    if (count < shownPerList) shown.push(exchange);
    counts.set(key, count + 1);
  }
  return shown.reverse();
}

/** One SSE message: its id (what a reconnecting browser resumes from), every line of the payload its own `data:`. */
function toEvent(id: number, html: string): string {
  const lines = html.includes('\r') ? html.replace(/\r\n|\r/g, '\n') : html;
  return `id: ${id}\ndata: ${lines.replaceAll('\n', '\ndata: ')}\n\n`;
}
