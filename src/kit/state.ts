// What a request carries in ctx.state once the visitor is known: declared once, for every middleware and lesson.
import type { Lang, Messages } from './i18n.js';
import type { LaneId } from './types.js';

export type TextSize = 'normal' | 'large';

export interface RequestState {
  /** The visitor cookie's id: what per-visitor state is keyed by. Empty until identifyVisitor has run. */
  visitorId: string;
  lang: Lang;
  textSize: TextSize;
  /** The page's words in `lang`. */
  t: Messages;
  csrfToken: string;
  /** The lane a lesson request belongs to, known before any lane code runs. */
  lane?: LaneId;
  /** Set by a lane's frame page (LaneTools.renderFrame): the lane's page loading, not an exchange to record. */
  framePage?: boolean;
}

declare module 'koa' {
  interface DefaultState extends RequestState {}
}
