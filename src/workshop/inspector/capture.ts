// The inspector's outermost middleware: tags a lane request with its lane (or the lesson's controls), and records
// the exchange for its visitor.
import type { Context, Middleware } from 'koa';
import type { LaneRoute } from '../../kit/mount.js';
import type { MountedLanes } from '../lanes.js';
import { describeExchange, describeHangUp, exchangeIdHeader, type HangUp, jsonOnce } from './exchange.js';
import type { ExchangeStore } from './store.js';

interface InFlight {
  ctx: Context;
  id: number;
  route: LaneRoute;
}

export function captureExchanges(lanes: MountedLanes, store: ExchangeStore): Middleware {
  // Requests being answered right now: as many as the server has connections, each gone when answered.
  const inFlight = new Set<InFlight>();

  /**
   * Who ended an exchange that got no answer. The server cut it (lesson 7's "network down" takes the answer
   * over: ctx.respond is false), or the browser did; the browser's cancel is a replacement when a newer
   * request of the same visitor and lane had reached the server by then (htmx's hx-sync, the JSON lane's abort).
   */
  const hangUpOf = (self: InFlight): HangUp => {
    if (self.ctx.respond === false) return 'server';
    const visitorId = self.ctx.state.visitorId as string;
    const sameLane = (other: InFlight) => other.id > self.id && other.route.lesson === self.route.lesson
      && other.route.lane === self.route.lane && other.ctx.state.visitorId === visitorId;
    const newerStored = (store.list(visitorId, self.route.lesson.id, self.route.lane)[0]?.id ?? 0) > self.id;
    return newerStored || [...inFlight].some(sameLane) ? 'replaced' : 'client';
  };

  return async (ctx, next) => {
    const route = lanes.match(ctx);
    if (!route) return next();
    ctx.state.lane = route.lane;
    const self: InFlight = { ctx, id: store.nextId(), route };
    ctx.res.setHeader(exchangeIdHeader, String(self.id)); // on every lane request: Node's own, not through Koa's set
    const started = performance.now();
    inFlight.add(self);
    try {
      await next();
    } finally {
      inFlight.delete(self);
    }
    // A body refused by its declared size is turned away before the visitor is known: nobody to show it to.
    // A lane's frame page is the lane's page loading, not an exchange of its demo.
    if (!ctx.state.visitorId || ctx.state.framePage) return;
    try {
      const serverMs = performance.now() - started;
      const answered = ctx.writable;
      if (answered) jsonOnce(ctx);
      const exchange = answered
        ? describeExchange(ctx, self.id, route.lesson.id, route.lane, serverMs, route.lesson.wireHeaders)
        : describeHangUp(ctx, self.id, route.lesson.id, route.lane, serverMs, hangUpOf(self), route.lesson.wireHeaders);
      store.add(ctx.state.visitorId, exchange);
    } catch (err) {
      ctx.app.emit('error', err, ctx); // the inspector must never break the lesson it watches
    }
  };
}
