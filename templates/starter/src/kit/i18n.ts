// The page's words in English and Korean. Each lesson brings its own words (`words` in its lesson.ts).
export const languages = ['en', 'ko'] as const;
export type Lang = (typeof languages)[number];

const en = {
  htmlLang: 'en',
  skipToContent: 'Skip to content',
  lessons: 'Lessons',
  language: 'Language',
  largeText: 'Large text',
  reset: 'Reset',
  hint: "Open your browser's developer tools, Network tab, and compare what each lane sends and gets back.",
  jsonLane: 'JSON + fetch + client JavaScript',
  htmxLane: 'HTML fragment + htmx',
  errorTitle: 'Something went wrong',
  notFound: 'Not found',
  backHome: 'Back to the lessons',
};

export type Messages = typeof en;

const ko: Messages = {
  htmlLang: 'ko',
  skipToContent: '본문으로 건너뛰기',
  lessons: '레슨',
  language: '언어',
  largeText: '큰 글씨',
  reset: '초기화',
  hint: '브라우저 개발자 도구의 네트워크 탭을 열고, 두 레인이 주고받는 내용을 비교해 보세요.',
  jsonLane: 'JSON + fetch + 클라이언트 JavaScript',
  htmxLane: 'HTML 조각 + htmx',
  errorTitle: '문제가 생겼습니다',
  notFound: '찾을 수 없습니다',
  backHome: '레슨 목록으로',
};

export const messages: Record<Lang, Messages> = { en, ko };
