// The page's words in English and Korean that every app on the kit uses; an app adds its own over them.
export const languages = ['en', 'ko'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const en = {
  htmlLang: 'en',
  skipToContent: 'Skip to content',
  lessons: 'Lessons',
  language: 'Language',
  largeText: 'Large text',
  reset: 'Reset',
  jsonLane: 'JSON + fetch + client JavaScript',
  htmxLane: 'HTML fragment + htmx',
  errorTitle: 'Something went wrong',
  notFound: 'Not found',
  backHome: 'Back to the lessons',
};

/** The words a page view may use as `t`: these, and whatever an app adds (identifyVisitor takes them all). */
export type Messages = typeof en;

const ko: Messages = {
  htmlLang: 'ko',
  skipToContent: '본문으로 건너뛰기',
  lessons: '레슨',
  language: '언어',
  largeText: '큰 글씨',
  reset: '초기화',
  jsonLane: 'JSON + fetch + 클라이언트 JavaScript',
  htmxLane: 'HTML 조각 + htmx',
  errorTitle: '문제가 생겼습니다',
  notFound: '찾을 수 없습니다',
  backHome: '레슨 목록으로',
};

export const pageWords: Record<Lang, Messages> = { en, ko };
