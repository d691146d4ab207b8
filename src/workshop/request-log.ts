// Reports each request once it has finished: method, URL, status, bytes sent, time, lane.
import type { Middleware } from 'koa';
import type { TrafficOwner } from '../kit/types.js';
import { learnerTag } from '../kit/visitor.js';

export interface RequestRecord {
  method: string;
  url: string;
  status: number;
  bytes: number;
  ms: number;
  /** Whose traffic it is: a lane's or the lesson controls'; unset for pages and files. */
  lane?: TrafficOwner;
  /** Who asked: a short tag from the visitor id (learnerTag); unset for static files, served before the visitor is known. */
  learner?: string;
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
        learner: ctx.state.visitorId ? learnerTag(ctx.state.visitorId) : undefined,
        aborted: !ctx.res.headersSent,
      });
    // 'close' also fires for streams and aborted requests; a finished response is counted there once.
    ctx.res.once('close', report);
    await next();
  };
}
