// HTMX lane: POST /payload/comments takes flat form fields, and answers the comment box rendered again.
import type { LaneRoutes } from '../../kit/types.js';
import { formFields } from '../shared/bodies.js';
import { addComment, checkComment, rules } from './comments.js';

export const htmxRoutes: LaneRoutes = (router, { render }) => {
  router.post('/payload/comments', (ctx) => {
    const body = formFields(ctx); // name=...&text=...&tags=idea&tags=bug&thread=3
    // A form value is always text, and one checked box arrives as a string where two arrive as an array.
    const thread = typeof body.thread === 'string' && /^\d+$/.test(body.thread) ? Number(body.thread) : body.thread;
    const tags = typeof body.tags === 'string' ? [body.tags] : body.tags;
    const comment = checkComment(ctx, { thread, name: body.name, text: body.text, tags });
    const log = addComment(ctx, 'htmx', comment);
    ctx.status = 201;
    ctx.type = 'html';
    ctx.body = render(ctx, '_comment_box', { ...rules, log });
  });
};
