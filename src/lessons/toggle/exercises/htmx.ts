// HTMX lane: every answer is the control that is valid now (like, unlike or "log in to like"); the page holds
// no rules of its own. The lesson-wide "signed out" switch (views/_switch.ejs) is served from here too, mounted
// apart as a lesson control.
import type { Context } from 'koa';
import type { LaneRoutes } from '../../kit/types.js';
import { likeState, setLiked, visitors } from './state.js';

export const htmxRoutes: LaneRoutes = (router, { render }) => {
  const answer = (ctx: Context, view: string, locals: object) => {
    ctx.type = 'html';
    ctx.body = render(ctx, view, { signedIn: visitors.of(ctx).signedIn, ...locals });
  };
  const likeOrRefuse = (ctx: Context, liked: boolean) => {
    // TODO 2: signed out (visitors.of(ctx).signedIn is false), change nothing: answer status 401 with the _toggle
    //   partial as it is now (likeState(ctx, 'htmx')), which then draws the "log in to like" control. htmx 4 swaps a 401 too.
    answer(ctx, '_toggle', setLiked(ctx, 'htmx', liked));
  };

  router.post('/toggle/like', (ctx) => likeOrRefuse(ctx, true));
  router.delete('/toggle/like', (ctx) => likeOrRefuse(ctx, false));

  // "Log in to like": signs in and answers the control valid now, with the page's switch out of band.
  router.post('/toggle/login', (ctx) => {
    visitors.of(ctx).signedIn = true;
    answer(ctx, '_toggle', { ...likeState(ctx, 'htmx'), withSwitch: true });
  });
};

/** The lesson-wide "signed out" switch: a control above both lanes, not either lane's traffic. */
export const sessionRoutes: LaneRoutes = (router, { render }) => {
  // The switch posts its form: ticked sends signedOut=true, unticked sends no field (how a checkbox posts).
  router.post('/toggle/session', (ctx) => {
    const body: unknown = ctx.request.body;
    if (typeof body !== 'object' || body === null) ctx.throw(415, 'Send the switch as a form.');
    const { signedOut } = body as { signedOut?: unknown };
    if (signedOut !== undefined && signedOut !== 'true') ctx.throw(400, 'signedOut must be "true" or left out.');
    visitors.of(ctx).signedIn = signedOut === undefined;
    ctx.type = 'html';
    ctx.body = render(ctx, '_switch', { signedIn: visitors.of(ctx).signedIn });
  });
};
