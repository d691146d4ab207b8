// The parts of a lesson page that come when they are shown, so a first view loads only what it shows: a folded code
// panel's file (/_code/<lesson>/<lane>/<n>, the very <pre> an unfolded panel has in the page) and a walkthrough
// step's text (/_steps/<lesson>/<n>, as the page renders the step it opens on). htmx asks for both; a browser
// without script gets the code file on a page of its own, and the step as the lesson page at ?step=<n>.
import { join } from 'node:path';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { laneIds, type LaneId, type Lesson } from '../kit/types.js';
import { codePanels, readCodeFile } from './code-panels.js';
import { lessonPath } from './lesson-links.js';
import { lessonNotes, notesFile, readNotes } from './notes.js';
import { templatesDir } from './paths.js';
import { renderFile, renderView } from './views.js';

/** A 1-based or 0-based number as a route writes it (a few digits), else -1. */
const numberIn = (text: string | undefined) => (/^\d{1,4}$/.test(text ?? '') ? Number(text) : -1);
const fromHtmx = (ctx: Context) => ctx.get('HX-Request') === 'true';

export function pagePartRoutes(router: Router, lessons: Lesson[]): void {
  const lessonOf = (ctx: Context) => lessons.find((l) => l.id === ctx.params.lesson);

  router.get('/_code/:lesson/:lane/:index', async (ctx) => {
    const lesson = lessonOf(ctx);
    const laneId = laneIds.find((id) => id === ctx.params.lane) as LaneId | undefined;
    const name = lesson && laneId ? lesson.lanes[laneId].code?.[numberIn(ctx.params.index)] : undefined;
    if (!lesson || !name) return ctx.throw(404, 'There is no such code file.');
    await codePanels.ready([join(lesson.dir, name)]);
    const file = readCodeFile(lesson.dir, name);
    ctx.vary('HX-Request');
    ctx.type = 'html';
    ctx.body = fromHtmx(ctx)
      ? renderFile(join(templatesDir, 'views', '_code-file.ejs'), { file })
      : renderView(ctx, 'code-file', { file, lesson, lessonHref: lessonPath(lesson) });
  });

  router.get('/_steps/:lesson/:step', async (ctx) => {
    const lesson = lessonOf(ctx);
    const number = numberIn(ctx.params.step);
    const lang = ctx.state.lang;
    await lessonNotes.ready(lesson ? [notesFile(lesson.dir, lang)] : []);
    const step = lesson ? readNotes(lesson.dir, lang)[number - 1] : undefined;
    if (!lesson || !step) return ctx.throw(404, 'There is no such walkthrough step.');
    ctx.vary('HX-Request');
    if (!fromHtmx(ctx)) {
      ctx.status = 303;
      return ctx.redirect(`${lessonPath(lesson)}?step=${number}`);
    }
    ctx.type = 'html';
    ctx.body = step.html;
  });
}
