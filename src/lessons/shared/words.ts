// A lesson's own words in the request's language, for what its routes say (error messages, say).
import type { Context } from 'koa';

export type Lang = 'en' | 'ko';

/** The request's language (set from ?lang= or its cookie): Korean, or English for anything else. */
export function langOf(ctx: Context): Lang {
  return ctx.state.lang === 'ko' ? 'ko' : 'en';
}

/** The words of `ctx`'s language, from a lesson's `{ en, ko }`. */
export function wordsFor<T>(ctx: Context, words: Record<Lang, T>): T {
  return words[langOf(ctx)];
}
