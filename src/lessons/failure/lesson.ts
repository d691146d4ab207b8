// Lesson 7: the same news button on a slow server, a failing one and a dead network, and how each lane shows it.
import type { LessonDefinition } from '../../kit/types.js';
import { htmxRoutes } from './htmx.js';
import { jsonRoutes } from './json.js';
import { latencies, roomSwitches, switches, switchRoutes } from './switches.js';

const failure: LessonDefinition = {
  id: 'failure',
  title: { en: 'When things go wrong', ko: '문제가 생길 때' },
  words: {
    en: {
      loadNews: 'Load the latest news',
      loading: 'Loading…',
      noNews: 'No news loaded yet.',
      serverFailed: 'The server answered with an error. Nothing was loaded; try again.',
      networkFailed: 'No answer: the network is down or the server hung up. Try again.',
      triedTwice: 'Tried twice.',
      crashPage: 'Something broke on the server.',
      switchesLabel: 'Make it fail',
      latency: 'Latency',
      off: 'off',
      seconds: '{n} s',
      fail500: '500 on the next request',
      networkDown: 'Network down',
      nextRequest: 'Next request',
      answersNormally: 'answers normally',
      answers500: 'answers 500 (once)',
      network: 'Network',
      up: 'up',
      down: 'down',
      roomFaults: 'Switched on by the instructor for everyone',
    },
    ko: {
      loadNews: '최신 소식 불러오기',
      loading: '불러오는 중…',
      noNews: '아직 불러온 소식이 없습니다.',
      serverFailed: '서버가 오류로 응답했습니다. 아무것도 불러오지 못했으니 다시 시도해 보세요.',
      networkFailed: '응답이 없습니다. 네트워크가 끊겼거나 서버가 연결을 닫았습니다. 다시 시도해 보세요.',
      triedTwice: '두 번 시도했습니다.',
      crashPage: '서버에서 문제가 생겼습니다.',
      switchesLabel: '일부러 실패시키기',
      latency: '지연',
      off: '없음',
      seconds: '{n}초',
      fail500: '다음 요청에 500',
      networkDown: '네트워크 끊기',
      nextRequest: '다음 요청',
      answersNormally: '정상 응답',
      answers500: '500 응답 (한 번)',
      network: '네트워크',
      up: '연결됨',
      down: '끊김',
      roomFaults: '강사가 모두에게 켠 장애',
    },
  },
  lanes: {
    json: { routes: jsonRoutes, view: 'json', code: ['views/json.ejs', 'public/news.js', '../shared/public/send.js', 'json.ts'] },
    htmx: {
      routes: htmxRoutes,
      view: 'htmx',
      code: [
        'views/htmx.ejs', 'views/_news.ejs', 'public/htmx-errors.js', '../shared/public/htmx-lane.js', 'htmx.ts',
        'switches.ts', '../../kit/errors.ts',
      ],
    },
  },
  controls: 'controls',
  controlRoutes: switchRoutes,
  pageLocals: (ctx) => ({ switches: switches.of(ctx), roomSwitches, latencies }),
  reset: switches.reset,
  resetVisitor: switches.forget,
  spec: () => import('./spec.js'),
  state: { yours: { en: 'your switches (the instructor may also switch faults on for the whole room)', ko: '내 스위치 (강사가 모두에게 장애를 켤 수도 있음)' } },
};

export default failure;
