// Lesson 5: active search over a list of countries, with debounce and races coded in JavaScript or declared in htmx.
import type { LessonDefinition } from '../../kit/types.js';
import { countries } from './countries.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { queryMaxLength, searchCountries } from './search.js';
import { words } from './words.js';

const search: LessonDefinition = {
  id: 'search',
  title: { en: 'Active search', ko: '실시간 검색' },
  words,
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'public/search.js', '../shared/public/send.js', 'json.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_results.ejs', 'views/_name.ejs', '../shared/public/htmx-lane.js', 'htmx.ts',
        '../../kit/errors.ts',
      ],
    },
  },
  controls: 'controls',
  pageLocals: () => ({ htmxSearch: searchCountries('', 'en'), countryCount: countries.length, queryMaxLength }),
  spec: () => import('./spec.js'),
};

export default search;
