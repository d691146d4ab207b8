// Lesson 4: a sign-up form with server-side validation: errors mapped onto fields by a script, or rendered by the server.
import type { LessonDefinition } from '../../kit/types.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { resetSignups, resetVisitorSignups, signupLocals, takeWelcome } from './signup.js';
import { words } from './words.js';

const form: LessonDefinition = {
  id: 'form',
  title: { en: 'Forms and validation', ko: '폼과 검증' },
  words,
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'views/_field.ejs', 'public/signup.js', '../shared/public/send.js', 'json.ts', 'signup.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_signup.ejs', 'views/_field.ejs', '../shared/public/htmx-lane.js', 'htmx.ts',
        'signup.ts', '../../kit/errors.ts',
      ],
    },
  },
  pageLocals: (ctx) => signupLocals({ welcome: takeWelcome(ctx) }),
  reset: resetSignups,
  resetVisitor: resetVisitorSignups,
  state: {
    shared: { en: 'the names signed up on each lane, taken for everyone', ko: '레인마다 가입한 이름 (모두에게 이미 쓰인 이름)' },
    yours: { en: 'your sign-ups, freed by your reset', ko: '내가 가입한 이름 (내 초기화로 다시 쓸 수 있음)' },
  },
  spec: () => import('./spec.js'),
};

export default form;
