// One code panel on its own, at /_code/<lesson>/<lane>/<n>: htmx asks for it when a folded panel is unfolded and
// gets the very <pre> the lesson page renders for an unfolded one; a browser without script gets a page of its own.
import { join } from 'node:path';
import type Router from '@koa/router';
import { laneIds, type LaneId, type Lesson } from '../kit/types.js';
import { codePanels, readCodeFile } from './code-panels.js';
import { lessonPath } from './lesson-links.js';
import { templatesDir } from './paths.js';
import { renderFile, renderView } from './views.js';

export function codePanelRoutes(router: Router, lessons: Lesson[]): void {
  router.get('/_code/:lesson/:lane/:index', async (ctx) => {
    const lesson = lessons.find((l) => l.id === ctx.params.lesson);
    const laneId = laneIds.find((id) => id === ctx.params.lane) as LaneId | undefined;
    const index = /^\d{1,4}$/.test(ctx.params.index ?? '') ? Number(ctx.params.index) : -1;
    const name = lesson && laneId ? lesson.lanes[laneId].code?.[index] : undefined;
    if (!lesson || !name) return ctx.throw(404, 'There is no such code file.');
    await codePanels.ready([join(lesson.dir, name)]);
    const file = readCodeFile(lesson.dir, name);
    ctx.vary('HX-Request');
    ctx.type = 'html';
    ctx.body = ctx.get('HX-Request') === 'true'
      ? renderFile(join(templatesDir, 'views', '_code-file.ejs'), { file })
      : renderView(ctx, 'code-file', { file, lesson, lessonHref: lessonPath(lesson) });
  });
}
