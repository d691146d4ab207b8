// serve --latency: holds every lane response back, so each of the four steps can be watched.
import type { Middleware } from 'koa';

export function delayLanes(ms: number): Middleware {
  return async (ctx, next) => {
    if (ctx.state.lane) await new Promise((resolve) => setTimeout(resolve, ms));
    await next();
  };
}
