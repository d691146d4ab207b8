// Lesson 1 over HTTP, both lanes: each click counts one, and the answer is JSON or the _like_button partial.
import { expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { visitor } = useLessonServer('like');

it('JSON lane: POST /api/like answers {"likes": N}, one more each time', async () => {
  const post = () => visitor.fetch('/api/like', { method: 'POST', headers: { Accept: 'application/json' } });
  expect(await (await post()).json()).toEqual({ likes: 1 });
  expect(await (await post()).json()).toEqual({ likes: 2 });
});

it('htmx lane: POST /like/ answers the liked button inside #like-section', async () => {
  const res = await visitor.fetch('/like/', { method: 'POST', headers: { 'HX-Request': 'true' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toMatch(/^<div id="like-section"><button hx-post="\/like\/" [^>]*class="btn-liked">/);
  expect(html).toContain('(1)');
});

it('both lanes refuse a POST without the CSRF token, and count nothing', async () => {
  for (const path of ['/api/like', '/like/']) {
    expect((await visitor.fetch(path, { method: 'POST', csrf: false })).status).toBe(403);
  }
  expect(await (await visitor.fetch('/api/like', { method: 'POST' })).json()).toEqual({ likes: 1 });
});

it('htmx lane: a POST without HX-Request (not htmx) gets the whole page, never a bare fragment', async () => {
  const res = await visitor.fetch('/like/', { method: 'POST' });
  expect(res.status).toBe(200);
  expect(res.headers.get('vary')).toContain('HX-Request');
  expect(await res.text()).toMatch(/^<!doctype html>/i);
});
