// The lesson page, the reset action and the inspector stream: everything around the lanes.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context } from 'koa';
import { htmxVersion } from '../server/paths.js';
import { renderFile, renderView } from '../server/views.js';
import { readCodeFile, readNotes } from './code-panel.js';
import type { Inspector } from './inspector.js';
import { lessonLocals, type PageRenderer } from './mount.js';
import { laneIds, type Lesson } from './types.js';

export function pageRoutes(lessons: Lesson[], renderPage: PageRenderer, inspector: Inspector): Router {
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
  router.post('/lessons/:id/reset', (ctx) => {
    const lesson = lessons.find((l) => l.id === ctx.params.id);
    if (!lesson) return ctx.throw(404, `There is no lesson called "${ctx.params.id}".`);
    lesson.reset();
    ctx.redirect(lesson === first ? '/' : `/lessons/${lesson.id}`);
    ctx.status = 303;
  });
  router.get('/_inspector/stream', inspector.stream);
  return router;
}

/** The lesson page: notes, lesson-wide controls, and per lane its demo, four-step strip, wire and code. */
export function lessonPageRenderer(lessons: Lesson[], inspector: Inspector): PageRenderer {
  return (ctx, lesson, overrides) => {
    const locals = lessonLocals(ctx, lesson, { ...lesson.pageLocals(ctx), ...overrides });
    const view = (name: string) => renderFile(join(lesson.dir, 'views', `${name}.ejs`), locals);
    const lanes = laneIds.map((id) => {
      const lane = lesson.lanes[id];
      return {
        id,
        demoHtml: view(lane.view),
        code: lane.code.map((file) => readCodeFile(lesson.dir, file)),
        exchangesHtml: inspector.store
          .list(ctx.state.visitorId, lesson.id, id)
          .map((exchange) => inspector.renderExchange(ctx, exchange))
          .join(''),
      };
    });
    return renderView(ctx, 'lesson', {
      lesson,
      lessons,
      lanes,
      controlsHtml: lesson.controls ? view(lesson.controls) : '',
      notesHtml: readNotes(lesson.dir, ctx.state.lang),
      htmxVersion,
    });
  };
}
