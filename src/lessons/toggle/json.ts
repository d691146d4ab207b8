// JSON lane: answers data ({"liked", "likes"}) or a 401. What to draw, which URL and method comes next, and what
// a 401 means are all the client's to know (public/toggle.js).
import type { Context } from 'koa';
import type { LaneRoutes } from '../../kit/types.js';
import { likeState, setLiked, visitors } from './state.js';

export const jsonRoutes: LaneRoutes = (router) => {
  const likeOrRefuse = (ctx: Context, liked: boolean) => {
    if (!visitors.of(ctx).signedIn) ctx.throw(401, 'You are signed out: log in to like.');
    ctx.body = setLiked(ctx, 'json', liked);
  };

  router.post('/api/toggle/like', (ctx) => likeOrRefuse(ctx, true));
  router.delete('/api/toggle/like', (ctx) => likeOrRefuse(ctx, false));

  router.post('/api/toggle/login', (ctx) => {
    visitors.of(ctx).signedIn = true;
    ctx.body = { signedIn: true, ...likeState(ctx, 'json') };
  });
};
