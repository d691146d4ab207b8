// JSON lane: one payload, {"item", "count"}, and the client (public/oob.js) writes it into two places.
import type { LaneRoutes } from '../../kit/types.js';
import { addItem, itemsOf, removeItem } from './list.js';
import { say } from './words.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.post('/api/oob/items', (ctx) => {
    const added = addItem(ctx, 'json', ctx.request.body);
    if ('problem' in added) ctx.throw(added.status, say(ctx, added.problem));
    ctx.status = 201;
    ctx.body = added;
  });

  router.delete('/api/oob/items/:id', (ctx) => {
    if (!removeItem(ctx, 'json', ctx.params.id!)) ctx.throw(404, say(ctx, 'noSuchItem'));
    ctx.body = { count: itemsOf(ctx, 'json').length };
  });
};
