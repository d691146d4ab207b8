// HTMX lane: GET /failure/news answers the _news partial. The views say what happens while it is out and when it fails.
import type { Context } from 'koa';
import type { LaneRoutes } from '../../kit/types.js';
import { latestNews } from './news.js';
import { obeySwitches } from './switches.js';

export const htmxRoutes: LaneRoutes = (router, { render, renderPage }) => {
  // What the "500" switch answers here is what a crashing server sends: a whole error page. htmx 4 would swap it
  // into the lane; hx-status:5xx="swap:none" on the button says not to.
  const serverError = (ctx: Context) => {
    ctx.type = 'html';
    ctx.body = render(ctx, '_server_error');
  };
  router.get('/failure/news', obeySwitches(serverError), (ctx) => {
    ctx.vary('HX-Request'); // one URL, two answers: the news item for htmx, the whole page for the address bar
    ctx.type = 'html';
    ctx.body = ctx.get('HX-Request') === 'true' ? render(ctx, '_news', { news: latestNews(ctx) }) : renderPage(ctx);
  });
};
