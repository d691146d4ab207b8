// HTMX lane: POST /like/ answers HTML, the _like_button partial, which htmx swaps into the page.
import type { LaneRoutes } from '../../kit/types.js';
import { likes } from './counts.js';

export const htmxRoutes: LaneRoutes = (router, { render, renderPage }) => {
  router.post('/like/', (ctx) => {
    likes.htmx += 1;
    ctx.type = 'html';
    ctx.vary('HX-Request'); // one URL, two answers: a cache must keep them apart
    // htmx asked: the fragment it swaps in. Anything else (a form post, curl) gets the whole page, not a scrap of it.
    ctx.body = ctx.get('HX-Request') === 'true'
      ? render(ctx, '_like_button', { likes: likes.htmx, liked: true })
      : renderPage(ctx);
  });
};
