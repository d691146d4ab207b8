// JSON lane: POST /api/like answers data; the page's own script (public/like.js) turns it into HTML.
import type { LaneRoutes } from '../../kit/types.js';
import { likes } from './counts.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.post('/api/like', (ctx) => {
    likes.json += 1;
    ctx.body = { likes: likes.json };
  });
};
