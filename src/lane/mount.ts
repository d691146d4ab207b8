// Puts every lesson's two lanes on the app, each in its own router tagged with its lane.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { renderFile } from '../server/views.js';
import type { Lang } from '../server/i18n.js';
import { type LaneId, laneIds, type Lesson } from './types.js';

export interface LaneRoute {
  lesson: Lesson;
  lane: LaneId;
}

export interface MountedLanes {
  /** The lanes' routers, in lesson order. */
  middleware: Middleware[];
  /** Which lesson and lane a request is for, known before any lane code runs. */
  match(ctx: Context): LaneRoute | undefined;
}

/** Renders a lesson's whole page; the page routes provide it, once the inspector exists. */
export type PageRenderer = (ctx: Context, lesson: Lesson, locals: object) => string;

export function mountLanes(lessons: Lesson[], renderPage: PageRenderer): MountedLanes {
  const routers: Array<LaneRoute & { router: Router }> = [];
  for (const lesson of lessons) {
    for (const lane of laneIds) {
      const router = new Router();
      const viewsDir = join(lesson.dir, 'views');
      lesson.lanes[lane].routes(router, {
        render: (ctx, name, locals = {}) => renderFile(`${viewsDir}/${name}.ejs`, lessonLocals(ctx, lesson, locals)),
        renderPage: (ctx, locals = {}) => renderPage(ctx, lesson, locals),
      });
      routers.push({ lesson, lane, router });
    }
  }

  return {
    middleware: routers.flatMap(({ router }) => [router.routes(), router.allowedMethods()] as Middleware[]),
    match(ctx) {
      const found = routers.find(({ router }) => router.match(ctx.path, ctx.method).route);
      return found && { lesson: found.lesson, lane: found.lane };
    },
  };
}

/** What a lesson's views see: the request's locals, `t` with the lesson's own words, and `locals`. */
export function lessonLocals(ctx: Context, lesson: Lesson, locals: object): object {
  return { ...ctx.state, t: { ...ctx.state.t, ...lesson.words[ctx.state.lang as Lang] }, ...locals };
}
