// HTMX lane: POST /like/ answers HTML, the _like_button partial, which htmx swaps into the page.
import type { LaneRoutes } from '../../kit/types.js';
import { likes } from './counts.js';

export const htmxRoutes: LaneRoutes = (router, { render }) => {
  router.post('/like/', (ctx) => {
    likes.htmx += 1;
    ctx.type = 'html';
    ctx.body = render(ctx, '_like_button', { likes: likes.htmx, liked: true });
  });
};
