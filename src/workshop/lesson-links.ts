// The workshop's pages in order (every lesson, then the wrap-up), and each page's previous and next.
import type { Lang } from '../kit/i18n.js';
import type { WorkshopWords } from './words.js';
import type { Lesson } from '../kit/types.js';

export const wrapUpPath = '/wrap-up';

export interface PageLink {
  href: string;
  /** "2. Like and unlike", or the wrap-up's title. */
  label: string;
}

export interface Pager {
  prev?: PageLink;
  next?: PageLink;
}

export function lessonPath(lesson: Lesson): string {
  return `/lessons/${lesson.id}`;
}

export function lessonLabel(lesson: Lesson, lang: Lang): string {
  return `${lesson.number}. ${lesson.title[lang]}`;
}

function sequence(lessons: Lesson[], lang: Lang, t: WorkshopWords): PageLink[] {
  return [
    ...lessons.map((lesson) => ({ href: lessonPath(lesson), label: lessonLabel(lesson, lang) })),
    { href: wrapUpPath, label: t.wrapUpTitle },
  ];
}

/** The pager of a lesson, or of the wrap-up when `lesson` is undefined. */
export function pagerFor(lessons: Lesson[], lesson: Lesson | undefined, lang: Lang, t: WorkshopWords): Pager {
  const pages = sequence(lessons, lang, t);
  const index = lesson ? lessons.indexOf(lesson) : lessons.length;
  return { prev: pages[index - 1], next: pages[index + 1] };
}
