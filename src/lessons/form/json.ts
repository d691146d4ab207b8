// JSON lane: POST /api/form/signups answers 201 {"user": ...}, or 422 {"errors": {"field": "message"}} for the page's script to place.
import type { LaneRoutes } from '../../kit/types.js';
import { jsonObject } from '../shared/bodies.js';
import { checkSignup, hasErrors, signUp } from './signup.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.post('/api/form/signups', (ctx) => {
    const { values, errors } = checkSignup(ctx, 'json', jsonObject(ctx));
    if (hasErrors(errors)) {
      ctx.status = 422;
      ctx.body = { errors };
      return;
    }
    signUp(ctx, 'json', values.name);
    ctx.status = 201;
    ctx.body = { user: values };
  });
};
