// Lesson 6: one click updates two places, the list and a badge in the header. The JSON lane writes one payload
// into both; the htmx lane's answer carries both, the second marked hx-swap-oob.
import type { LessonDefinition } from '../../kit/types.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { forgetList, itemsOf, maxLength, resetLists } from './list.js';
import { words } from './words.js';

const oob: LessonDefinition = {
  id: 'oob',
  title: { en: 'One click, two places', ko: '한 번의 클릭, 두 곳의 변화' },
  words,
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'public/oob.js', '../shared/public/send.js', 'json.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_form.ejs', 'views/_item.ejs', 'views/_added.ejs', 'views/_badge.ejs',
        '../shared/public/htmx-lane.js', 'htmx.ts', '../../kit/errors.ts',
      ],
    },
  },
  controls: 'controls',
  pageLocals: (ctx) => ({ json: itemsOf(ctx, 'json'), htmx: itemsOf(ctx, 'htmx'), maxLength }),
  reset: resetLists,
  resetVisitor: forgetList,
  state: { yours: { en: 'your two lists', ko: '내 목록 두 개' } },
  spec: () => import('./spec.js'),
};

export default oob;
