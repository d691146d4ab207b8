// JSON lane: POST /api/payload/comments takes a nested JSON object, and answers what it parsed plus the comments.
import type { LaneRoutes } from '../../kit/types.js';
import { isObject, jsonObject } from '../shared/bodies.js';
import { addComment, checkComment } from './comments.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.post('/api/payload/comments', (ctx) => {
    const body = jsonObject(ctx); // {"thread": 3, "author": {"name": ...}, "comment": {"text": ..., "tags": [...]}}
    const author = isObject(body.author) ? body.author : {};
    const comment = isObject(body.comment) ? body.comment : {};
    const checked = checkComment(ctx, { thread: body.thread, name: author.name, text: comment.text, tags: comment.tags });
    const log = addComment(ctx, 'json', checked);
    ctx.status = 201;
    ctx.body = { type: log.type, received: body, comments: log.comments };
  });
};
