// EJS rendering for an app whose views live in `dir`: a lesson's own views, and the page views around them.
import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import type { Context } from 'koa';
import type { Lang, Messages } from './i18n.js';

export interface ViewOptions {
  /** The folder of the page views (lesson page, error page, error fragment). */
  dir: string;
  /** Compile each file once (serve), or read it on every render so an edited view shows on reload (a starter). */
  cache: boolean;
  /** The page's words: static files are answered before the visitor is known, so their errors fall back to English. */
  words: Record<Lang, Messages>;
  /** Locals every page view gets (the htmx version its <script> names, say). */
  locals?: object;
}

export interface Views {
  /** Renders an EJS file. `<%= %>` escapes; `<%- %>` is only for trusted, server-made HTML (include()). */
  file(path: string, data: object): string;
  /** Renders `<dir>/<name>.ejs` with the request's locals (t, lang, csrfToken) and `locals`. */
  page(ctx: Context, name: string, locals?: object): string;
}

type Template = (data: object) => string;

export function createViews({ dir, cache, words, locals = {} }: ViewOptions): Views {
  const compiled = new Map<string, Template>();
  const compile = (path: string) => ejs.compile(readFileSync(path, 'utf8'), { filename: path, cache }) as Template;
  const file = (path: string, data: object): string => {
    if (!cache) return compile(path)(data);
    let template = compiled.get(path);
    if (!template) compiled.set(path, (template = compile(path)));
    return template(data);
  };
  const fallback = { lang: 'en', t: words.en, csrfToken: '', ...locals };
  return {
    file,
    page: (ctx, name, more = {}) => file(`${dir}/${name}.ejs`, { ...fallback, ...ctx.state, ...more }),
  };
}
