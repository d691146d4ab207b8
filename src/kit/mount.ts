// Puts every lesson's two lanes (and its controls' routes) on routers of their own, each tagged with its lesson and owner.
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { allowSameOriginFrame } from './security.js';
import { type LaneRoute, matcherFor } from './lane-match.js';
import { laneIds, type LaneRoutes, type Lesson, type TrafficOwner } from './types.js';

export type { LaneRoute };

/** Renders a lesson's whole page, with `locals` over its pageLocals(). */
export type PageRenderer = (ctx: Context, lesson: Lesson, locals: object) => string;
/** What a lesson's views see, made from the request and the view's own `locals`. */
export type LocalsMaker = (ctx: Context, lesson: Lesson, locals: object) => object;

/** Each lane's routes on its own router; their `render` renders the lesson's views/<name>.ejs with renderFile. */
export function laneRouters(lessons: Lesson[], renderFile: (file: string, data: object) => string, renderPage: PageRenderer, localsFor: LocalsMaker = lessonLocals): LaneRoute[] {
  return lessons.flatMap((lesson) => {
    const owners: Array<[TrafficOwner, LaneRoutes | undefined]> = laneIds.map((lane) => [lane, lesson.lanes[lane].routes]);
    owners.push(['controls', lesson.controlRoutes]);
    return owners.filter(([, routes]) => routes).map(([lane, routes]) => {
      const router = new Router();
      routes!(router, {
        render: (ctx, name, locals = {}) => renderFile(`${lesson.dir}/views/${name}.ejs`, localsFor(ctx, lesson, locals)),
        renderPage: (ctx, locals = {}) => renderPage(ctx, lesson, locals),
        renderFrame: (ctx, name, locals = {}) => {
          allowSameOriginFrame(ctx);
          ctx.state.framePage = true;
          ctx.type = 'html';
          return renderFile(`${lesson.dir}/views/${name}.ejs`, localsFor(ctx, lesson, locals));
        },
      });
      return { lesson, lane, router };
    });
  });
}

/** Which lesson and lane a request is for, known before any lane code runs. */
export function laneOf(lanes: LaneRoute[], ctx: Context): LaneRoute | undefined {
  return matcherFor(lanes)(ctx).lane;
}

/** Sets ctx.state.lane first thing, so that an error (a 403, a 413) answers in its lane's shape: JSON or a fragment. */
export const tagLanes = (lanes: LaneRoute[]): Middleware => (ctx, next) => {
  ctx.state.lane = laneOf(lanes, ctx)?.lane;
  return next();
};

/** One middleware for every lane: the router that knows the request's path answers it (or says 405). */
export function routeLanes(lanes: LaneRoute[]): Middleware {
  const match = matcherFor(lanes);
  const routed = new Map(lanes.map((lane) => [lane, { routes: lane.router.routes() as Middleware, allowed: lane.router.allowedMethods() as Middleware }]));
  return (ctx, next) => {
    const { answering } = match(ctx);
    const found = answering && routed.get(answering);
    return found ? found.routes(ctx, () => found.allowed(ctx, next)) : next();
  };
}

/** What a lesson's views see: the request's locals, `t` with the lesson's own words, and `locals`. */
export function lessonLocals(ctx: Context, lesson: Lesson, locals: object): object {
  return { ...ctx.state, t: { ...ctx.state.t, ...lesson.words[ctx.state.lang] }, ...locals };
}
