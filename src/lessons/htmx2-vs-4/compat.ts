// The 4.x lane's escape hatch, per visitor: htmx.config's implicitInheritance and noSwap set the htmx 2 way.
import type { LaneRoutes } from '../../kit/types.js';
import { formFields } from '../shared/bodies.js';
import { visitors } from './state.js';

/** A plain form post (the whole page reloads, and the 4.x frame with it, under its new config). */
export const compatRoutes: LaneRoutes = (router) => {
  router.post('/htmx2-vs-4/v4/compat', (ctx) => {
    const { compat } = formFields(ctx);
    if (compat !== 'on' && compat !== 'off') return ctx.throw(400, 'compat is on or off.');
    visitors.of(ctx).compat = compat === 'on';
    ctx.status = 303;
    ctx.redirect('/lessons/htmx2-vs-4');
  });
};
