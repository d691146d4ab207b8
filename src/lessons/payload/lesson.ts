// Lesson 3: one comment sent two ways, as a nested JSON object and as flat form fields, and what the server gets.
import type { LessonDefinition } from '../../kit/types.js';
import { forgetComments, logsOf, resetComments, rules } from './comments.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { words } from './words.js';

const payload: LessonDefinition = {
  id: 'payload',
  title: { en: 'Sending data', ko: '데이터 보내기' },
  words,
  lanes: {
    json: {
      routes: jsonRoutes,
      view: 'json',
      code: ['views/json.ejs', 'views/_fields.ejs', 'views/_result.ejs', 'public/payload.js', '../shared/public/send.js', 'json.ts', 'comments.ts'],
    },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_comment_box.ejs', 'views/_fields.ejs', 'views/_result.ejs',
        '../shared/public/htmx-lane.js', 'htmx.ts', 'comments.ts', '../../kit/errors.ts',
      ],
    },
  },
  pageLocals: (ctx) => ({ ...rules, logs: logsOf(ctx) }),
  reset: resetComments,
  resetVisitor: forgetComments,
  state: { yours: { en: 'your comments and what your lanes last sent', ko: '내 댓글과 각 레인이 마지막으로 보낸 내용' } },
  spec: () => import('./spec.js'),
};

export default payload;
