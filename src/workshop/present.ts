// /present, the instructor's console: the room (who is where, the pulse) polled by htmx, and the room's controls
// (slow motion, lesson 7's faults, a lesson's shared reset), each a small htmx form answered with its panel.
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { Lesson } from '../kit/types.js';
import { renderView } from './views.js';
import { flipRoomSwitches, latencies as faultLatencies, roomSwitches } from '../lessons/failure/switches.js';
import type { InstructorAccess } from './instructor.js';
import { lessonPath } from './lesson-links.js';
import { maxRoomLatencyMs, type Room } from './room.js';

export const presentPath = '/present';
/** The console's slow-motion choices; any whole number of ms up to 3 s may be typed too. */
export const slowMotionChoices = [0, 300, 800, 1500, 3000];

export function presentRoutes(room: Room, lessons: Lesson[], access: InstructorAccess): Router {
  const router = new Router({ prefix: presentPath });
  const failure = lessons.find((lesson) => lesson.id === 'failure');
  const resettable = lessons.filter((lesson) => lesson.reset && lesson.state?.shared);

  // htmx gets the panel drawn again; a form sent without JavaScript comes back to the console.
  const panel = (ctx: Context, view: string, locals: object = {}) => {
    ctx.vary('HX-Request');
    if (ctx.method === 'POST' && ctx.get('HX-Request') !== 'true') {
      ctx.status = 303;
      return ctx.redirect(presentPath);
    }
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = renderView(ctx, view, { ...consoleLocals(ctx), ...locals });
  };
  const consoleLocals = (ctx: Context) => ({
    roomNow: roomNow(room, lessons),
    latencyMs: room.latencyMs,
    slowMotionChoices,
    maxRoomLatencyMs,
    faults: failure && { switches: roomSwitches, latencies: faultLatencies },
    resettable,
    w: ctx.state.room.w,
  });

  // The key in the address is swapped for the cookie at once: a projected address bar must not show it.
  router.get('/', (ctx, next) => {
    if (ctx.query.key === undefined) return next();
    if (!ctx.state.solo && !access.admit(ctx)) ctx.throw(403, ctx.state.room.w.onlyInstructor);
    ctx.status = 303;
    ctx.redirect(presentPath);
  });
  router.use(onlyInstructor);
  router.get('/', (ctx) => panel(ctx, 'present'));
  router.get('/room', (ctx) => panel(ctx, '_present-room'));

  router.post('/pulse/clear', (ctx) => {
    room.clearPulse();
    panel(ctx, '_present-room');
  });
  router.post('/latency', (ctx) => {
    const asked = bodyOf(ctx).latency;
    const ms = typeof asked === 'string' && /^\d{1,4}$/.test(asked) ? Number(asked) : NaN;
    if (!(ms >= 0 && ms <= maxRoomLatencyMs)) ctx.throw(400, `Slow motion is a whole number of milliseconds from 0 to ${maxRoomLatencyMs}.`);
    room.setLatency(ms);
    panel(ctx, '_present-latency');
  });
  router.post('/faults', (ctx) => {
    if (!failure) ctx.throw(404, 'This server has no lesson 7.');
    flipRoomSwitches(ctx);
    panel(ctx, '_present-faults');
  });
  router.post('/reset', (ctx) => {
    const lesson = resettable.find((l) => l.id === bodyOf(ctx).lesson);
    if (!lesson) return ctx.throw(400, 'Name a lesson with shared state to reset.');
    lesson.reset!();
    panel(ctx, '_present-reset', { resetDone: lesson });
  });
  return router;
}

/** The console and its actions are the instructor's: anyone else gets a 403 that says where the key is. */
const onlyInstructor: Middleware = async (ctx, next) => {
  if (!ctx.state.instructor) ctx.throw(403, ctx.state.room.w.onlyInstructor);
  await next();
};

function bodyOf(ctx: Context): Record<string, unknown> {
  const body: unknown = ctx.request.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** The room as the console draws it: the count, where the instructor leads, that step's pulse, and every spot. */
export function roomNow(room: Room, lessons: Lesson[]) {
  const spots = room.spots();
  const lessonOf = (id: string) => lessons.find((lesson) => lesson.id === id);
  const order = (step: string) => (step === 'all' ? Infinity : Number(step));
  const rows = lessons
    .map((lesson) => ({
      lesson,
      href: lessonPath(lesson),
      steps: spots.filter((spot) => spot.lesson === lesson.id).sort((a, b) => order(a.step) - order(b.step)),
    }))
    .filter((row) => row.steps.length > 0);
  const leader = room.leader && lessonOf(room.leader.lesson);
  const here = spots.find((spot) => spot.lesson === room.leader?.lesson && spot.step === room.leader?.step);
  const learners = room.learnerCount();
  return {
    learners,
    leader: leader && { lesson: leader, step: room.leader!.step, href: `${lessonPath(leader)}?step=${room.leader!.step}` },
    pulse: { done: here?.done ?? 0, stuck: here?.stuck ?? 0, waiting: learners - (here?.done ?? 0) - (here?.stuck ?? 0) },
    rows,
  };
}
