// What a lesson is: an id, a title, and two lanes, each with its routes, its page snippet and its code.
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Lang } from './i18n.js';
import type { LessonSpec } from './spec/index.js';

export const laneIds = ['json', 'htmx'] as const;
export type LaneId = (typeof laneIds)[number];
/** Whose traffic a request is: one lane's, or the lesson-wide controls' above both lanes (fault switches, say). */
export type TrafficOwner = LaneId | 'controls';

/** What the app hands a lane's routes: a renderer for the lesson's own views. */
export interface LaneTools {
  /** Renders views/<name>.ejs of this lesson with the request's locals (t, lang, csrfToken) and `locals`. */
  render(ctx: Context, name: string, locals?: object): string;
  /** Renders this lesson's whole page, `locals` over its pageLocals(): for a request that is not htmx's. */
  renderPage(ctx: Context, locals?: object): string;
  /**
   * Renders views/<name>.ejs as a whole document for a frame of this origin's own pages (a lesson whose lanes each
   * run in a frame): framing is allowed to this origin alone, and the inspector counts it as the page, not an exchange.
   */
  renderFrame(ctx: Context, name: string, locals?: object): string;
}

export type LaneRoutes = (router: Router, tools: LaneTools) => void;

export interface Lane {
  routes: LaneRoutes;
  /** The lane's page snippet, a file in views/ rendered into the lesson page. */
  view: string;
  /** The files that make this lane work, relative to the lesson folder, shown in serve's code panel (a starter has none). */
  code?: string[];
}

export interface LessonDefinition {
  id: string;
  title: Record<Lang, string>;
  lanes: Record<LaneId, Lane>;
  /** The lesson's own UI words, merged into `t` for its views (the page's words are in server/i18n.ts). */
  words: Record<Lang, Record<string, string>>;
  /** A view in views/ with lesson-wide controls (a "signed out" switch, say), shown above both lanes. */
  controls?: string;
  /** The routes those controls ask: mounted apart from both lanes, so the inspector never lists them as a lane's. */
  controlRoutes?: LaneRoutes;
  /**
   * Locals the lane views need on a full page render (the current counts, say). `ctx` is the page's request:
   * what belongs to this visitor (a switch's position) or to this request (the host a curl line should name).
   */
  pageLocals(ctx: Context): object;
  /**
   * For a lesson whose lanes are not JSON and htmx (the htmx 2 vs 4 lesson): each lane's own heading. The lane ids
   * stay, so the inspector, the code panels and the mounting work as for any lesson.
   */
  laneHeadings?: Record<LaneId, string>;
  /** False for a lesson whose demos run in frames of their own, out of reach of the page's four-step strip. */
  fourSteps?: false;
  /** Request headers the lesson's wire shows besides the usual HX-* and content ones (a header a listener adds). */
  wireHeaders?: string[];
  /** Folders the lesson serves besides public/ (a second htmx for its frames): versioned URLs, cached for a year. */
  vendorFolders?: Array<{ prefix: string; root: string }>;
  /**
   * Puts all the lesson's server state back to its starting point, everyone's and each visitor's: only from the
   * instructor's console, or by the solo user. None for a lesson that keeps nothing (no button).
   */
  reset?(): void;
  /** Forgets one visitor's own state (their list, their switches); none for a lesson that keeps nothing per visitor. */
  resetVisitor?(visitorId: string): void;
  /**
   * What the page calls each kind of state the lesson keeps, beside its reset: `shared` is everyone's (the
   * like count), `yours` the visitor's own (your list). A key missing means the lesson keeps no such state.
   */
  state?: Partial<Record<'shared' | 'yours', Record<Lang, string>>>;
  /** The lesson's behaviour as checks over HTTP (its spec.ts), loaded only by `htmx-demo verify` and tests. */
  spec?: () => Promise<{ default: LessonSpec }>;
}

export interface Lesson extends LessonDefinition {
  number: number;
  /** The lesson's folder: its views, client scripts and notes are read from here at run time. */
  dir: string;
}
