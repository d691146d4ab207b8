// The lesson page, the wrap-up page, the reset action and the inspector stream: everything around the lanes.
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { Lang } from '../kit/i18n.js';
import { htmxVersion } from '../kit/paths.js';
import { renderFile, renderView } from './views.js';
import { codePanels, codePanelsOf } from './code-panels.js';
import { pagePartRoutes } from './parts-route.js';
import { type ExchangeStore, renderExchange, streamPath, streamUrl } from './inspector/index.js';
import { lessonPath, pagerFor, wrapUpPath } from './lesson-links.js';
import type { PageRenderer } from '../kit/mount.js';
import { cachedLessonLocals } from './lanes.js';
import { lessonNotes, notesFile, readNotes } from './notes.js';
import { laneIds, type Lesson, type TrafficOwner } from '../kit/types.js';
import { walkthroughFor } from './walkthrough.js';
import { renderWrapUp, wrapUpFile, wrapUpProse } from './wrap-up.js';
import { workshopWords } from './words.js';

export function pageRoutes(lessons: Lesson[], renderPage: PageRenderer, inspectorStream: Middleware): Router {
  const router = new Router();
  const first = lessons[0]!;

  const show = async (ctx: Context, lesson: Lesson) => {
    await pageFilesReady([lesson], ctx.state.lang);
    ctx.type = 'html';
    ctx.body = renderPage(ctx, lesson, {});
  };
  router.get('/', (ctx) => show(ctx, first));
  router.get('/lessons/:id', (ctx) => {
    const lesson = lessons.find((l) => l.id === ctx.params.id);
    if (!lesson) return ctx.throw(404, `There is no lesson called "${ctx.params.id}".`);
    return show(ctx, lesson);
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
    // The walkthrough stays on the step the reset was pressed at.
    const step = typeof body?.step === 'string' && /^(\d{1,9}|all)$/.test(body.step) ? `?step=${body.step}` : '';
    ctx.redirect((lesson === first ? '/' : lessonPath(lesson)) + step);
    ctx.status = 303;
  });
  router.get(wrapUpPath, async (ctx) => {
    await Promise.all([pageFilesReady(lessons, ctx.state.lang), wrapUpProse.ready([wrapUpFile(ctx.state.lang)])]);
    ctx.type = 'html';
    ctx.body = renderWrapUp(ctx, lessons);
  });
  router.get(streamPath, inspectorStream);
  pagePartRoutes(router, lessons);
  return router;
}

/**
 * The lessons' code panels and notes in `lang`, with the library that renders them loaded first if any of them
 * changed since the build (a page awaits this; a lane's whole-page answer renders at once).
 */
async function pageFilesReady(lessons: Lesson[], lang: Lang): Promise<void> {
  const code = lessons.flatMap((lesson) => laneIds.flatMap((id) => (lesson.lanes[id].code ?? []).map((file) => join(lesson.dir, file))));
  await Promise.all([codePanels.ready(code), lessonNotes.ready(lessons.map((lesson) => notesFile(lesson.dir, lang)))]);
}

/** The lesson page: the walkthrough, lesson-wide controls, and per lane its demo, four-step strip, wire and code. */
export function lessonPageRenderer(lessons: Lesson[], store: ExchangeStore): PageRenderer {
  return (ctx, lesson, overrides) => {
    const locals = cachedLessonLocals(ctx, lesson, { ...lesson.pageLocals(ctx), ...overrides });
    const view = (name: string) => renderFile(join(lesson.dir, 'views', `${name}.ejs`), locals);
    const wireHtml = (owner: TrafficOwner) => store
      .list(ctx.state.visitorId, lesson.id, owner)
      .map((exchange) => renderExchange(ctx, exchange))
      .join('');
    const lang = ctx.state.lang;
    const pager = pagerFor(lessons, lesson, lang, workshopWords[lang]);
    // A lane route's full-page answer (JS off) is not at the lesson's URL: its step links go to the lesson page.
    const path = ctx.method === 'GET' && (ctx.path === '/' || ctx.path === lessonPath(lesson)) ? ctx.path : lessonPath(lesson);
    const walk = walkthroughFor(readNotes(lesson.dir, lang), ctx.query.step, path, workshopWords[lang], pager.next);
    const lanes = laneIds.map((id) => {
      const lane = lesson.lanes[id];
      return {
        id,
        demoHtml: view(lane.view),
        // Code files stay folded (and out of the page) except in the lane whose code the shown step points at.
        code: codePanelsOf(lesson, id, walk?.highlight === `${id}-code`),
        exchangesHtml: wireHtml(id),
      };
    });
    // The controls' own traffic is listed apart from both lanes.
    const controlsWireHtml = lesson.controlRoutes ? wireHtml('controls') : undefined;
    return renderView(ctx, 'lesson', {
      lesson,
      lessons,
      lanes,
      controlsHtml: lesson.controls ? view(lesson.controls) : '',
      controlsWireHtml,
      walk,
      pager,
      // The language and text-size switches keep the step the visitor is on.
      keepStep: ctx.query.step === undefined || !walk ? '' : walk.all ? 'all' : String(walk.current),
      htmxVersion,
      inspectorStream: streamUrl(lesson.id, store.recordedUpTo(ctx.state.visitorId)),
    });
  };
}
