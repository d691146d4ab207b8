// EJS rendering. Templates are read on every render, so an edited view shows on the next reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import type { Context } from 'koa';
import { messages } from './i18n.js';
import { htmxVersion, viewsDir } from './paths.js';

/** Renders an EJS file. `<%= %>` escapes; `<%- %>` is only for trusted HTML made on the server (include()). */
export function renderFile(file: string, data: object): string {
  return ejs.render(readFileSync(file, 'utf8'), data, { filename: file });
}

/** Static files are answered before the visitor is known: their error pages fall back to these. */
const fallbackLocals = { lang: 'en', t: messages.en, csrfToken: '', htmxVersion };

/** Renders a page view from views/ with the request's locals (t, lang, csrfToken) and `locals`. */
export function renderView(ctx: Context, name: string, locals: object = {}): string {
  return renderFile(join(viewsDir, `${name}.ejs`), { ...fallbackLocals, ...ctx.state, ...locals });
}
