// HTMX lane: /two-clients/tasks answers HTML shaped for this page: a fragment for htmx, the whole page for a browser.
import type { Context } from 'koa';
import type { LaneRoutes } from '../../kit/types.js';
import { findTask, listTasks, markDone, type Task } from './tasks.js';

export const htmxRoutes: LaneRoutes = (router, { render, renderPage }) => {
  // One URL, two answers: htmx asks for the fragment, the address bar for the page. Vary tells caches to keep both.
  const answer = (ctx: Context, selected?: Task) => {
    ctx.vary('HX-Request');
    ctx.type = 'html';
    ctx.body = ctx.get('HX-Request') === 'true'
      ? render(ctx, '_tasks', { tasks: listTasks(ctx), selected })
      : renderPage(ctx, { selected });
  };

  router.get('/two-clients/tasks', (ctx) => answer(ctx));

  router.get('/two-clients/tasks/:id', (ctx) => answer(ctx, findTask(ctx, ctx.params.id)));

  // A plain form post: htmx sends it with the CSRF header, a browser without JavaScript with the _csrf field.
  router.post('/two-clients/tasks/:id', (ctx) => {
    const task = findTask(ctx, ctx.params.id);
    const { done } = (ctx.request.body ?? {}) as { done?: unknown };
    if (done !== 'true' && done !== 'false') ctx.throw(400, 'The form field "done" is true or false.');
    const changed = markDone(task, done === 'true');
    if (ctx.get('HX-Request') === 'true') return answer(ctx, changed);
    ctx.status = 303;
    ctx.redirect(`/two-clients/tasks/${task.id}`);
  });
};
