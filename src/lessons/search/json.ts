// JSON lane: GET /api/search?q= answers the matching countries as data; public/search.js draws the list.
import type { LaneRoutes } from '../../kit/types.js';
import { langOf } from '../shared/words.js';
import { readQuery, searchCountries } from './search.js';

export const jsonRoutes: LaneRoutes = (router) => {
  router.get('/api/search', (ctx) => {
    ctx.body = searchCountries(readQuery(ctx), langOf(ctx));
  });
};
