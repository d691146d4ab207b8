// A lesson page's room stream (SSE): open, it counts the page as in the room at its lesson and step; a learner's
// page hears where the instructor is and the slow motion; an instructor's page leads the room.
import type { Context, Middleware } from 'koa';
import type { Member, Position, Room } from './room.js';

const keepAliveMs = 20_000;

export interface RoomStream {
  middleware: Middleware;
}

export function roomStream(room: Room, positionOf: (ctx: Context) => Position): RoomStream {
  // The stream writes to the socket itself (ctx.respond = false), as the inspector's does.
  const middleware: Middleware = async (ctx) => {
    const { lesson, step } = positionOf(ctx);
    const { res } = ctx;
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const member: Member = {
      visitorId: String(ctx.state.visitorId),
      instructor: ctx.state.instructor === true && ctx.state.solo !== true,
      position: { lesson, step },
      send: write,
      close: () => res.end(),
    };

    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.status = 200;
    ctx.type = 'text/event-stream';
    ctx.set({ 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no', Connection: 'close' });
    ctx.respond = false;
    res.flushHeaders();
    // Come back within a second after a drop, so following stays within a second of the instructor.
    write('retry: 1000\n\n');

    const leave = room.join(member);
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs).unref();
    res.once('close', () => {
      clearInterval(keepAlive);
      leave();
    });
  };
  return { middleware };
}
