// The inspector's outermost middleware: tags a lane request with its lane, and records the exchange for its visitor.
import type { Middleware } from 'koa';
import type { MountedLanes } from '../../kit/mount.js';
import { describeExchange, describeHangUp, exchangeIdHeader } from './exchange.js';
import type { ExchangeStore } from './store.js';

export function captureExchanges(lanes: MountedLanes, store: ExchangeStore): Middleware {
  return async (ctx, next) => {
    const route = lanes.match(ctx);
    if (!route) return next();
    ctx.state.lane = route.lane;
    const id = store.nextId();
    ctx.set(exchangeIdHeader, String(id));
    const started = performance.now();
    await next();
    // A body refused by its declared size is turned away before the visitor is known: nobody to show it to.
    // A lane's frame page is the lane's page loading, not an exchange of its demo.
    if (!ctx.state.visitorId || ctx.state.framePage) return;
    try {
      const serverMs = performance.now() - started;
      const exchange = ctx.writable
        ? describeExchange(ctx, id, route.lesson.id, route.lane, serverMs, route.lesson.wireHeaders)
        : describeHangUp(ctx, id, route.lesson.id, route.lane, serverMs, route.lesson.wireHeaders);
      store.add(ctx.state.visitorId, exchange);
    } catch (err) {
      ctx.app.emit('error', err, ctx); // the inspector must never break the lesson it watches
    }
  };
}
