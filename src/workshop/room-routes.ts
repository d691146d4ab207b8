// A lesson page's side of the room: its stream (presence, and where the instructor is), the follow switch and the
// Done / Stuck pulse. Paths under /_room/ are the tool's own, never a lane's.
import type { Context, Middleware } from 'koa';
import Router from '@koa/router';
import type { Lesson } from '../kit/types.js';
import { renderView } from './views.js';
import { lessonPath } from './lesson-links.js';
import { type Mark, marks, type Position, type Room } from './room.js';
import { roomStream } from './room-stream.js';
import { type RoomWords, roomWords } from './room-words.js';

const followCookie = 'hxd_follow';
const oneYearMs = 365 * 24 * 3600 * 1000;

/** What the room bar, the pulse and the console draw with. */
export interface RoomLocals {
  solo: boolean;
  instructor: boolean;
  following: boolean;
  latencyMs: number;
  w: RoomWords;
  markAt(position: Position): Mark | undefined;
}

declare module 'koa' {
  interface DefaultState {
    /** Solo mode: no instructor key, the one user on loopback is the instructor. */
    solo?: boolean;
    /** May use the console, reset shared state and lead the room. */
    instructor?: boolean;
    room: RoomLocals;
  }
}

/** What the follow bar and the pulse show: ctx.state.room, set for every request after the visitor is known. */
export function roomLocals(room: Room): Middleware {
  return (ctx, next) => {
    ctx.state.room = new RequestRoomLocals(room, ctx);
    return next();
  };
}

/**
 * Made for every request, read by pages only: the follow cookie is read when a view first asks for it, the room's
 * slow motion as it is when drawn, and nothing is made for a request (a lane's) that draws no page.
 */
class RequestRoomLocals implements RoomLocals {
  readonly solo: boolean;
  readonly instructor: boolean;
  readonly w: RoomWords;
  #room: Room;
  #ctx: Context;
  #following: boolean | undefined;

  constructor(room: Room, ctx: Context) {
    this.#room = room;
    this.#ctx = ctx;
    this.solo = ctx.state.solo === true;
    this.instructor = ctx.state.instructor === true;
    this.w = roomWords[ctx.state.lang] ?? roomWords.en;
  }

  get following(): boolean {
    return (this.#following ??= this.#ctx.cookies.get(followCookie) !== 'off');
  }

  set following(following: boolean) {
    this.#following = following;
  }

  get latencyMs(): number {
    return this.#room.latencyMs;
  }

  markAt(position: Position): Mark | undefined {
    return this.#room.markOf(String(this.#ctx.state.visitorId), position);
  }
}

/** The page's position from a query or a form: a known lesson and a step number or "all"; else a 400. */
export function positionOf(ctx: Context, lessons: Lesson[], source: Record<string, unknown>): Position & { lessonDef: Lesson } {
  const lessonDef = lessons.find((lesson) => lesson.id === source.lesson);
  const step = source.step;
  if (!lessonDef || typeof step !== 'string' || !/^(\d{1,3}|all)$/.test(step)) {
    return ctx.throw(400, 'Say where the page is: a lesson id and a step (a number or "all").');
  }
  return { lesson: lessonDef.id, step, lessonDef };
}

export function roomRoutes(room: Room, lessons: Lesson[]): Router {
  const router = new Router({ prefix: '/_room' });
  const stream = roomStream(room, (ctx) => positionOf(ctx, lessons, ctx.query));
  router.get('/stream', stream.middleware);

  // Following is on unless the visitor turned it off: remembered in a cookie, the bar drawn again.
  router.post('/follow', (ctx) => {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    if (body.follow !== 'on' && body.follow !== 'off') ctx.throw(400, 'Send follow=on or follow=off.');
    ctx.cookies.set(followCookie, String(body.follow), { httpOnly: true, sameSite: 'lax', maxAge: oneYearMs });
    ctx.state.room.following = body.follow === 'on';
    answer(ctx, '_follow-toggle', { back: body.back }, body);
  });

  router.post('/pulse', (ctx) => {
    if (ctx.state.instructor && !ctx.state.solo) ctx.throw(400, 'The pulse is the learners\'; the console shows it.');
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const { lessonDef, ...position } = positionOf(ctx, lessons, body);
    const asked = body.mark;
    if (!marks.includes(asked as Mark)) ctx.throw(400, 'Send mark=done or mark=stuck.');
    room.mark(String(ctx.state.visitorId), position, asked as Mark);
    answer(ctx, '_pulse', { pulseAt: position }, { ...body, back: `${lessonPath(lessonDef)}?step=${position.step}` });
  });

  return router;
}

/** htmx gets the partial drawn again; a form sent without JavaScript goes back to its page. */
function answer(ctx: Context, view: string, locals: object, body: Record<string, unknown>): void {
  ctx.vary('HX-Request');
  if (ctx.get('HX-Request') === 'true') {
    ctx.type = 'html';
    ctx.body = renderView(ctx, view, locals);
    return;
  }
  const back = typeof body.back === 'string' && /^\/lessons\/[a-z0-9-]+(\?step=(\d{1,3}|all))?$/.test(body.back) ? body.back : '/';
  ctx.status = 303;
  ctx.redirect(back);
}
