// serve --latency: holds every lane response back, so each of the four steps can be watched.
import type { Context, Middleware } from 'koa';

/** How long to hold a lane response back: a fixed time, or one worked out per request. */
export type Latency = number | ((ctx: Context) => number);

/** A function gives each request its own delay (a test makes an early request answer after a later one). */
export function delayLanes(latency: Latency): Middleware {
  return (ctx, next) => {
    const ms = ctx.state.lane ? (typeof latency === 'function' ? latency(ctx) : latency) : 0;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)).then(next) : next();
  };
}
