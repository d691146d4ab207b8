// JSON lane: /api/v1/tasks, data for any program (this page's script, curl, a phone app). Versioned: it must not change under them.
import type { LaneRoutes } from '../../kit/types.js';
import { findTask, listTasks, markDone } from './tasks.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.get('/api/v1/tasks', (ctx) => {
    ctx.body = { tasks: listTasks(ctx) };
  });

  router.get('/api/v1/tasks/:id', (ctx) => {
    ctx.body = findTask(ctx, ctx.params.id);
  });

  router.patch('/api/v1/tasks/:id', (ctx) => {
    const task = findTask(ctx, ctx.params.id);
    if (!ctx.is('application/json')) ctx.throw(415, 'Send JSON, with Content-Type: application/json.');
    const { done } = (ctx.request.body ?? {}) as { done?: unknown };
    if (typeof done !== 'boolean') return ctx.throw(400, 'Send {"done": true} or {"done": false}.');
    ctx.body = markDone(task, done);
  });
};
