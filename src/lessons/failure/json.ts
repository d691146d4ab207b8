// JSON lane: GET /api/failure/news answers data; public/news.js has to handle every way that can go wrong.
import type { Context } from 'koa';
import type { LaneRoutes } from '../../kit/types.js';
import { latestNews } from './news.js';
import { obeySwitches } from './switches.js';

/** What the "500" switch answers on this lane: the error in the API's own JSON shape. */
function serverError(ctx: Context): void {
  ctx.body = { error: { status: 500, message: 'Internal Server Error' } };
}

export const jsonRoutes: LaneRoutes = (router) => {
  router.get('/api/failure/news', obeySwitches(serverError), (ctx) => {
    ctx.body = latestNews(ctx);
  });
};
