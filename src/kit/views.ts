// EJS rendering for an app whose page views live in `dir`; lesson views are rendered by their own path.
import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import type { Context } from 'koa';
import type { Lang, Messages } from './i18n.js';

export interface ViewOptions {
  /** The page views' folder (lesson page, error page, error fragment). */
  dir: string;
  /** Compile each file once (serve), or read it on every render so that an edited view shows on reload. */
  cache: boolean;
  /** The page's words: static files are answered before the visitor is known, so their errors use English. */
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

export function createViews({ dir, cache, words, locals = {} }: ViewOptions): Views {
  const compiled = new Map<string, (data: object) => string>();
  const compile = (path: string) => ejs.compile(readFileSync(path, 'utf8'), { filename: path, cache }) as (data: object) => string;
  const file = (path: string, data: object) => (cache ? compiled.get(path) ?? compiled.set(path, compile(path)).get(path)! : compile(path))(data);
  const fallback = { lang: 'en', t: words.en, csrfToken: '', ...locals };
  // Object.assign rather than spreading the request's state: the same own properties, copied several times faster.
  return { file, page: (ctx, name, more = {}) => file(`${dir}/${name}.ejs`, Object.assign({}, fallback, ctx.state, more)) };
}
