// The 4.x lane's escape hatch, per visitor: htmx.config's implicitInheritance and noSwap set the htmx 2 way.
import type { LaneRoutes } from '../../kit/types.js';
import { formFields } from '../shared/bodies.js';
import { visitors } from './state.js';
import { versions } from './versions.js';

/**
 * A lesson control above both lanes, not a lane's: htmx swaps the switch in place (focus stays on it) and a new
 * 4.x frame out of band, which loads under its new config. Without htmx, the whole page reloads.
 */
export const compatRoutes: LaneRoutes = (router, { render }) => {
  router.post('/htmx2-vs-4/compat', (ctx) => {
    const { compat } = formFields(ctx);
    if (compat !== 'on' && compat !== 'off') return ctx.throw(400, 'compat is on or off.');
    visitors.of(ctx).compat = compat === 'on';
    ctx.vary('HX-Request');
    if (ctx.get('HX-Request') !== 'true') {
      ctx.status = 303;
      return ctx.redirect('/lessons/htmx2-vs-4');
    }
    ctx.type = 'html';
    ctx.body = render(ctx, '_compat', { compat: compat === 'on', versions, newFrame: true });
  });
};
