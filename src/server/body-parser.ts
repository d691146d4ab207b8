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
 * Deeper than any lesson's body by far. JSON.parse reads thousands of levels in a 16 KB body, but
 * JSON.stringify, a template or any recursive walk of it would overflow the stack: a 500 for a lane that
 * echoes what it received, and for every page that shows it afterwards.
 */
export const maxBodyDepth = 32;

/**
 * @koa/bodyparser, imported on first use: it brings co-body, qs and iconv-lite, a good part of
 * `serve`'s start-up time, while the first page load has no body to parse.
 */
export function lazyBodyParser(options: Omit<BodyParserOptions, 'parsedMethods'>): Middleware {
  let parser: Promise<Middleware> | undefined;
  const load = () => import('@koa/bodyparser').then(({ bodyParser }) => bodyParser({ ...options, parsedMethods }) as Middleware);
  return async (ctx, next) => {
    if (parsedMethods.includes(ctx.method)) {
      return (await (parser ??= load()))(ctx, () => {
        if (depthOf(ctx.request.body) > maxBodyDepth) ctx.throw(400, `The body is nested more than ${maxBodyDepth} levels deep.`);
        return next();
      });
    }
    await next();
    // A page has been answered: load the parser once the answer is on its way, so the learner's first click
    // does not pay for it (its server time would make whichever lane is clicked first look slow).
    if (!parser) setImmediate(() => (parser ??= load()));
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
