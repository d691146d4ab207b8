// serve's lanes: the kit's lane routers, with each lesson's words merged once per language instead of per render.
import type { Context } from 'koa';
import { type LaneRoute, laneOf, laneRouters, type PageRenderer } from '../kit/mount.js';
import type { Lang } from '../kit/i18n.js';
import type { Lesson } from '../kit/types.js';

export interface MountedLanes {
  /** Every lane, in lesson order. */
  lanes: LaneRoute[];
  /** Which lesson and lane a request is for. */
  match(ctx: Context): LaneRoute | undefined;
}

export function mountLanes(lessons: Lesson[], renderFile: (file: string, data: object) => string, renderPage: PageRenderer): MountedLanes {
  const lanes = laneRouters(lessons, renderFile, renderPage, cachedLessonLocals);
  return { lanes, match: (ctx) => laneOf(lanes, ctx) };
}

/** The page's words and a lesson's, merged once per lesson and language rather than on every render. */
const merged = new WeakMap<Lesson, Partial<Record<Lang, object>>>();

export function cachedLessonLocals(ctx: Context, lesson: Lesson, locals: object): object {
  const { t, lang } = ctx.state;
  let byLang = merged.get(lesson);
  if (!byLang) merged.set(lesson, (byLang = {}));
  // Keyed by language: every visitor of one language shares the one words object identifyVisitor gave them.
  // Object.assign rather than spreading: the same own properties, copied several times faster (V8 12).
  const words = (byLang[lang] ??= { ...t, ...lesson.words[lang] });
  const viewLocals: Record<string, unknown> = Object.assign({}, ctx.state);
  viewLocals.t = words;
  return Object.assign(viewLocals, locals);
}
