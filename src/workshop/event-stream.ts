// The start of a server-sent event stream that writes to the socket itself: the inspector's and the room's.
import type { Context } from 'koa';

/**
 * Sends the stream's headers now and hands the response over: koa's own stream piping would report every closed
 * tab as an error. A stream owns its connection: when it ends (server shutdown), the connection ends with it.
 */
export function startEventStream(ctx: Context): void {
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.status = 200;
  ctx.type = 'text/event-stream';
  ctx.set({ 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no', Connection: 'close' });
  ctx.respond = false;
  ctx.res.flushHeaders();
}
