// Lesson 1: the like button from the article, as JSON + fetch and as an htmx fragment.
import type { LessonDefinition } from '../../kit/types.js';
import { likes, resetLikes } from './counts.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';

const like: LessonDefinition = {
  id: 'like',
  title: { en: 'The like button', ko: '좋아요 버튼' },
  words: { en: { likeLabel: 'Like' }, ko: { likeLabel: '좋아요' } },
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'public/like.js', '../shared/public/send.js', 'json.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_like_button.ejs', '../shared/public/htmx-lane.js', 'htmx.ts',
        '../../kit/errors.ts',
      ],
    },
  },
  pageLocals: () => ({ likes }),
  reset: resetLikes,
  state: { shared: { en: "everyone's like counts", ko: '모두가 함께 누르는 좋아요 수' } },
  spec: () => import('./spec.js'),
};

export default like;
