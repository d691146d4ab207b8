// The lesson's switches, one set per visitor and one for the whole room (the instructor's): added latency, a
// one-shot 500, and the network "down".
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Middleware } from 'koa';
import { csrfField } from '../../kit/visitor.js';
import type { LaneRoutes } from '../../kit/types.js';
import { isObject } from '../shared/bodies.js';
import { perVisitor } from '../shared/per-visitor.js';

export const latencies = [0, 1000, 3000];

export interface Switches {
  latencyMs: number;
  /** One-shot: the next news request (either lane) answers 500, then this turns itself off. */
  failNext: boolean;
  networkDown: boolean;
}

/** A visitor's own switches, and which of the room's one-shot 500s they have used up. */
interface VisitorSwitches extends Switches {
  roomFailUsed: number;
}

export const switches = perVisitor<VisitorSwitches>(() => ({ latencyMs: 0, failNext: false, networkDown: false, roomFailUsed: 0 }));

/** The instructor's switches for everyone, on top of each visitor's own; each arming of the 500 is a new round. */
export const roomSwitches = { latencyMs: 0, failNext: false, networkDown: false, failRound: 0 };

type Flip = (state: Switches) => void;

/** The form's fields, the values each may take and what each does; anything else is a 400. */
const choices = new Map<string, Map<string, Flip>>([
  ['latency', new Map(latencies.map((ms): [string, Flip] => [String(ms), (state) => { state.latencyMs = ms; }]))],
  ['fail', new Map<string, Flip>([['once', (state) => { state.failNext = true; }], ['off', (state) => { state.failNext = false; }]])],
  ['network', new Map<string, Flip>([['down', (state) => { state.networkDown = true; }], ['up', (state) => { state.networkDown = false; }]])],
]);

/** The control strip above both lanes: htmx swaps it in place; a browser without htmx gets the page. */
export const switchRoutes: LaneRoutes = (router, { render, renderPage }) => {
  // Asked again by public/switches.js once a one-shot 500 may have been used up.
  router.get('/failure/switches', (ctx) => {
    ctx.vary('HX-Request');
    ctx.type = 'html';
    ctx.body = ctx.get('HX-Request') === 'true'
      ? render(ctx, '_switches', { switches: switches.of(ctx), roomSwitches, latencies })
      : renderPage(ctx);
  });

  router.post('/failure/switches', (ctx) => {
    const state = switches.of(ctx);
    flipSwitches(ctx, state);
    ctx.vary('HX-Request');
    if (ctx.get('HX-Request') !== 'true') {
      ctx.status = 303;
      return ctx.redirect('/lessons/failure');
    }
    ctx.type = 'html';
    ctx.body = render(ctx, '_switches', { switches: state, roomSwitches, latencies });
  });
};

/** Applies every switch the request names to `state` (a visitor's or the room's), or none of them if one is unknown. */
export function flipSwitches(ctx: Context, state: Switches): void {
  const body: unknown = ctx.request.body;
  if (!isObject(body)) ctx.throw(400, 'Send the switches as form fields.');
  const asked = Object.entries(body).filter(([name]) => name !== csrfField);
  if (asked.length === 0) ctx.throw(400, 'Nothing to switch: send latency, fail or network.');
  const flips = asked.map(([name, value]) => {
    const flip = typeof value === 'string' ? choices.get(name)?.get(value) : undefined;
    return flip ?? ctx.throw(400, 'Unknown switch or value: latency is 0, 1000 or 3000; fail is once or off; network is down or up.');
  });
  for (const flip of flips) flip(state);
}

/** The console's switches: arming the 500 again makes it fire once more for every visitor. */
export function flipRoomSwitches(ctx: Context): void {
  const armed = roomSwitches.failNext;
  flipSwitches(ctx, roomSwitches);
  if (roomSwitches.failNext && !armed) roomSwitches.failRound += 1;
}

export function resetRoomSwitches(): void {
  Object.assign(roomSwitches, { latencyMs: 0, failNext: false, networkDown: false });
}

/**
 * Goes in front of a lane's handler: the visitor's switches, or the room's, may slow the request down, cut the
 * connection, or have `crash` answer 500 (once) instead of the handler.
 */
export function obeySwitches(crash: (ctx: Context) => void): Middleware {
  return async (ctx, next) => {
    const state = switches.of(ctx);
    const room = roomSwitches;
    const latencyMs = Math.max(state.latencyMs, room.latencyMs);
    if (latencyMs > 0) await sleep(latencyMs);
    if (state.networkDown || room.networkDown) return hangUp(ctx);
    const roomFails = room.failNext && state.roomFailUsed !== room.failRound;
    if (state.failNext || roomFails) {
      state.failNext = false;
      if (roomFails) state.roomFailUsed = room.failRound;
      ctx.status = 500;
      return crash(ctx);
    }
    await next();
  };
}

/** "Network down": the server closes the connection without a word, so the browser's fetch rejects, as offline. */
function hangUp(ctx: Context): void {
  ctx.req.socket.destroy();
  ctx.respond = false; // there is nobody left to answer: Koa must not try
}
