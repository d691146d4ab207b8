// A lesson page's room stream (SSE): open, it counts the page as in the room at its lesson and step; a learner's
// page hears where the instructor is and the slow motion; an instructor's page leads the room.
import type { Context, Middleware } from 'koa';
import { startEventStream } from './event-stream.js';
import type { Member, Position, Room } from './room.js';

const keepAliveMs = 20_000;
/** Room events are a few dozen bytes: a reader with this much unread has stopped reading, and is let go. */
const maxUnsentBytes = 16 * 1024;
/** What a refused page waits before trying again (EventSource honours the status by giving up; a reload retries). */
const retryAfterSeconds = 10;

export interface RoomStream {
  middleware: Middleware;
}

export function roomStream(room: Room, positionOf: (ctx: Context) => Position): RoomStream {
  const middleware: Middleware = async (ctx) => {
    const { lesson, step } = positionOf(ctx);
    if (room.full) {
      ctx.set('Retry-After', String(retryAfterSeconds));
      return ctx.throw(503, 'The room is full: try again in a moment.');
    }
    const { res } = ctx;
    const write = (text: string) => {
      if (res.writableEnded || res.destroyed) return;
      if (res.writableLength > maxUnsentBytes) return void res.destroy();
      res.write(text);
    };
    const member: Member = {
      visitorId: String(ctx.state.visitorId),
      instructor: ctx.state.instructor === true && ctx.state.solo !== true,
      position: { lesson, step },
      send: write,
      close: () => res.end(),
    };

    startEventStream(ctx);
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
