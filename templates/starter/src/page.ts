// The lesson page (both lanes side by side) and its Reset button.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context } from 'koa';
import { lessonLocals } from './kit/mount.js';
import { laneIds, type Lesson } from './kit/types.js';
import type { Views } from './kit/views.js';

export function lessonPages(lessons: Lesson[], views: Views) {
  const first = lessons[0]!;

  /** The whole page of one lesson; `overrides` go over the lesson's pageLocals() (renderPage in a lane). */
  const render = (ctx: Context, lesson: Lesson, overrides: object = {}): string => {
    const locals = lessonLocals(ctx, lesson, { ...lesson.pageLocals(ctx), ...overrides });
    const view = (name: string) => views.file(join(lesson.dir, 'views', `${name}.ejs`), locals);
    return views.page(ctx, 'lesson', {
      lesson,
      lessons,
      lanes: laneIds.map((id) => ({ id, html: view(lesson.lanes[id].view) })),
      controlsHtml: lesson.controls ? view(lesson.controls) : '',
    });
  };

  const find = (ctx: Context): Lesson => {
    const lesson = lessons.find((l) => l.id === ctx.params.id);
    return lesson ?? ctx.throw(404, `There is no lesson called "${ctx.params.id}".`);
  };

  const show = (ctx: Context, lesson: Lesson) => {
    ctx.type = 'html';
    ctx.body = render(ctx, lesson);
  };
  const router = new Router();
  router.get('/', (ctx) => show(ctx, first));
  router.get('/lessons/:id', (ctx) => show(ctx, find(ctx)));
  router.post('/lessons/:id/reset', (ctx) => {
    const lesson = find(ctx);
    lesson.reset?.(); // a lesson that keeps nothing has nothing to reset
    ctx.redirect(lesson === first ? '/' : `/lessons/${lesson.id}`);
    ctx.status = 303;
  });

  return { router, render };
}
