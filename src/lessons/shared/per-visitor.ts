// State that belongs to one visitor (liked or not, a switch's position), kept in memory and bounded.
import type { Context } from 'koa';

/** Visitor ids come from cookies, which anyone can make up: past this many, the oldest is forgotten. */
export const maxVisitors = 1000;

/** What one visitor's state holds at most when its lesson states no more: flags, a name, a short list. */
const smallStateBytes = 12 * 1024;

/**
 * The ceiling on all per-visitor state together: every store's most per visitor, times maxVisitors. Each
 * lesson keeps its own state bounded (a list of at most 20, a body kept as its first characters); a store
 * stating more than fits under this ceiling is refused when it is made.
 */
export const allVisitorsMaxBytes = 128 * 1024 * 1024;
let statedBytes = 0;

export interface PerVisitor<T> {
  /** This request's visitor's state, made fresh from `initial` on first use. */
  of(ctx: Context): T;
  /** Forgets one visitor's state: they start afresh, nobody else notices. */
  forget(visitorId: string): void;
  /** Forgets every visitor's state. */
  reset(): void;
  /** Each visitor's state, for a shared total that must give back what a forgotten visitor added. */
  peek(visitorId: string): T | undefined;
}

/** `maxBytesEach`: the most one visitor's state may hold, as its lesson bounds it. */
export function perVisitor<T>(initial: () => T, maxBytesEach = smallStateBytes): PerVisitor<T> {
  statedBytes += maxBytesEach * maxVisitors;
  if (statedBytes > allVisitorsMaxBytes) throw new Error(`per-visitor state would pass its ceiling of ${allVisitorsMaxBytes} bytes`);
  const states = new Map<string, T>();
  return {
    of(ctx) {
      const id = String(ctx.state.visitorId);
      let state = states.get(id);
      if (state === undefined) {
        state = initial();
        if (states.size >= maxVisitors) states.delete(states.keys().next().value!);
      } else {
        states.delete(id); // re-inserted below, so the Map's order is least recently used first
      }
      states.set(id, state);
      return state;
    },
    forget: (visitorId) => void states.delete(visitorId),
    reset: () => states.clear(),
    peek: (visitorId) => states.get(visitorId),
  };
}

/** What every store made so far may hold together, at most: never past allVisitorsMaxBytes. */
export function perVisitorStatedBytes(): number {
  return statedBytes;
}
