// HTMX lane: GET /search/?q= answers the _results partial to htmx, and the whole lesson page to the address bar.
import type { LaneRoutes } from '../../kit/types.js';
import { langOf } from '../shared/words.js';
import { readQuery, searchCountries } from './search.js';

export const htmxRoutes: LaneRoutes = (router, { render, renderPage }) => {
  router.get('/search/', (ctx) => {
    const results = searchCountries(readQuery(ctx), langOf(ctx));
    ctx.vary('HX-Request'); // one URL, two answers: a cache must not hand the fragment to the address bar
    ctx.type = 'html';
    ctx.body = ctx.get('HX-Request') === 'true' ? render(ctx, '_results', results) : renderPage(ctx, { htmxSearch: results });
  });
};
