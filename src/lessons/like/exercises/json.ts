// JSON lane: POST /api/like answers data; the page's own script (public/like.js) turns it into HTML.
import type { LaneRoutes } from '../../kit/types.js';
import { likes } from './counts.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.post('/api/like', (ctx) => {
    likes.json += 1;
    // TODO 4: answer data, not HTML: {"likes": N} with the JSON lane's new count. Koa sends an object as JSON.
    ctx.body = {};
  });
};
