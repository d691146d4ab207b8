// State that belongs to one visitor (liked or not, a switch's position), kept in memory and bounded.
import type { Context } from 'koa';

/** Visitor ids come from cookies, which anyone can make up: past this many, the oldest is forgotten. */
const maxVisitors = 1000;

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

export function perVisitor<T>(initial: () => T): PerVisitor<T> {
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
