// HTMX lane: one answer, several places. The main content is the fresh form; the new item and the header's
// badge ride along marked hx-swap-oob, and htmx puts each where its target says.
import type { Context } from 'koa';
import type { LaneRoutes } from '../../kit/types.js';
import { addItem, itemsOf, maxLength, removeItem } from './list.js';
import { say } from './words.js';

export const htmxRoutes: LaneRoutes = (router, { render }) => {
  const answer = (ctx: Context, view: string, locals: object) => {
    ctx.type = 'html';
    ctx.body = render(ctx, view, { maxLength, text: '', problem: '', ...locals });
  };

  router.post('/oob/items', (ctx) => {
    const added = addItem(ctx, 'htmx', ctx.request.body);
    if ('problem' in added) {
      const { problem, status } = added;
      if (status === 400) ctx.throw(400, say(ctx, problem));
      ctx.status = 422; // the form again, with the message and what was typed; nothing else changes
      return answer(ctx, '_form', { text: (ctx.request.body as { text: string }).text, problem });
    }
    ctx.status = 201;
    answer(ctx, '_added', added);
  });

  // hx-swap="delete" on the button removes its <li>; the answer only has to bring the badge.
  router.delete('/oob/items/:id', (ctx) => {
    if (!removeItem(ctx, 'htmx', ctx.params.id!)) ctx.throw(404, say(ctx, 'noSuchItem'));
    answer(ctx, '_badge', { lane: 'htmx', count: itemsOf(ctx, 'htmx').length, oob: true });
  });
};
