// The inspector's memory: each visitor's last few exchanges per lane, bounded in size and in time.
import type { TrafficOwner } from '../../kit/types.js';

/**
 * Who closed a connection before any answer: the server (it cut the connection), the browser because a newer
 * request of the same lane replaced this one, or the browser for its own reasons (a tab closed, a page left).
 */
export type HangUp = 'server' | 'replaced' | 'client';

export interface Exchange {
  id: number;
  lessonId: string;
  lane: TrafficOwner;
  method: string;
  url: string;
  status: number;
  requestHeaders: Array<[string, string]>;
  responseHeaders: Array<[string, string]>;
  requestBody: string;
  responseType: string;
  /** The body as the page shows it: at most shownBodyChars characters of it. */
  responseBody: string;
  /** Bytes of the body left out of responseBody (a whole page answered to the address bar, say). */
  responseBodyCut?: number;
  bytes: number;
  gzipBytes: number;
  serverMs: number;
  /** The connection closed before any answer went out: the client got no response at all. */
  aborted?: boolean;
  /** For an aborted exchange, who closed the connection. */
  hangUp?: HangUp;
  /** The characters it holds, if it knows them before its bodies are worked out for showing (see sizeOf). */
  keptChars?: number;
  /**
   * Its place in the order the store recorded exchanges (set by add). Ids follow the order requests came
   * in; a slow request finishes after a quick later one, so a stream resumes from this instead.
   */
  recorded?: number;
}

export type ExchangeListener = (exchange: Exchange) => void;

interface Visitor {
  lastSeen: number;
  /** What its exchanges hold, roughly (see sizeOf). */
  bytes: number;
  /** Oldest first, one list per lesson and lane (keyed `lessonId lane`), each at most perLane long. */
  lanes: Map<string, Exchange[]>;
  listeners: Set<ExchangeListener>;
}

const laneKey = (lessonId: string, lane: TrafficOwner) => `${lessonId} ${lane}`;

export interface StoreLimits {
  /** Exchanges kept per visitor and lane. */
  perLane: number;
  /** Visitors kept at once; the one idle longest goes first. */
  maxVisitors: number;
  /** A visitor with no traffic and no open stream for this long is forgotten. */
  idleMs: number;
  /**
   * What all exchanges together may hold. A visitor id is only a cookie anyone can make up: without this, 500
   * made-up visitors sending the largest requests allowed to every lane would keep gigabytes. Past it, the
   * visitors idle longest (with no open stream) are forgotten first; when every one left has a stream open,
   * the oldest exchanges of the visitor holding most go.
   */
  maxBytes: number;
}

export const defaultLimits: StoreLimits = { perLane: 20, maxVisitors: 500, idleMs: 30 * 60_000, maxBytes: 64 * 1024 * 1024 };

/** The text an exchange keeps (two bytes a character, as V8 may store it), give or take its fixed fields. */
function sizeOf(exchange: Exchange): number {
  if (exchange.keptChars !== undefined) return 2 * exchange.keptChars + 200;
  return 2 * (exchange.url.length + exchange.requestBody.length + exchange.responseBody.length + exchange.responseType.length
    + headerChars(exchange.requestHeaders) + headerChars(exchange.responseHeaders)) + 200;
}

/** The characters of a list of headers, names and values. */
export function headerChars(headers: Array<[string, string]>): number {
  let chars = 0;
  for (let at = 0; at < headers.length; at++) chars += headers[at]![0].length + headers[at]![1].length; // no iterator per header: it runs for every exchange
  return chars;
}

export class ExchangeStore {
  readonly #visitors = new Map<string, Visitor>();
  readonly #limits: StoreLimits;
  #nextId = 1;
  #recorded = 0;
  #bytes = 0;
  /** The id of the visitor last in the map's order. */
  #newest: string | undefined;

  constructor(limits: Partial<StoreLimits> = {}) {
    this.#limits = { ...defaultLimits, ...limits };
  }

  nextId(): number {
    return this.#nextId++;
  }

  add(visitorId: string, exchange: Exchange): void {
    const visitor = this.#touch(visitorId);
    const key = laneKey(exchange.lessonId, exchange.lane);
    const lane = visitor.lanes.get(key) ?? visitor.lanes.set(key, []).get(key)!;
    exchange.recorded = ++this.#recorded;
    lane.push(exchange);
    this.#grow(visitor, sizeOf(exchange));
    if (lane.length > this.#limits.perLane) this.#grow(visitor, -sizeOf(lane.shift()!));
    while (this.#bytes > this.#limits.maxBytes && (this.#evictStalest(visitor) || this.#trimLargest())) {
      // forget the visitors idle longest, then the oldest exchanges of watched ones, until the rest fit
    }
    for (const listener of visitor.listeners) listener(exchange);
  }

  /** How many exchanges have been recorded so far, for everyone. */
  get recordedCount(): number {
    return this.#recorded;
  }

  /** Where the visitor's newest kept exchange stands in that count (0 if none): a page drawn now shows up to it. */
  recordedUpTo(visitorId: string): number {
    let newest = 0;
    for (const lane of this.#visitors.get(visitorId)?.lanes.values() ?? []) newest = Math.max(newest, lane.at(-1)?.recorded ?? 0);
    return newest;
  }

  /** The visitor's exchanges recorded after `after` (of one lesson, if given), in the order they were recorded. */
  recordedSince(visitorId: string, after: number, lessonId?: string): Exchange[] {
    const visitor = this.#visitors.get(visitorId);
    if (!visitor || after >= this.#recorded) return [];
    const found: Exchange[] = [];
    for (const [key, lane] of visitor.lanes) {
      if (lessonId !== undefined && !key.startsWith(`${lessonId} `)) continue;
      for (let i = lane.length - 1; i >= 0 && lane[i]!.recorded! > after; i--) found.push(lane[i]!);
    }
    return found.sort((a, b) => a.recorded! - b.recorded!);
  }

  /** Newest first. */
  list(visitorId: string, lessonId: string, lane: TrafficOwner): Exchange[] {
    return [...(this.#visitors.get(visitorId)?.lanes.get(laneKey(lessonId, lane)) ?? [])].reverse();
  }

  subscribe(visitorId: string, listener: ExchangeListener): () => void {
    const visitor = this.#touch(visitorId);
    visitor.listeners.add(listener);
    return () => {
      visitor.listeners.delete(listener);
      visitor.lastSeen = Date.now();
    };
  }

  get visitorCount(): number {
    return this.#visitors.size;
  }

  /** Visitors with at least one page open on their stream right now. */
  get listeningVisitorCount(): number {
    let count = 0;
    for (const visitor of this.#visitors.values()) if (visitor.listeners.size > 0) count++;
    return count;
  }

  /** What all kept exchanges hold, roughly: never much past maxBytes. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Forgets idle visitors; listeners keep a visitor alive. */
  sweep(now = Date.now()): void {
    for (const [id, visitor] of this.#visitors) {
      if (visitor.listeners.size === 0 && now - visitor.lastSeen > this.#limits.idleMs) this.#forget(id, visitor);
    }
  }

  /**
   * Map order is recency order: a touched visitor moves to the end, the stalest is first. The visitor touched last
   * is already there: moving it again (a delete and a set, which makes V8 rebuild the map's table) is skipped.
   */
  #touch(visitorId: string): Visitor {
    let visitor = this.#visitors.get(visitorId);
    if (!visitor || visitorId !== this.#newest) {
      visitor ??= { lastSeen: 0, bytes: 0, lanes: new Map(), listeners: new Set() };
      this.#visitors.delete(visitorId);
      this.#visitors.set(visitorId, visitor);
      this.#newest = visitorId;
    }
    visitor.lastSeen = Date.now();
    if (this.#visitors.size > this.#limits.maxVisitors) this.#evictStalest();
    return visitor;
  }

  /** Forgets the visitor idle longest that has no stream open (and is not `keep`); false if there is none. */
  #evictStalest(keep?: Visitor): boolean {
    for (const [id, visitor] of this.#visitors) {
      if (visitor.listeners.size === 0 && visitor !== keep) {
        this.#forget(id, visitor);
        return true;
      }
    }
    return false;
  }

  /** Drops the oldest exchange of the visitor holding most; false if nobody holds any. */
  #trimLargest(): boolean {
    let largest: Visitor | undefined;
    for (const visitor of this.#visitors.values()) if (visitor.bytes > (largest?.bytes ?? 0)) largest = visitor;
    if (!largest) return false;
    let oldest: Exchange[] | undefined;
    for (const lane of largest.lanes.values()) {
      if (lane.length && (!oldest || lane[0]!.recorded! < oldest[0]!.recorded!)) oldest = lane;
    }
    if (!oldest) return false;
    this.#grow(largest, -sizeOf(oldest.shift()!));
    return true;
  }

  #forget(id: string, visitor: Visitor): void {
    this.#visitors.delete(id);
    if (id === this.#newest) this.#newest = undefined;
    this.#bytes -= visitor.bytes;
  }

  #grow(visitor: Visitor, bytes: number): void {
    visitor.bytes += bytes;
    this.#bytes += bytes;
  }
}
