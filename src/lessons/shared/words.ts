// A lesson's own words in the request's language, for what its routes say (error messages, say).
import type { Context } from 'koa';
import type { Lang } from '../../kit/i18n.js';

/** The request's language (set from ?lang= or its cookie by identifyVisitor). */
export function langOf(ctx: Context): Lang {
  return ctx.state.lang;
}

/** The words of `ctx`'s language, from a lesson's `{ en, ko }`. */
export function wordsFor<T>(ctx: Context, words: Record<Lang, T>): T {
  return words[langOf(ctx)];
}
