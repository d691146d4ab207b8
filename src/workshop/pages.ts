// The lesson page, the wrap-up page, the reset action and the inspector stream: everything around the lanes.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { htmxVersion } from '../kit/paths.js';
import { renderFile, renderView } from '../kit/views.js';
import { readCodeFile } from './code-panels.js';
import { type ExchangeStore, renderExchange } from './inspector/index.js';
import { lessonPath, pagerFor, wrapUpPath } from './lesson-links.js';
import { lessonLocals, type PageRenderer } from '../kit/mount.js';
import { readNotes } from './notes.js';
import { laneIds, type Lesson } from '../kit/types.js';
import { walkthroughFor } from './walkthrough.js';
import { renderWrapUp } from './wrap-up.js';

export function pageRoutes(lessons: Lesson[], renderPage: PageRenderer, inspectorStream: Middleware): Router {
  const router = new Router();
  const first = lessons[0]!;

  const show = (ctx: Context, lesson: Lesson) => {
    ctx.type = 'html';
    ctx.body = renderPage(ctx, lesson, {});
  };
  router.get('/', (ctx) => show(ctx, first));
  router.get('/lessons/:id', (ctx) => {
    const lesson = lessons.find((l) => l.id === ctx.params.id);
    if (!lesson) return ctx.throw(404, `There is no lesson called "${ctx.params.id}".`);
    show(ctx, lesson);
  });
  // A learner resets their own state (scope=mine); everyone's is the instructor's (or the solo user's) to reset.
  router.post('/lessons/:id/reset', (ctx) => {
    const lesson = lessons.find((l) => l.id === ctx.params.id);
    if (!lesson) return ctx.throw(404, `There is no lesson called "${ctx.params.id}".`);
    const body = ctx.request.body as Record<string, unknown> | undefined;
    if (body?.scope === 'mine') {
      lesson.resetVisitor?.(String(ctx.state.visitorId));
    } else {
      if (!ctx.state.instructor) return ctx.throw(403, ctx.state.room.w.onlyInstructor);
      lesson.reset?.(); // a lesson that keeps nothing has nothing to reset
    }
    ctx.redirect(lesson === first ? '/' : lessonPath(lesson));
    ctx.status = 303;
  });
  router.get(wrapUpPath, (ctx) => {
    ctx.type = 'html';
    ctx.body = renderWrapUp(ctx, lessons);
  });
  router.get('/_inspector/stream', inspectorStream);
  return router;
}

/** The lesson page: the walkthrough, lesson-wide controls, and per lane its demo, four-step strip, wire and code. */
export function lessonPageRenderer(lessons: Lesson[], store: ExchangeStore): PageRenderer {
  return (ctx, lesson, overrides) => {
    const locals = lessonLocals(ctx, lesson, { ...lesson.pageLocals(ctx), ...overrides });
    const view = (name: string) => renderFile(join(lesson.dir, 'views', `${name}.ejs`), locals);
    const lanes = laneIds.map((id) => {
      const lane = lesson.lanes[id];
      return {
        id,
        demoHtml: view(lane.view),
        code: lane.code.map((file) => readCodeFile(lesson.dir, file)),
        exchangesHtml: store
          .list(ctx.state.visitorId, lesson.id, id)
          .map((exchange) => renderExchange(ctx, exchange))
          .join(''),
      };
    });
    const lang = ctx.state.lang;
    const pager = pagerFor(lessons, lesson, lang, ctx.state.t);
    // A lane route's full-page answer (JS off) is not at the lesson's URL: its step links go to the lesson page.
    const path = ctx.method === 'GET' && (ctx.path === '/' || ctx.path === lessonPath(lesson)) ? ctx.path : lessonPath(lesson);
    const walk = walkthroughFor(readNotes(lesson.dir, lang), ctx.query.step, path, ctx.state.t, pager.next);
    return renderView(ctx, 'lesson', {
      lesson,
      lessons,
      lanes,
      controlsHtml: lesson.controls ? view(lesson.controls) : '',
      walk,
      pager,
      // The language and text-size switches keep the step the visitor is on.
      keepStep: ctx.query.step === undefined || !walk ? '' : walk.all ? 'all' : String(walk.current),
      htmxVersion,
    });
  };
}
