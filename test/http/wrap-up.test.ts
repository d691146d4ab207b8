// The closing page: when to use which, the essays' figures with links to their sources, and one row per lesson
// with what it showed (each lesson's last step), in English and Korean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarked, parseNotes } from '../../src/workshop/notes.js';
import { lessonsWithEcho } from '../fixtures/echo/registered.js';
import { attribute, tagsNamed, textOf } from '../support/http.js';
import { useServer } from '../support/suite.js';

const marked = await loadMarked();

const all = lessonsWithEcho;

const server = useServer({ lessons: all });

const essays = {
  contexte: 'https://htmx.org/essays/a-real-world-react-to-htmx-port/',
  openUnited: 'https://htmx.org/essays/another-real-world-react-to-htmx-port/',
  gumroad: 'https://htmx.org/essays/why-gumroad-didnt-choose-htmx/',
  whenToUse: 'https://htmx.org/essays/when-to-use-hypermedia/',
};
/** The essay's nine cases (quoted, or quoted in translation), and the lines that say what is the page's own. */
const quotes = {
  en: [
    'your UI is mostly text & images', 'your UI is CRUD-y', 'with updates mostly taking place within well-defined blocks',
    'you need ‘deep links’ & good first-render performance', 'your UI has many, dynamic interdependencies',
    'you require offline functionality', 'your UI state is updated extremely frequently',
    'you want integrated copy & paste components', 'your team is not on board',
    'ours rather than that essay\'s', 'the htmx.org essay\'s analysis, not the presenters\'', 'dynamic validation and conditional fields',
  ],
  ko: [
    '“UI가 주로 텍스트와 이미지일 때”', '“UI가 CRUD 위주일 때”', '변경이 대부분 잘 정해진 블록 안에서 일어날 때”',
    '“‘딥 링크’와 좋은 첫 렌더링 성능이 필요할 때”', '“UI에 동적인 상호 의존이 많을 때”', '“오프라인 기능이 필요할 때”',
    '“UI 상태가 극히 자주 바뀔 때”', '“통합된 복사-붙여넣기 컴포넌트를 쓰고 싶을 때”', '“팀이 동의하지 않을 때”',
    '그 에세이가 아니라 우리가 덧붙이는 두 가지', '발표자들이 아니라 htmx.org 에세이의 분석', '동적 검증과 조건부 필드',
  ],
};
const figures = ['21,500', '7,200', '−67%', '1,200', '+140%', '255', '40', '75 MB', '45 MB', '31,237', '12,044', '588', '163'];

describe.each([
  ['en', 'When to use which', ['Contexte', 'OpenUnited', 'Gumroad', 'spreadsheet', 'offline']],
  ['ko', '언제 무엇을 쓸까', ['Contexte', 'OpenUnited', 'Gumroad', '스프레드시트', '오프라인']],
] as const)('/wrap-up?lang=%s', (lang, title, words) => {
  let page = '';
  beforeAll(async () => {
    const res = await fetch(`${server.url}/wrap-up?lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    page = await res.text();
  });

  it('is a page in that language, titled for the question it answers', () => {
    expect(page).toContain(`<html lang="${lang}"`);
    expect(page).toMatch(new RegExp(`<h1>${title}</h1>`));
    expect(page).toContain(`<title>${title} · htmx-demo</title>`);
    const text = textOf(page);
    for (const word of words) expect(text).toContain(word);
  });

  it('quotes the figures and links each to its htmx.org essay', () => {
    const text = textOf(page);
    for (const figure of figures) expect(text).toContain(figure);
    const hrefs = tagsNamed(page, 'a').map((tag) => attribute(tag, 'href'));
    for (const url of Object.values(essays)) expect(hrefs).toContain(url);
  });

  it('quotes all nine of "When Should You Use Hypermedia?"\'s cases, and says which points are ours', () => {
    const text = textOf(page).replace(/\s+/g, ' ');
    for (const quoted of quotes[lang]) expect(text).toContain(quoted);
  });

  it('has one row per lesson, in order, with the point its last step makes, linked to that step', () => {
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!;
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(all.length);
    rows.forEach((row, index) => {
      const lesson = all[index]!;
      const steps = parseNotes(marked, readFileSync(join(lesson.dir, `notes.${lang}.md`), 'utf8'));
      const hrefs = tagsNamed(row, 'a').map((tag) => attribute(tag, 'href'));
      expect(hrefs).toEqual([`/lessons/${lesson.id}`, `/lessons/${lesson.id}?step=${steps.length}`]);
      expect(textOf(row)).toContain(lesson.title[lang]);
      expect(textOf(row)).toContain(textOf(steps.at(-1)!.titleHtml));
      expect(textOf(row)).toContain(String(lesson.number));
    });
  });

  it('has no walkthrough or lanes, and runs nothing inline', () => {
    expect(page).not.toContain('data-walkthrough');
    expect(page).not.toContain('data-area=');
    expect(page).not.toMatch(/<script\b[^>]*>[^<\s]/);
  });
});
