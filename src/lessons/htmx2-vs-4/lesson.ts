// Lesson 9: the same small cases run by htmx 2.0.11 and htmx 4.0.1, each version in its own frame.
import type { LessonDefinition } from '../../kit/types.js';
import { caseRoutes } from './cases.js';
import { compatRoutes } from './compat.js';
import { visitors } from './state.js';
import { vendorFolders, versions } from './versions.js';

const v4Routes = caseRoutes(versions.htmx);

const htmx2vs4: LessonDefinition = {
  id: 'htmx2-vs-4',
  title: { en: 'htmx 2 and htmx 4 side by side', ko: 'htmx 2와 htmx 4 나란히 보기' },
  words: {
    en: {
      lessonTitle: 'htmx 2 and htmx 4',
      likeLabel: 'Like',
      onBody: 'on <body>',
      tokenFromBody: 'token from <body>',
      tokenInherited: 'token from hx-headers:inherited',
      status422: 'A 422 answer',
      yourName: 'Your name',
      save: 'Save',
      saved: 'Saved',
      nameError: 'Write a name of 1 to {n} characters.',
      requestHeaders: 'Request headers',
      sendHeaders: 'Send a request',
      noHxHeaders: 'No HX-* headers arrived.',
      eventNames: 'Event names',
      sendListen: 'Send, with listeners',
      heardBy: 'X-Listener added by',
      heardByNone: 'No listener added X-Listener.',
      oobOrder: 'Out-of-band order',
      addItem: 'Add an item',
      itemCount: 'Items',
      noItem: 'No item yet.',
      itemAdded: 'Item {n} added.',
      swapOrder: 'Changed first to last:',
      compatTitle: 'htmx 4 lane, htmx 2 behaviour:',
      compatOff: 'Turn on',
      compatOn: 'Turn off',
      compatOffState: 'off: htmx 4 defaults',
      compatOnState: 'on: the 4.x frame runs with this config',
      compatOnNote: 'Compatibility on:',
    },
    ko: {
      lessonTitle: 'htmx 2와 htmx 4',
      likeLabel: '좋아요',
      onBody: '<body>에 설정',
      tokenFromBody: '<body>의 토큰',
      tokenInherited: 'hx-headers:inherited의 토큰',
      status422: '422 응답',
      yourName: '이름',
      save: '저장',
      saved: '저장됨',
      nameError: '이름을 1~{n}자로 써 주세요.',
      requestHeaders: '요청 헤더',
      sendHeaders: '요청 보내기',
      noHxHeaders: 'HX-* 헤더가 오지 않았습니다.',
      eventNames: '이벤트 이름',
      sendListen: '리스너와 함께 보내기',
      heardBy: 'X-Listener를 추가한 리스너:',
      heardByNone: 'X-Listener를 추가한 리스너가 없습니다.',
      oobOrder: 'OOB 스왑 순서',
      addItem: '항목 추가',
      itemCount: '항목 수',
      noItem: '아직 항목이 없습니다.',
      itemAdded: '{n}번 항목을 추가했습니다.',
      swapOrder: '먼저 바뀐 순서:',
      compatTitle: 'htmx 4 레인을 htmx 2처럼:',
      compatOff: '켜기',
      compatOn: '끄기',
      compatOffState: '꺼짐: htmx 4 기본값',
      compatOnState: '켜짐: 4.x 프레임이 이 설정으로 동작',
      compatOnNote: '호환 설정 켜짐:',
    },
  },
  laneHeadings: { json: `htmx ${versions.json.version}`, htmx: `htmx ${versions.htmx.version}` },
  fourSteps: false,
  wireHeaders: ['X-Listener'],
  spec: () => import('./spec.js'),
  vendorFolders,
  lanes: {
    json: { routes: caseRoutes(versions.json), view: 'v2', code: ['views/cases.ejs', 'public/listeners.js', 'public/swap-order.js'] },
    htmx: {
      routes: (router, tools) => {
        v4Routes(router, tools);
        compatRoutes(router, tools);
      },
      view: 'v4',
      code: ['views/frame.ejs', 'cases.ts', 'compat.ts'],
    },
  },
  controls: 'controls',
  pageLocals: (ctx) => ({ versions, compat: visitors.of(ctx).compat }),
  reset: visitors.reset,
  resetVisitor: visitors.forget,
  state: { yours: { en: 'your likes and items in each frame, and your compatibility switch', ko: '각 프레임에서 내가 누른 좋아요와 추가한 항목, 내 호환 스위치' } },
};

export default htmx2vs4;
