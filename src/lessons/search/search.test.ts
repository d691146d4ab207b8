// Lesson 5 over HTTP, both lanes: a GET with ?q= answers the matching countries as JSON or as the _results partial.
import { expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { visitor } = useLessonServer('search');

it('the lesson page has both search boxes, the htmx one with its timing declared', async () => {
  const html = await (await visitor.fetch('/lessons/search')).text();
  expect(html).toContain('id="json-search-input"');
  expect(html).toContain('<script type="module" src="/static/lessons/search/search.js"></script>');
  expect(html).toMatch(/<input type="search" id="htmx-search-input" name="q"[^>]*hx-get="\/search\/" hx-trigger="input delay:300ms, search"/);
  expect(html).toMatch(/hx-target="#search-results" hx-sync="this:replace" hx-indicator="#htmx-search-indicator"/);
});

it('JSON lane: GET /api/search?q=kor answers the matches, where each name matched, and the total', async () => {
  const res = await visitor.fetch('/api/search?q=kor', { csrf: false, headers: { Accept: 'application/json' } });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    query: 'kor',
    total: 2,
    countries: [
      { en: 'North Korea', ko: '북한', match: { en: [6, 9] } },
      { en: 'South Korea', ko: '대한민국', match: { en: [6, 9] } },
    ],
  });
});

it('htmx lane: GET /search/?q=kor answers the _results partial, the match marked', async () => {
  const res = await visitor.fetch('/search/?q=kor', { csrf: false, headers: { 'HX-Request': 'true' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('vary')).toMatch(/HX-Request/);
  const html = await res.text();
  expect(html).toMatch(/^<p class="search-status">2 matches<\/p>/);
  expect(html).toContain('<li><span class="country-name" lang="en">South <mark>Kor</mark>ea</span> <span class="country-other" lang="ko">대한민국</span></li>');
});

it('htmx lane: the same URL opened in the address bar is the whole lesson page, results in place', async () => {
  const res = await visitor.fetch('/search/?q=kor');
  expect(res.status).toBe(200);
  expect(res.headers.get('vary')).toMatch(/HX-Request/);
  const html = await res.text();
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).toMatch(/id="htmx-search-input" name="q" value="kor"/);
  expect(html).toContain('South <mark>Kor</mark>ea');
});

it('both lanes refuse two q at once with a 400', async () => {
  expect((await visitor.fetch('/api/search?q=a&q=b')).status).toBe(400);
  expect((await visitor.fetch('/search/?q=a&q=b', { headers: { 'HX-Request': 'true' } })).status).toBe(400);
});
