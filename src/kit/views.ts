// EJS rendering: each template is read and compiled once, then reused for every request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import type { Context } from 'koa';
import { messages } from './i18n.js';
import { htmxVersion, templatesDir } from './paths.js';

type Template = (data: object) => string;
const compiled = new Map<string, Template>();

/** Renders an EJS file. `<%= %>` escapes; templates use `<%- %>` only for trusted, server-made HTML. */
export function renderFile(file: string, data: object): string {
  let template = compiled.get(file);
  if (!template) {
    template = ejs.compile(readFileSync(file, 'utf8'), { filename: file, cache: true }) as Template;
    compiled.set(file, template);
  }
  return template(data);
}

/**
 * Static files are served before the visitor is identified; their error pages fall back to English.
 * Every page's shell loads htmx by its versioned URL, error pages included.
 */
const fallbackLocals = { lang: 'en', t: messages.en, csrfToken: '', htmxVersion };

const viewsDir = join(templatesDir, 'views');

/** Renders a shared view from templates/views with the request's locals (t, lang, csrfToken). */
export function renderView(ctx: Context, name: string, locals: object = {}): string {
  return renderFile(`${viewsDir}/${name}.ejs`, { ...fallbackLocals, ...ctx.state, ...locals });
}
