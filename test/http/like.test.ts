// Lesson 1 over real HTTP: both lanes count independently, pages show the server's counts, reset and Korean work.
import { describe, expect, it } from 'vitest';
import { currentCounts, demoOf, like, likeLanes, otherLane, pageCounts } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'like');

const initialHtmxMarkup = (n: number, label = 'Like') =>
  `<div id="like-section"><button hx-post="/like/" hx-target="#like-section" hx-swap="outerHTML">❤️ ${label} (${n})</button></div>`;
const likedHtmxMarkup = (n: number, label = 'Like') =>
  `<div id="like-section"><button hx-post="/like/" hx-target="#like-section" hx-swap="outerHTML" class="btn-liked">❤️ ${label} (${n})</button></div>`;

describe('lesson 1: like', () => {
  it('the htmx lane answers the _like_button partial with the new count', async () => {
    const res = await like(visitor, likeLanes[1]!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await res.text()).trim()).toBe(likedHtmxMarkup(1));
  });

  it('the JSON lane answers {"likes": N}', async () => {
    await like(visitor, likeLanes[0]!);
    const res = await like(visitor, likeLanes[0]!);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ likes: 2 });
  });

  it.each(likeLanes)('the $id lane counts up by one per click and leaves the other lane alone', async (lane) => {
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(await lane.countIn(await like(visitor, lane)));
    expect(seen).toEqual([1, 2, 3]);
    expect(await currentCounts(visitor)).toEqual({ [lane.id]: 3, [otherLane(lane).id]: 0 });
  });

  it('the count is the server\'s, not the visitor\'s: a second visitor continues from it', async () => {
    for (const lane of likeLanes) await like(visitor, lane);
    const other = await newVisitor(server.url);
    for (const lane of likeLanes) expect(await lane.countIn(await like(other, lane))).toBe(2);
  });

  it.each(['/', '/lessons/like'])('a full load of %s shows the current counts of both lanes', async (path) => {
    for (let i = 0; i < 2; i++) await like(visitor, likeLanes[0]!);
    for (let i = 0; i < 5; i++) await like(visitor, likeLanes[1]!);
    const res = await visitor.fetch(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(pageCounts(html)).toEqual({ json: 2, htmx: 5 });
    // On a fresh page the button has not been clicked: the partial without btn-liked.
    expect(demoOf(html, 'htmx')).toContain(initialHtmxMarkup(5));
    for (const lane of likeLanes) expect(demoOf(html, lane.id)).not.toContain('btn-liked');
  });

  it.each([
    ['the _csrf form field', (v: Visitor) => ({ csrf: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(v.csrfToken)}` })],
    ['the X-CSRF-Token header', () => ({})],
  ])('reset with %s sets both lanes to 0 and redirects (303) to the lesson', async (_how, init) => {
    for (const lane of likeLanes) await like(visitor, lane);
    expect(await currentCounts(visitor)).toEqual({ json: 1, htmx: 1 });
    const res = await visitor.fetch('/lessons/like/reset', { method: 'POST', redirect: 'manual', ...init(visitor) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(await currentCounts(visitor)).toEqual({ json: 0, htmx: 0 });
  });
});

describe('lesson 1 in Korean', () => {
  it('?lang=ko labels the partial 좋아요', async () => {
    const res = await like(visitor, likeLanes[1]!, {}, '?lang=ko');
    expect((await res.text()).trim()).toBe(likedHtmxMarkup(1, '좋아요'));
  });

  it('?lang=ko labels both lanes of the page 좋아요 and is remembered by cookie', async () => {
    const korean = await newVisitor(server.url, '/?lang=ko'); // keeps the cookie the switch set
    expect(korean.cookie).toMatch(/hxd_lang=ko/);
    for (const path of ['/', '/lessons/like']) {
      const html = await (await korean.fetch(path)).text();
      expect(html).toMatch(/<html lang="ko"/);
      expect(html).toContain('❤️ 좋아요 (<span id="count">0</span>)');
      expect(html).toContain(initialHtmxMarkup(0, '좋아요'));
    }
    expect((await like(korean, likeLanes[1]!).then((r) => r.text())).trim()).toBe(likedHtmxMarkup(1, '좋아요'));
    // Someone else's choice is not ours.
    expect(await (await visitor.fetch('/')).text()).toContain(initialHtmxMarkup(1));
  });

  it('?lang=en switches a Korean visitor back', async () => {
    const korean = await newVisitor(server.url, '/?lang=ko');
    const res = await korean.fetch('/?lang=en');
    expect(await res.text()).toContain(initialHtmxMarkup(0));
    expect(res.headers.getSetCookie().join()).toMatch(/hxd_lang=en/);
  });
});
