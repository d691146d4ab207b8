// Lesson 8: one backend, two clients: a JSON API for programs and HTML routes for this page, over the same tasks.
import type { Context } from 'koa';
import { requestOrigin } from '../../kit/hosts.js';
import type { LessonDefinition } from '../../kit/types.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { listTasks, resetTasks } from './tasks.js';

const twoClients: LessonDefinition = {
  id: 'two-clients',
  title: { en: 'One backend, two clients', ko: '백엔드 하나, 클라이언트 둘' },
  words: {
    en: {
      pickTask: 'Pick a task to see it.',
      done: 'Done',
      todo: 'To do',
      markDone: 'Mark done',
      markTodo: 'Mark not done',
      reload: 'Reload the list',
      curlIntro: 'Any other program gets the same data. Copy this into a terminal:',
      ownUrl: 'This fragment has its own URL:',
      openDirectly: 'open it directly and you get the whole page.',
    },
    ko: {
      pickTask: '할 일을 골라 보세요.',
      done: '완료',
      todo: '미완료',
      markDone: '완료로 표시',
      markTodo: '완료 취소',
      reload: '목록 다시 불러오기',
      curlIntro: '다른 프로그램도 같은 데이터를 받습니다. 터미널에 복사해 보세요:',
      ownUrl: '이 조각에는 자기 URL이 있습니다:',
      openDirectly: '직접 열면 페이지 전체가 옵니다.',
    },
  },
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'public/tasks.js', '../shared/public/send.js', 'json.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: ['views/htmx.ejs', 'views/_tasks.ejs', '../shared/public/htmx-lane.js', 'htmx.ts', '../../kit/errors.ts'],
    },
  },
  pageLocals: (ctx) => ({ tasks: listTasks(ctx), selected: undefined, curlLine: curlLine(ctx) }),
  reset: resetTasks,
  spec: () => import('./spec.js'),
  state: { shared: { en: 'the task list, the same for every client and everyone', ko: '모든 클라이언트와 모두가 함께 보는 할 일 목록' } },
};

/**
 * The curl line names the host and port this page was asked for (the one that works from the learner's machine),
 * taken only from a valid host name, and quoted for a shell: `?` would otherwise be a pattern in zsh.
 */
function curlLine(ctx: Context): string {
  const url = `${requestOrigin(ctx)}/api/v1/tasks${ctx.state.lang === 'ko' ? '?lang=ko' : ''}`;
  return `curl '${url.replaceAll("'", "'\\''")}'`;
}

export default twoClients;
