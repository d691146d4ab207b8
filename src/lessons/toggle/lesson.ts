// Lesson 2: like and unlike, and "log in to like" when signed out. Which control is valid now: the htmx lane
// is told by the server (HATEOAS), the JSON lane's client works it out.
import type { LessonDefinition } from '../../kit/types.js';
import { htmxRoutes, sessionRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { likeState, resetToggle, resetVisitorToggle, visitors } from './state.js';

const toggle: LessonDefinition = {
  id: 'toggle',
  title: { en: 'Like, unlike, log in', ko: '좋아요, 취소, 로그인' },
  words: {
    en: {
      like: 'Like',
      unlike: 'Unlike',
      logInToLike: 'Log in to like',
      signedOut: 'Signed out',
      signedOutHint: 'While this is on, the server refuses likes. Each lane finds out on its next click.',
    },
    ko: {
      like: '좋아요',
      unlike: '좋아요 취소',
      logInToLike: '로그인하고 좋아요',
      signedOut: '로그아웃 상태',
      signedOutHint: '켜 두면 서버가 좋아요를 거절합니다. 각 레인은 다음 클릭 때 그 사실을 알게 됩니다.',
    },
  },
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'public/toggle.js', '../shared/public/send.js', 'json.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_toggle.ejs', 'views/_switch.ejs', '../shared/public/htmx-lane.js', 'htmx.ts',
        '../../kit/errors.ts',
      ],
    },
  },
  controls: 'controls',
  controlRoutes: sessionRoutes,
  pageLocals: (ctx) => ({ signedIn: visitors.of(ctx).signedIn, json: likeState(ctx, 'json'), htmx: likeState(ctx, 'htmx') }),
  reset: resetToggle,
  resetVisitor: resetVisitorToggle,
  state: {
    shared: { en: "each lane's like total, everyone's likes added up", ko: '레인마다 모두의 좋아요를 더한 수' },
    yours: { en: 'whether you are signed in and which lanes you like', ko: '내 로그인 상태와 내가 좋아요를 누른 레인' },
  },
  spec: () => import('./spec.js'),
};

export default toggle;
