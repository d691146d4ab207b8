// Serves files from one folder under one URL prefix; nothing outside that folder can be reached.
// fs.promises rather than node:fs/promises: loaded with the first file served, not with the server.
import { createReadStream, promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticOptions {
  /** Cache-Control max-age in seconds; versioned URLs can be cached for a year. */
  maxAge: number;
  immutable?: boolean;
}

export interface Folder extends StaticOptions {
  /** The URL prefix, e.g. /static/; a longer prefix listed first wins over a shorter one that also matches. */
  prefix: string;
  root: string;
}

/** Several folders, each under its prefix, in one middleware: a request for none of them passes on at once. */
export function serveFolders(folders: Folder[]): Middleware {
  const served = folders.map(({ prefix, root, ...options }) => ({ prefix, serve: serveStatic(prefix, root, options) }));
  const roots = [...new Set(folders.map(({ prefix }) => prefix.slice(0, prefix.indexOf('/', 1) + 1)))];
  return (ctx, next) => {
    if (!roots.some((root) => ctx.path.startsWith(root))) return next();
    const folder = served.find(({ prefix }) => ctx.path.startsWith(prefix));
    return folder ? folder.serve(ctx, next) : next();
  };
}

export function serveStatic(prefix: string, root: string, { maxAge, immutable = false }: StaticOptions): Middleware {
  const rootDir = resolve(root);
  // The root's own real location (it may itself be reached through a link, as in a linked install), found once.
  let realRoot: Promise<string> | undefined;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.set('Allow', 'GET, HEAD');
      ctx.throw(405, 'Method not allowed');
    }
    const file = resolveInside(rootDir, decodePath(ctx.path.slice(prefix.length)));
    const type = file && contentTypes[extname(file)];
    const info = type ? await fs.stat(file).catch(() => null) : null;
    if (!file || !type || !info?.isFile()) return ctx.throw(404, 'Not found');
    // A link inside the folder may point anywhere (a public/ folder is the user's to fill): what it reaches must
    // lie inside the folder too.
    const real = await realPathInside(file, (realRoot ??= fs.realpath(rootDir).catch(() => rootDir)));
    if (!real) return ctx.throw(404, 'Not found');

    ctx.type = type;
    ctx.length = info.size;
    ctx.lastModified = info.mtime;
    ctx.set('Cache-Control', `public, max-age=${maxAge}${immutable ? ', immutable' : ''}`);
    ctx.status = 200;
    if (ctx.method === 'GET') ctx.body = createReadStream(real);
  };
}

/** Where `file` really is, if that is inside the folder's real location; else null. */
async function realPathInside(file: string, realRoot: Promise<string>): Promise<string | null> {
  const real = await fs.realpath(file).catch(() => null);
  return real !== null && real.startsWith((await realRoot) + sep) ? real : null;
}

/** Percent-decodes once; a malformed escape is treated as a name that cannot exist. */
function decodePath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '\0';
  }
}

/**
 * Anything that could step out of the folder
 * (.., backslashes, NUL, a leading dot file) is refused rather than cleaned up.
 */
function resolveInside(rootDir: string, relative: string): string | null {
  if (/[\\\0]/.test(relative)) return null;
  const parts = relative.split('/').filter(Boolean);
  if (parts.length === 0 || parts.some((part) => part.startsWith('.'))) return null;
  const file = resolve(rootDir, ...parts);
  return file.startsWith(rootDir + sep) ? file : null;
}
