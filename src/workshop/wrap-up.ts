// The closing page: when to use which (prose in templates/wrap-up/), what each lesson showed (from its notes), and
// how much code each lane needed (measured).
import { join } from 'node:path';
import type { Context } from 'koa';
import type { Lang } from '../kit/i18n.js';
import { htmxVersion } from '../kit/paths.js';
import { templatesDir } from './paths.js';
import { renderView } from './views.js';
import { workshopWords } from './words.js';
import { measureLessons } from './code-size.js';
import { lessonPath, pagerFor } from './lesson-links.js';
import { escapeHtml } from './escape-html.js';
import { loadMarked, readNotes } from './notes.js';
import { prebuilt } from './prebuilt.js';
import type { Lesson } from '../kit/types.js';

export interface LessonPoint {
  lesson: Lesson;
  href: string;
  /** The lesson's last step states its point; its title (trusted HTML) is the summary, linked to that step. */
  pointHtml: string;
  pointHref: string;
}

export function lessonPoints(lessons: Lesson[], lang: Lang): LessonPoint[] {
  return lessons.map((lesson) => {
    const steps = readNotes(lesson.dir, lang);
    const href = lessonPath(lesson);
    return { lesson, href, pointHtml: steps.at(-1)?.titleHtml ?? '', pointHref: `${href}?step=${steps.length || 1}` };
  });
}

/** The wrap-up's prose in each language, rendered by the build, or here if it changed since. */
export const wrapUpProse = prebuilt({
  kind: 'wrap-up',
  library: 'marked',
  load: loadMarked,
  make: (marked, text) => marked.parse(text, { async: false }),
  plain: (text) => `<pre>${escapeHtml(text)}</pre>`,
});

export const wrapUpFile = (lang: Lang) => join(templatesDir, 'wrap-up', `wrap-up.${lang}.md`);

export function renderWrapUp(ctx: Context, lessons: Lesson[]): string {
  const lang = ctx.state.lang;
  const proseHtml = wrapUpProse.read(wrapUpFile(lang));
  return renderView(ctx, 'wrap-up', {
    lessons,
    points: lessonPoints(lessons, lang),
    codeSize: measureLessons(lessons),
    proseHtml,
    pager: pagerFor(lessons, undefined, lang, workshopWords[lang]),
    htmxVersion,
  });
}
