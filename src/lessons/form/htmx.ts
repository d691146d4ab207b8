// HTMX lane: POST /form/signups answers htmx with the form partial (422 with errors), a plain browser post with a page.
import type { LaneRoutes } from '../../kit/types.js';
import { formFields } from '../shared/bodies.js';
import { checkSignup, hasErrors, signUp, signupLocals, welcomeOnNextPage } from './signup.js';

export const htmxRoutes: LaneRoutes = (router, { render, renderPage }) => {
  router.post('/form/signups', (ctx) => {
    ctx.vary('HX-Request'); // one URL, two answers: a fragment for htmx, a page (or a redirect) for the browser
    const fromHtmx = ctx.get('HX-Request') === 'true';
    const { values, errors } = checkSignup(ctx, 'htmx', formFields(ctx));
    ctx.type = 'html';
    if (hasErrors(errors)) {
      ctx.status = 422; // htmx 4 swaps a 422 like a 200; htmx 2 would have dropped it
      const locals = signupLocals({ values, errors });
      ctx.body = fromHtmx ? render(ctx, '_signup', locals) : renderPage(ctx, locals);
      return;
    }
    signUp(ctx, 'htmx', values.name);
    if (fromHtmx) {
      ctx.status = 201;
      ctx.body = render(ctx, '_signup', signupLocals({ welcome: values.name }));
      return;
    }
    // JavaScript off: post, redirect, get. A reload of the page that follows does not post again.
    welcomeOnNextPage(ctx, values.name);
    ctx.redirect('/lessons/form');
    ctx.status = 303;
  });

  // The address a JavaScript-off post leaves in the address bar: opened again, it leads back to the lesson.
  router.get('/form/signups', (ctx) => {
    ctx.redirect('/lessons/form');
  });
};
