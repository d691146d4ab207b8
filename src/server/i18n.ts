// The UI's words in English and Korean. Lessons bring their own notes; these are the page's.
export const languages = ['en', 'ko'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const en = {
  htmlLang: 'en',
  skipToContent: 'Skip to content',
  tagline: 'The same feature, built two ways. Watch the code and the wire.',
  lessons: 'Lessons',
  language: 'Language',
  largeText: 'Large text',
  reset: 'Reset counts for everyone',
  jsonLane: 'JSON + fetch + client JavaScript',
  htmxLane: 'HTML fragment + htmx',
  steps: 'The four steps',
  stepTrigger: 'Event trigger',
  stepRequest: 'Request',
  stepResponse: 'Response',
  stepSwap: 'DOM update',
  wire: 'On the wire',
  wireEmpty: 'No requests yet. Click the button above.',
  code: 'The code',
  notes: 'What to notice',
  request: 'Request',
  response: 'Response',
  body: 'Body',
  noBody: '(empty)',
  bodyCut: '… and {n} more bytes, not shown here',
  raw: 'raw',
  gzip: 'gzip',
  serverTime: 'server',
  roundTrip: 'round trip',
  noResponse: 'no response',
  connectionClosed: 'The connection closed before any answer was sent: the client got no response at all.',
  errorTitle: 'Something went wrong',
  notFound: 'Not found',
  backHome: 'Back to the lessons',
};

export type Messages = typeof en;

const ko: Messages = {
  htmlLang: 'ko',
  skipToContent: '본문으로 건너뛰기',
  tagline: '같은 기능을 두 가지 방식으로. 코드와 네트워크 요청을 함께 보세요.',
  lessons: '레슨',
  language: '언어',
  largeText: '큰 글씨',
  reset: '모두의 카운트 초기화',
  jsonLane: 'JSON + fetch + 클라이언트 JavaScript',
  htmxLane: 'HTML 조각 + htmx',
  steps: '네 단계',
  stepTrigger: '이벤트 발생',
  stepRequest: '요청',
  stepResponse: '응답',
  stepSwap: 'DOM 갱신',
  wire: '네트워크',
  wireEmpty: '아직 요청이 없습니다. 위의 버튼을 눌러 보세요.',
  code: '코드',
  notes: '눈여겨볼 점',
  request: '요청',
  response: '응답',
  body: '본문',
  noBody: '(비어 있음)',
  bodyCut: '… 나머지 {n}바이트는 여기에 표시하지 않습니다',
  raw: '원본',
  gzip: 'gzip',
  serverTime: '서버',
  roundTrip: '왕복',
  noResponse: '응답 없음',
  connectionClosed: '응답을 보내기 전에 연결이 끊겼습니다. 클라이언트는 아무 응답도 받지 못했습니다.',
  errorTitle: '문제가 생겼습니다',
  notFound: '찾을 수 없습니다',
  backHome: '레슨 목록으로',
};

export const messages: Record<Lang, Messages> = { en, ko };
