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
  return async (ctx, next) => {
    if (parsedMethods.includes(ctx.method)) {
      return (await (parser ??= load()))(ctx, next);
    }
    await next();
    // A page has been answered: load the parser once the answer is on its way, so the learner's first click
    // does not pay for it (its server time would make whichever lane is clicked first look slow).
    if (!parser) setImmediate(() => (parser ??= load()));
  };
}
