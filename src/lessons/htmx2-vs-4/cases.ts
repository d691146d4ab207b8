// The server side of every case, one set of routes per version: the same answers, whichever htmx asked.
import type { LaneRoutes } from '../../kit/types.js';
import { formFields } from '../shared/bodies.js';
import { compatConfig, htmx2Config, visitors } from './state.js';
import type { Version } from './versions.js';

/** The request headers each case's answer lists: what htmx 2 and htmx 4 put on a request. */
const htmxHeader = /^hx-/;

export const nameLimit = 40;

export function caseRoutes(version: Version): LaneRoutes {
  const { base, major } = version;
  return (router, { render, renderFrame }) => {
    // The frame: the same markup for both versions, with its own htmx (and, on 4.x, the visitor's config).
    router.get(base, (ctx) => {
      const state = visitors.of(ctx);
      const compat = major === '4' && state.compat;
      const htmxConfig = major === '2' ? htmx2Config : compat ? compatConfig : undefined;
      ctx.body = renderFrame(ctx, 'frame', { version, counts: state.byMajor[major], htmxConfig, compat });
    });

    // 1. The like button: the token comes from hx-headers on <body> (plain) or on a wrapper with :inherited (fixed).
    router.post(`${base}like`, (ctx) => {
      const { button } = formFields(ctx);
      if (button !== 'plain' && button !== 'fixed') return ctx.throw(400, 'button is plain or fixed.');
      const counts = visitors.of(ctx).byMajor[major];
      counts.likes += 1;
      ctx.type = 'html';
      ctx.body = render(ctx, '_like', { button, likes: counts.likes });
    });

    // 2. A name: an empty or long one is a 422 with the message, which htmx 4 swaps and htmx 2 drops.
    router.post(`${base}name`, (ctx) => {
      const { name } = formFields(ctx);
      const text = typeof name === 'string' ? name.trim() : '';
      ctx.type = 'html';
      if (text === '' || text.length > nameLimit) {
        ctx.status = 422;
        ctx.body = render(ctx, '_name_error', { nameLimit });
        return;
      }
      ctx.body = render(ctx, '_name_saved', { name: text });
    });

    // 3. The headers this version sent, listed back.
    router.get(`${base}headers`, (ctx) => {
      const sent = Object.entries(ctx.headers).filter(([name]) => htmxHeader.test(name));
      ctx.type = 'html';
      ctx.body = render(ctx, '_headers', { sent });
    });

    // 4. Which listener added X-Listener to the request, if any.
    router.get(`${base}listen`, (ctx) => {
      ctx.type = 'html';
      ctx.body = render(ctx, '_heard', { heardBy: ctx.get('X-Listener') });
    });

    // 5. One answer for two places: the list's new line (main swap) and the counter (out of band).
    router.post(`${base}items`, (ctx) => {
      const counts = visitors.of(ctx).byMajor[major];
      counts.items += 1;
      ctx.type = 'html';
      ctx.body = render(ctx, '_item', { items: counts.items });
    });
  };
}
