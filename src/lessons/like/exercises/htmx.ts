// HTMX lane: POST /like/ answers HTML, the _like_button partial, which htmx swaps into the page.
import type { LaneRoutes } from '../../kit/types.js';
import { likes } from './counts.js';

export const htmxRoutes: LaneRoutes = (router, { render, renderPage }) => {
  router.post('/like/', (ctx) => {
    likes.htmx += 1;
    ctx.type = 'html';
    // TODO 2: answer htmx with the button alone, the _like_button partial, showing the new count as liked:
    //   ctx.body = render(ctx, '_like_button', { likes: ..., liked: ... });
    // TODO 3: only htmx gets that fragment. When the HX-Request header is not "true" (ctx.get('HX-Request')),
    //   answer the whole page, renderPage(ctx), as now; and say ctx.vary('HX-Request'), so a cache keeps the two apart.
    ctx.body = renderPage(ctx);
  });
};
