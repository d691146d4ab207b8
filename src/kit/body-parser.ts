// Request bodies (JSON, form, text), with the parser loaded on the first request that can have one.
import type { bodyParser as createBodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';

type BodyParserOptions = NonNullable<Parameters<typeof createBodyParser>[0]>;

/**
 * The methods whose body is parsed; any other request passes straight on, as it would through the parser.
 * DELETE too: lessons 2 and 6 use it, and a body sent with one is checked like any other, not ignored.
 */
const parsedMethods = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * @koa/bodyparser, imported on first use: it brings co-body, qs and iconv-lite, a good part of
 * `serve`'s start-up time, while the first page load has no body to parse.
 */
export function lazyBodyParser(options: Omit<BodyParserOptions, 'parsedMethods'>): Middleware {
  let parser: Promise<Middleware> | undefined;
  const load = () => import('@koa/bodyparser').then(({ bodyParser }) => bodyParser({ ...options, parsedMethods }) as Middleware);
  // A page has been answered: load the parser once the answer is on its way, so the learner's first click
  // does not pay for it (its server time would make whichever lane is clicked first look slow).
  const loadSoon = () => {
    if (!parser) setImmediate(() => (parser ??= load()));
  };
  return (ctx, next) => {
    if (!parsedMethods.includes(ctx.method)) return parser ? next() : next().then(loadSoon);
    // No Content-Type: the parser would set an empty body without reading anything (limitUnreadBody counts what
    // there is). The same here, without a turn of waiting for it; a closed request still gets the parser's 499.
    if (ctx.req.headers['content-type'] === undefined && ctx.request.body === undefined && !ctx.req.closed) {
      ctx.request.body = {};
      return next();
    }
    return (parser ??= load()).then((parse) => parse(ctx, next));
  };
}
