// Puts every lesson's two lanes on the app, each in its own router tagged with its lane.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { allowSameOriginFrame } from './security.js';
import { renderFile } from './views.js';
import { type Lang, messages } from './i18n.js';
import { type LaneId, laneIds, type Lesson } from './types.js';

export interface LaneRoute {
  lesson: Lesson;
  lane: LaneId;
}

export interface MountedLanes {
  /** The lanes' routers, in lesson order. */
  routers: Router[];
  /** One middleware for every lane: the router whose paths the request's is among answers it (or says 405). */
  middleware: Middleware;
  /** Which lesson and lane a request is for, known before any lane code runs. */
  match(ctx: Context): LaneRoute | undefined;
}

/** Renders a lesson's whole page (the workshop's, or a starter's own). */
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
        renderFrame: (ctx, name, locals = {}) => {
          allowSameOriginFrame(ctx);
          ctx.state.framePage = true;
          ctx.type = 'html';
          return renderFile(`${viewsDir}/${name}.ejs`, lessonLocals(ctx, lesson, locals));
        },
      });
      routers.push({ lesson, lane, router });
    }
  }

  // Each lane's router with its 405 answer. A request goes straight to the router that knows its path (lanes'
  // paths are their own), rather than down a chain of two middlewares per lane, each matching the path again.
  const dispatchers = routers.map(({ router }) => {
    const routes = router.routes() as Middleware;
    const allowedMethods = router.allowedMethods() as Middleware;
    const dispatch: Middleware = (ctx, next) => routes(ctx, () => allowedMethods(ctx, next));
    return { router, dispatch };
  });
  const knowsPath = (router: Router, ctx: Context) => router.match(ctx.path, ctx.method).path.some((layer) => layer.methods.length > 0);

  return {
    routers: routers.map(({ router }) => router),
    middleware: (ctx, next) => {
      const found = dispatchers.find(({ router }) => knowsPath(router, ctx));
      return found ? found.dispatch(ctx, next) : next();
    },
    match(ctx) {
      const found = routers.find(({ router }) => router.match(ctx.path, ctx.method).route);
      return found && { lesson: found.lesson, lane: found.lane };
    },
  };
}

/** What a lesson's views see: the request's locals, `t` with the lesson's own words, and `locals`. */
export function lessonLocals(ctx: Context, lesson: Lesson, locals: object): object {
  return { ...ctx.state, t: lessonWords(ctx.state.t, lesson, ctx.state.lang), ...locals };
}

/** The page's words and a lesson's, merged once per lesson and language rather than on every render. */
const merged = new WeakMap<Lesson, Partial<Record<Lang, object>>>();

function lessonWords(t: object, lesson: Lesson, lang: Lang): object {
  if (t !== messages[lang]) return { ...t, ...lesson.words[lang] }; // words of its own: nothing to share
  let byLang = merged.get(lesson);
  if (!byLang) merged.set(lesson, (byLang = {}));
  return (byLang[lang] ??= { ...t, ...lesson.words[lang] });
}
