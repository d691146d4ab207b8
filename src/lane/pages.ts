// The lesson page, the reset action and the inspector stream: everything around the lanes.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context } from 'koa';
import { htmxVersion } from '../server/paths.js';
import { renderFile, renderView } from '../server/views.js';
import { readCodeFile, readNotes } from './code-panel.js';
import type { Inspector } from './inspector.js';
import { lessonLocals } from './mount.js';
import { laneIds, type Lesson } from './types.js';

export function pageRoutes(lessons: Lesson[], inspector: Inspector): Router {
  const router = new Router();
  const first = lessons[0]!;

  router.get('/', (ctx) => renderLessonPage(ctx, first, lessons, inspector));
  router.get('/lessons/:id', (ctx) => {
    const lesson = lessons.find((l) => l.id === ctx.params.id);
    if (!lesson) return ctx.throw(404, `There is no lesson called "${ctx.params.id}".`);
    renderLessonPage(ctx, lesson, lessons, inspector);
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

function renderLessonPage(ctx: Context, lesson: Lesson, lessons: Lesson[], inspector: Inspector): void {
  const locals = lessonLocals(ctx, lesson, lesson.pageLocals());
  const lanes = laneIds.map((id) => {
    const lane = lesson.lanes[id];
    return {
      id,
      demoHtml: renderFile(join(lesson.dir, 'views', `${lane.view}.ejs`), locals),
      code: lane.code.map((file) => readCodeFile(lesson.dir, file)),
      exchangesHtml: inspector.store
        .list(ctx.state.visitorId, lesson.id, id)
        .map((exchange) => inspector.renderExchange(ctx, exchange))
        .join(''),
    };
  });
  ctx.type = 'html';
  ctx.body = renderView(ctx, 'lesson', {
    lesson,
    lessons,
    lanes,
    notesHtml: readNotes(lesson.dir, ctx.state.lang),
    htmxVersion,
  });
}
