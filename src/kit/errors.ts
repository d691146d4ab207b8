// One error path: the status a client may see, in the shape it asked for (JSON, fragment or page).
import { STATUS_CODES } from 'node:http';
import type { Context, Middleware } from 'koa';
import type { Views } from './views.js';

interface HttpError extends Error {
  status?: number;
  expose?: boolean;
  headers?: Record<string, string>;
}

/**
 * Catches everything below it. A bare error status (an unmatched route's 404, the router's 405
 * with its Allow header) gets a body too. 5xx details stay in the server log. `views` has error-page and error-fragment.
 */
export function handleErrors(views: Views): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      // The connection is gone (a client that hung up, a lesson that cut it on purpose): nobody to answer.
      if (!ctx.writable) return;
      // The router answers 501 to a method no route uses at all (TRACE, PROPFIND): the client's mistake,
      // not a fault for the server log. A path that exists does not take it (405); any other is not here.
      if (ctx.status === 501) {
        const allowed = ctx.response.get('Allow');
        if (!allowed) ctx.remove('Allow');
        ctx.status = allowed ? 405 : 404;
      }
      if (ctx.status >= 400 && ctx.body == null) ctx.throw(ctx.status);
    } catch (caught) {
      const err = asClientError(ctx, caught as HttpError);
      const status = err.status && err.status >= 400 && err.status < 600 ? err.status : 500;
      if (status >= 500) ctx.app.emit('error', err, ctx);
      const message = err.expose ? err.message : (STATUS_CODES[status] ?? 'Error');
      ctx.set(err.headers ?? {});
      ctx.status = status;
      sendError(ctx, views, status, message);
    }
  };
}

/**
 * zlib's own errors (gzip, deflate, br) carry no status: a compressed body that does not decompress is the
 * client's bad input, not a server fault. Only a request that declared a Content-Encoding can cause them here.
 */
const corruptCompressionCode = /^(Z_(DATA|BUF|NEED_DICT)_ERROR|ERR__ERROR_|ERR_BROTLI)/;

function asClientError(ctx: Context, err: HttpError): HttpError {
  const code = String((err as { code?: unknown }).code ?? '');
  const encoding = ctx.get('Content-Encoding');
  if (err.status || !encoding || !corruptCompressionCode.test(code)) return err;
  return Object.assign(new Error(`The request body could not be decompressed (Content-Encoding: ${encoding.slice(0, 40)}).`), { status: 400, expose: true });
}

function sendError(ctx: Context, views: Views, status: number, message: string): void {
  ctx.vary('HX-Request');
  ctx.vary('Accept');
  if (wantsJson(ctx)) {
    ctx.body = { error: { status, message } };
  } else if (ctx.get('HX-Request') === 'true') {
    // htmx 4 swaps 4xx/5xx answers into the request's target: a lesson's button would be replaced by
    // the message. On a lesson page the message goes to the lane's own error slot instead.
    if (ctx.state.lane) ctx.set({ 'HX-Retarget': `#lane-errors-${ctx.state.lane}`, 'HX-Reswap': 'innerHTML' });
    ctx.type = 'html';
    ctx.body = views.page(ctx, 'error-fragment', { status, message });
  } else {
    ctx.type = 'html';
    ctx.body = views.page(ctx, 'error-page', { status, message });
  }
}

function wantsJson(ctx: Context): boolean {
  return ctx.path.startsWith('/api/') || ctx.path === '/api' || ctx.state.lane === 'json';
}

/** Codes that mean the client went away (closed tab, cut upload): nothing to fix on the server. */
const clientGoneCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'HPE_INVALID_EOF_STATE']);

export function isClientGone(err: unknown): boolean {
  return clientGoneCodes.has(String((err as { code?: unknown } | null)?.code));
}
