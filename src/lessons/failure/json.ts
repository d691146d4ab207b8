// JSON lane: GET /api/failure/news answers data; public/news.js has to handle every way that can go wrong.
import type { LaneRoutes } from '../../lane/types.js';
import { latestNews } from './news.js';
import { obeySwitches } from './switches.js';

export const jsonRoutes: LaneRoutes = (router) => {
  const crash = obeySwitches((ctx) => {
    ctx.body = { error: { status: 500, message: 'Internal Server Error' } };
  });
  router.get('/api/failure/news', crash, (ctx) => {
    ctx.body = latestNews(ctx);
  });
};
