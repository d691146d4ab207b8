// Reports each request once it has finished: method, URL, status, bytes sent, time, lane.
import type { Middleware } from 'koa';

export interface RequestRecord {
  method: string;
  url: string;
  status: number;
  bytes: number;
  ms: number;
  lane?: string;
  /** Who asked (the visitor cookie); unset for static files, which are served before the visitor is known. */
  visitorId?: string;
  /** The client went away before any answer was sent (an event stream that was open for a while is not aborted). */
  aborted: boolean;
}

export function logRequests(onRequest: (record: RequestRecord) => void): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    const report = () =>
      onRequest({
        method: ctx.method,
        url: ctx.originalUrl,
        status: ctx.res.headersSent ? ctx.res.statusCode : ctx.status,
        bytes: Number(ctx.res.getHeader('Content-Length') ?? 0),
        ms: performance.now() - started,
        lane: ctx.state.lane,
        visitorId: ctx.state.visitorId || undefined,
        aborted: !ctx.res.headersSent,
      });
    // 'close' also fires for streams and aborted requests; a finished response is counted there once.
    ctx.res.once('close', report);
    await next();
  };
}
