// Headers every response carries, and the size limit on request bodies.
import type { Readable } from 'node:stream';
import type { Context, Middleware } from 'koa';
import { isTrustworthyOrigin } from './hosts.js';

/** Scripts come only from this origin: no inline script, no eval, no CDN. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * For a page made to sit in a frame of this origin's own pages (the htmx 2 vs 4 lesson runs each version in one):
 * the same policy, with framing allowed to this origin only.
 */
export function allowSameOriginFrame(ctx: Context): void {
  ctx.set({
    'Content-Security-Policy': contentSecurityPolicy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
    'X-Frame-Options': 'SAMEORIGIN',
  });
}

const everyResponse = Object.entries({
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
});

export function securityHeaders(): Middleware {
  return (ctx, next) => {
    // Node's setHeader, not Koa's ctx.set: the same headers, on every response, with less in between.
    for (const [name, value] of everyResponse) ctx.res.setHeader(name, value);
    // Ignored, with a console error on every page, where the origin is not trustworthy (a LAN address over HTTP).
    if (isTrustworthyOrigin(ctx)) ctx.res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    return next();
  };
}

/**
 * Refuses a declared body over the limit before anything reads it. A chunked body is held to the
 * same limit while it is read: by the body parser for its types, by limitUnreadBody for the rest.
 */
export function limitBodySize(maxBytes: number): Middleware {
  return async (ctx, next) => {
    const declared = Number(ctx.get('Content-Length') || 0);
    if (declared > maxBytes) ctx.throw(413, `Request body is larger than ${maxBytes} bytes`);
    try {
      await next();
    } catch (err) {
      // A reader that stopped at the limit leaves the upload paused: the client would block on it and
      // see a reset instead of our 413. Dropping the rest lets it finish sending and read the answer.
      if ((err as { status?: number }).status === 413) ctx.req.resume();
      throw err;
    }
  };
}

/**
 * Goes after the body parser: a body it left unread (another type, or a DELETE) is counted and
 * dropped here, so a chunked upload cannot slip past the limit by its Content-Type.
 */
export function limitUnreadBody(maxBytes: number): Middleware {
  const countThenGoOn: Middleware = async (ctx, next) => {
    if ((await countBytes(ctx.req, maxBytes)) > maxBytes) ctx.throw(413, `Request body is larger than ${maxBytes} bytes`);
    await next();
  };
  return (ctx, next) => {
    const { req } = ctx;
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    return hasBody && !req.readableEnded ? countThenGoOn(ctx, next) : next();
  };
}

/** Reads a stream to its end, or until just past `stopAfter` bytes; the total seen so far. */
function countBytes(stream: Readable, stopAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const finish = (err?: Error) => {
      stream.off('data', onData).off('end', onEnd).off('close', onAbort).off('error', onAbort);
      if (err) reject(err);
      else resolve(seen);
    };
    const onEnd = () => finish();
    // Cut off mid-body: the client's doing, not a server error (the body parser answers the same 400).
    const onAbort = () => finish(Object.assign(new Error('Request aborted'), { status: 400, expose: true }));
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > stopAfter) finish();
    };
    stream.on('data', onData).once('end', onEnd).once('close', onAbort).once('error', onAbort);
  });
}

/**
 * Deeper than any lesson's body by far. JSON.parse reads thousands of levels in a 16 KB body, but
 * JSON.stringify, a template or any recursive walk of it would overflow the stack: a 500 for a lane that
 * echoes what it received, and for every page that shows it afterwards.
 */
export const maxBodyDepth = 32;

/** Runs after the body parser: a parsed body nested deeper than maxBodyDepth is a 400. */
export function limitBodyDepth(): Middleware {
  return (ctx, next) => {
    if (depthOf(ctx.request.body) > maxBodyDepth) ctx.throw(400, `The body is nested more than ${maxBodyDepth} levels deep.`);
    return next();
  };
}

/** How many objects and arrays deep `value` goes, counted without recursion (which is what it guards). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > maxBodyDepth) break;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}
