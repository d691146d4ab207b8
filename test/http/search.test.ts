// Lesson 5 over real HTTP: every route, every kind of query (empty, long, repeated, hostile, Korean), and escaping.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countries } from '../../src/lessons/search/countries.js';
import { rawRequest, tagsNamed, textOf, attribute, wireItems } from '../support/http.js';
import { newVisitor, startServer, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

interface Found { en: string; ko: string; match: { en?: [number, number]; ko?: [number, number] } }
interface SearchAnswer { query: string; total: number; countries: Found[] }

const server = useServer();
let visitor: Visitor;
beforeAll(async () => { visitor = await newVisitor(server.url, '/lessons/search'); });

const json = async (q: string, query = ''): Promise<SearchAnswer> => {
  const res = await visitor.fetch(`/api/search?q=${encodeURIComponent(q)}${query}`, { csrf: false });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as SearchAnswer;
};
const fragment = async (q: string, query = ''): Promise<string> => {
  const res = await visitor.fetch(`/search/?q=${encodeURIComponent(q)}${query}`, { csrf: false, headers: { 'HX-Request': 'true' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
};
/** The list items of a fragment as a browser shows them. */
const itemsOf = (html: string) => [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
const statusOf = (html: string) => textOf(/<p class="search-status">([\s\S]*?)<\/p>/.exec(html)![1]!);
/** Names containing `part`, ignoring case: what a search must find, worked out from the data itself. */
const containing = (part: string) => countries.filter((c) => c.en.toLowerCase().includes(part) || c.ko.includes(part));

describe('lesson 5: the matching rule, the same on both lanes', () => {
  it('lists at least 100 countries, each name found whole by itself, in both languages', async () => {
    expect(countries.length).toBeGreaterThanOrEqual(100);
    for (const country of countries) {
      for (const lang of ['en', 'ko'] as const) {
        const found = (await json(country[lang])).countries.find((c) => c.en === country.en);
        expect(found?.match[lang], `${lang} name of ${country.en}`).toEqual([0, country[lang].length]);
      }
    }
  });

  it('ignores case and accents, and marks the name as written', async () => {
    for (const q of ['KOREA', 'korea', 'Korea', ' korea ']) {
      expect((await json(q)).countries.map((c) => c.en)).toEqual(['North Korea', 'South Korea']);
    }
    const cote = await json('COTE D');
    expect(cote.countries).toEqual([{ en: "Côte d'Ivoire", ko: '코트디부아르', match: { en: [0, 6] } }]);
    expect(await fragment('sao tome')).toContain('<mark>São Tomé</mark> and Príncipe');
    expect(await fragment('turk')).toContain('<mark>Türk</mark>iye');
  });

  it('puts names that start with the text first, then the rest, each part in alphabetical order', async () => {
    const names = (await json('guinea')).countries.map((c) => c.en);
    expect(names).toEqual(['Guinea', 'Guinea-Bissau', 'Equatorial Guinea', 'Papua New Guinea']);
  });

  it('shows at most 20, counts them all, and says how many more there are', async () => {
    const answer = await json('a');
    expect(answer.total).toBe(containing('a').length);
    expect(answer.total).toBeGreaterThan(100);
    expect(answer.countries).toHaveLength(20);
    const html = await fragment('a');
    expect(statusOf(html)).toBe(`${answer.total} matches`);
    expect(itemsOf(html)).toHaveLength(20);
    expect(html).toContain(`<p class="search-more">…and ${answer.total - 20} more: keep typing to narrow the list.</p>`);
    // A list that fits has no "more" line, and one match is "1 match".
    const one = await fragment('peru');
    expect(statusOf(one)).toBe('1 match');
    expect(one).not.toContain('search-more');
  });

  it('says so when nothing matches, and shows the hint for an empty or missing q', async () => {
    expect(await json('zzz')).toEqual({ query: 'zzz', total: 0, countries: [] });
    expect(statusOf(await fragment('zzz'))).toBe('No country matches “zzz”.');
    for (const path of ['/api/search', '/api/search?q=', '/api/search?q=%20%20', '/api/search?q[]=kor', '/api/search?Q=kor']) {
      expect(await (await visitor.fetch(path)).json(), path).toEqual({ query: '', total: 0, countries: [] });
    }
    for (const path of ['/search/', '/search/?q=', '/search/?q=%20']) {
      const html = await (await visitor.fetch(path, { headers: { 'HX-Request': 'true' } })).text();
      expect(html.trim(), path).toBe('<p class="search-status">Type part of a country’s name, in English or Korean.</p>');
    }
    // Text that folds to nothing (a lone accent) finds nothing rather than everything.
    expect((await json('\u0301')).total).toBe(0);
  });
});

describe('lesson 5: what a query may be', () => {
  it('accepts 100 characters and refuses 101 with a 400, on both lanes', async () => {
    expect((await json('a'.repeat(100))).total).toBe(0);
    const long = encodeURIComponent('a'.repeat(101));
    const api = await visitor.fetch(`/api/search?q=${long}`);
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { status: 400, message: 'The search text is longer than 100 characters.' } });
    const htmx = await visitor.fetch(`/search/?q=${long}`, { headers: { 'HX-Request': 'true' } });
    expect(htmx.status).toBe(400);
    expect(htmx.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
    expect(textOf(await htmx.text())).toContain('The search text is longer than 100 characters.');
    const page = await visitor.fetch(`/search/?q=${long}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/^<!doctype html>[\s\S]*longer than 100 characters/);
  });

  it.each([
    ['two q', '?q=a&q=b'],
    ['an empty q and another', '?q=&q=kor'],
    ['many q', '?' + Array.from({ length: 50 }, () => 'q=x').join('&')],
  ])('refuses %s with a 400 on both lanes, in the visitor\'s language', async (_what, query) => {
    const api = await visitor.fetch(`/api/search${query}`);
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { status: 400, message: 'Send one search text (q), not several.' } });
    const htmx = await visitor.fetch(`/search/${query}`, { headers: { 'HX-Request': 'true' } });
    expect(htmx.status).toBe(400);
    expect(htmx.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
    const korean = await visitor.fetch(`/api/search${query}&lang=ko`);
    expect((await korean.json()) as unknown).toEqual({ error: { status: 400, message: '검색어(q)는 하나만 보내야 합니다.' } });
  });

  it('survives broken percent-encoding and control characters', async () => {
    for (const path of ['/api/search?q=%', '/api/search?q=%E0%A4%A', '/api/search?q=%FF%FE', '/api/search?q=%00kor%0A']) {
      const res = await rawRequest(server.url, path, { headers: { Cookie: visitor.cookie } });
      expect(res.status, path).toBe(200);
      expect(JSON.parse(res.text), path).toHaveProperty('countries');
    }
  });

  it('is a GET: no CSRF token needed; other methods are refused', async () => {
    expect((await visitor.fetch('/api/search?q=kor', { csrf: false })).status).toBe(200);
    expect((await visitor.fetch('/search/?q=kor', { csrf: false, headers: { 'HX-Request': 'true' } })).status).toBe(200);
    const head = await visitor.fetch('/search/?q=kor', { method: 'HEAD', headers: { 'HX-Request': 'true' } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const path of ['/api/search?q=kor', '/search/?q=kor']) {
      expect((await visitor.fetch(path, { method: 'POST', csrf: false })).status, `POST ${path} without a token`).toBe(403);
      const post = await visitor.fetch(path, { method: 'POST' });
      expect(post.status, `POST ${path}`).toBe(405);
      expect(post.headers.get('allow')).toMatch(/GET/);
      expect((await visitor.fetch(path, { method: 'DELETE' })).status, `DELETE ${path}`).toBe(405);
    }
  });
});

describe('lesson 5: hostile text stays text', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg/onload=alert(1)>", '$&$`{q}'];

  it.each(hostile)('%s: escaped in the partial, in the page\'s search box, and echoed as data by the JSON lane', async (q) => {
    const html = await fragment(q);
    expect(html).not.toMatch(/<script>alert|<img src=x|<svg\/onload/);
    expect(statusOf(html)).toBe(`No country matches “${q}”.`);
    expect((await json(q)).query).toBe(q);

    const page = await (await visitor.fetch(`/search/?q=${encodeURIComponent(q)}`)).text();
    expect(page).not.toMatch(/<script>alert|<img src=x|<svg\/onload/);
    const box = tagsNamed(page, 'input').find((tag) => tag.includes('id="htmx-search-input"'))!;
    expect(attribute(box, 'value')).toBe(q);
    expect(textOf(page)).toContain(`No country matches “${q}”.`);
  });

  it('marks a match that holds a quote as escaped text', async () => {
    const html = await fragment("d'i");
    expect(html).toContain('<span class="country-name" lang="en">Côte <mark>d&#39;I</mark>voire</span>');
    expect((await json("d'i")).countries[0]!.match).toEqual({ en: [5, 8] });
  });

  it('shows a hostile query as text in the inspector too', async () => {
    const watcher = await newVisitor(server.url, '/lessons/search');
    await watcher.fetch(`/search/?q=${encodeURIComponent(hostile[0]!)}`, { headers: { 'HX-Request': 'true' } });
    const page = await (await watcher.fetch('/lessons/search')).text();
    const [item] = wireItems(page, 'wire-search-htmx');
    expect(item).not.toContain('<script>alert');
    // The response body is shown as the wire carried it: the escaped text, itself escaped for the page.
    expect(textOf(item!)).toContain('No country matches “&lt;script&gt;alert(1)&lt;/script&gt;”.');
  });
});

describe('lesson 5: the page and its neighbours', () => {
  it('answers /search/ by HX-Request and says so with Vary, on both answers', async () => {
    for (const headers of [{ 'HX-Request': 'true' }, {}] as Array<Record<string, string>>) {
      const res = await visitor.fetch('/search/?q=chin', { headers });
      expect(res.headers.get('vary')).toMatch(/HX-Request/);
    }
  });

  it('files each lane\'s exchanges under this lesson in the inspector', async () => {
    const watcher = await newVisitor(server.url, '/lessons/search');
    await watcher.fetch('/api/search?q=peru');
    await watcher.fetch('/search/?q=chile', { headers: { 'HX-Request': 'true' } });
    const page = await (await watcher.fetch('/lessons/search')).text();
    expect(textOf(wireItems(page, 'wire-search-json')[0]!)).toMatch(/200\s*GET\s*\/api\/search\?q=peru/);
    expect(textOf(wireItems(page, 'wire-search-htmx')[0]!)).toMatch(/200\s*GET\s*\/search\/\?q=chile/);
    const likePage = await (await watcher.fetch('/lessons/like')).text();
    expect(likePage).not.toContain('/api/search');
  });

  it('serves its script and stylesheet, and its reset changes nothing and comes back to the lesson', async () => {
    expect((await visitor.fetch('/static/lessons/search/search.js')).headers.get('content-type')).toMatch(/javascript/);
    expect((await visitor.fetch('/static/lessons/search/search.css')).headers.get('content-type')).toMatch(/^text\/css/);
    const reset = await visitor.fetch('/lessons/search/reset', { method: 'POST', redirect: 'manual' });
    expect(reset.status).toBe(303);
    expect(reset.headers.get('location')).toBe('/lessons/search');
    expect((await visitor.fetch('/lessons/search/reset', { method: 'POST', csrf: false, redirect: 'manual' })).status).toBe(403);
    expect((await json('kor')).total).toBe(2);
  });

  it('shows no Reset button, since it keeps nothing on the server (lesson 1 does show one)', async () => {
    const resetForm = (id: string) => `action="/lessons/${id}/reset"`;
    expect(await (await visitor.fetch('/lessons/search')).text()).not.toContain(resetForm('search'));
    expect(await (await visitor.fetch('/lessons/like')).text()).toContain(resetForm('like'));
  });
});

describe('lesson 5 in Korean', () => {
  let korean: Visitor;
  beforeAll(async () => { korean = await newVisitor(server.url, '/lessons/search?lang=ko'); });

  it('shows the page in Korean, Korean names first', async () => {
    const html = await (await korean.fetch('/lessons/search')).text();
    expect(html).toMatch(/<html lang="ko"/);
    expect(html).toContain('실시간 검색');
    expect(html).toContain('<label for="htmx-search-input">나라 검색</label>');
    expect(html).toContain('나라 이름의 일부를 영어나 한국어로 입력하세요.');
    expect(html).toContain('나라 196개를');
    const words = attribute(tagsNamed(html, 'div').find((tag) => tag.includes('id="json-search-results"'))!, 'data-words')!;
    expect(JSON.parse(words)).toMatchObject({ count: '검색 결과 {n}개', none: '“{q}”에 맞는 나라가 없습니다.' });
  });

  it('finds Korean text, marks it, and sorts in Korean order', async () => {
    const res = await korean.fetch(`/search/?q=${encodeURIComponent('공화국')}`, { headers: { 'HX-Request': 'true' } });
    const html = await res.text();
    expect(statusOf(html)).toBe('검색 결과 5개');
    expect(itemsOf(html)).toEqual([
      '남아프리카 공화국 South Africa', '도미니카 공화국 Dominican Republic', '중앙아프리카 공화국 Central African Republic',
      '콩고 공화국 Congo', '콩고 민주 공화국 DR Congo',
    ]);
    expect(html).toContain('<span class="country-name" lang="ko">콩고 민주 <mark>공화국</mark></span> <span class="country-other" lang="en">DR Congo</span>');
    const api = (await (await korean.fetch(`/api/search?q=${encodeURIComponent('대한')}`)).json()) as SearchAnswer;
    expect(api.countries).toEqual([{ en: 'South Korea', ko: '대한민국', match: { ko: [0, 2] } }]);
  });

  it('says "no match" and "more" in Korean', async () => {
    const none = await (await korean.fetch('/search/?q=zzz', { headers: { 'HX-Request': 'true' } })).text();
    expect(statusOf(none)).toBe('“zzz”에 맞는 나라가 없습니다.');
    const many = await (await korean.fetch('/search/?q=a', { headers: { 'HX-Request': 'true' } })).text();
    expect(many).toMatch(/<p class="search-more">…외 \d+개가 더 있습니다\. 더 입력해서 좁혀 보세요\.<\/p>/);
    const long = await korean.fetch(`/api/search?q=${'a'.repeat(101)}`);
    expect(await long.json()).toEqual({ error: { status: 400, message: '검색어가 100자보다 깁니다.' } });
  });
});

describe('a latency worked out per request (what the browser race test uses)', () => {
  it('is asked about lane requests only, sees the request, and holds each answer back by its own delay', async () => {
    const asked: string[] = [];
    const slow = await startServer({
      latencyMs: (ctx) => {
        asked.push(ctx.originalUrl);
        return ctx.query.q === 'slow' ? 300 : 0;
      },
    });
    try {
      const learner = await newVisitor(slow.url, '/lessons/search');
      await learner.fetch('/static/lessons/search/search.js');
      const started = performance.now();
      expect((await learner.fetch('/api/search?q=slow')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect((await learner.fetch('/search/?q=fast', { headers: { 'HX-Request': 'true' } })).status).toBe(200);
      expect(asked).toEqual(['/api/search?q=slow', '/search/?q=fast']);
    } finally {
      await slow.close();
    }
  });
});

describe('lesson 5 notes', () => {
  const areas = ['controls', 'lanes', 'json-demo', 'htmx-demo', 'json-steps', 'htmx-steps', 'json-wire', 'htmx-wire', 'json-code', 'htmx-code'];
  const stepsOf = (lang: string) => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'lessons', 'search', `notes.${lang}.md`), 'utf8');
    return text.split(/^(?=## )/m).map((step) => /^## (.+)\n<!-- highlight: ([\w-]+) -->\n(\S[\s\S]*)$/.exec(step));
  };

  it('are 3 to 6 walkthrough steps, the same areas in the same order in English and Korean', () => {
    const [en, ko] = [stepsOf('en'), stepsOf('ko')];
    expect(en.length).toBeGreaterThanOrEqual(3);
    expect(en.length).toBeLessThanOrEqual(6);
    for (const step of [...en, ...ko]) {
      expect(step, 'a heading, a highlight line, then text').not.toBeNull();
      expect(areas).toContain(step![2]);
    }
    expect(ko.map((step) => step![2])).toEqual(en.map((step) => step![2]));
  });
});
