// A lesson's own words in the request's language, for what its routes say (error messages, say).
import type { Context } from 'koa';

/** The words of `ctx`'s language (set from ?lang= or its cookie), English when it is not one of them. */
export function wordsFor<T>(ctx: Context, words: { en: T; ko: T }): T {
  return ctx.state.lang === 'ko' ? words.ko : words.en;
}
