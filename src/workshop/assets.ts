// The tool's own stylesheets and scripts (templates/assets and the code theme, never a lesson's files) as one file
// of each kind per page: a bundle is its sources joined in order. The build saves each bundle minified, with a digest of the
// sources it joined (dist/assets.json); while the sources are as the build saw them that is what is served, else
// the sources joined as they are now, so an edit shows on the next page load, as every other file does.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Middleware } from 'koa';
import { packageRoot } from '../kit/paths.js';
import { highlightStylesDir, templatesDir } from './paths.js';

/** highlight.js's stylesheet for the code panels (serve.css darkens some of its colours). */
export const codeTheme = 'github.min.css';
const own = (file: string) => join(templatesDir, 'assets', file);

/** Each bundle's sources, in the order the page loaded them as separate files. */
export const bundles: Record<string, string[]> = {
  'page.css': [own('app.css'), own('serve.css'), own('connection.css'), join(highlightStylesDir, codeTheme)],
  'page.js': [own('layout.js'), own('inspector.js')],
  'lesson.js': [own('layout.js'), own('inspector.js'), own('connection.js'), own('walkthrough.js')],
};

/** What the build saved: { [bundle]: { digest of the joined sources, minified text } }. */
export type SavedBundles = Record<string, { digest: string; text: string }>;

export const savedBundlesFile = join(packageRoot, 'dist', 'assets.json');
const contentTypes: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export const digestOf = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A bundle's sources as they are on disk now, joined (a script's own `;` closes it before the next begins). */
export function joinBundle(name: string): string {
  const separator = name.endsWith('.js') ? '\n;\n' : '\n';
  return bundles[name]!.map((file) => readFileSync(file, 'utf8')).join(separator);
}

/** Serves /static/<bundle>; every other path passes on. */
export function serveBundles(savedFile = savedBundlesFile): Middleware {
  let saved: SavedBundles | undefined;
  const made = new Map<string, { stamp: string; text: string; etag: string }>();
  const stampOf = (name: string) => bundles[name]!.map((file) => {
    const info = statSync(file);
    return `${info.mtimeMs}:${info.size}`;
  }).join(',');

  const current = (name: string) => {
    const stamp = stampOf(name);
    const hit = made.get(name);
    if (hit?.stamp === stamp) return hit;
    saved ??= readSaved(savedFile);
    const joined = joinBundle(name);
    const digest = digestOf(joined);
    const built = saved[name]?.digest === digest ? saved[name].text : undefined;
    const entry = { stamp, text: built ?? joined, etag: `"${digest}${built === undefined ? '' : '-min'}"` };
    made.set(name, entry);
    return entry;
  };

  return async (ctx, next) => {
    const name = ctx.path.startsWith('/static/') ? ctx.path.slice('/static/'.length) : '';
    if (!Object.hasOwn(bundles, name)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.set('Allow', 'GET, HEAD');
      return ctx.throw(405, 'Method not allowed');
    }
    const { text, etag } = current(name);
    ctx.type = contentTypes[extname(name)]!;
    ctx.set('Cache-Control', 'public, max-age=0');
    ctx.etag = etag;
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = text;
  };
}

function readSaved(file: string): SavedBundles {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SavedBundles;
  } catch {
    return {}; // not built (a run from the sources): the joined sources are served
  }
}
