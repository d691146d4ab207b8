// Headers every response carries, and the size limit on request bodies.
import type { Middleware } from 'koa';

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

export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    ctx.set({
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    await next();
  };
}

/**
 * Refuses a declared body over the limit before anything reads it. Chunked bodies are
 * held to the same limit by the body parser, which stops reading at it.
 */
export function limitBodySize(maxBytes: number): Middleware {
  return async (ctx, next) => {
    const declared = Number(ctx.get('Content-Length') || 0);
    if (declared > maxBytes) ctx.throw(413, `Request body is larger than ${maxBytes} bytes`);
    await next();
  };
}
