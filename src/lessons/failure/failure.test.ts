// Lesson 7 over HTTP, both lanes: news as JSON or a fragment, and the visitor's switches: latency, a one-shot 500, network down.
import { expect, it } from 'vitest';
import { useLessonServer, type Visitor } from '../../../test/support/lesson-server.js';

const { server, visitor } = useLessonServer('failure');

const flip = (who: Visitor, fields: string) =>
  who.fetch('/failure/switches', { method: 'POST', headers: { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' }, body: fields });
const jsonNews = (who = visitor) => who.fetch('/api/failure/news', { headers: { Accept: 'application/json' } });
const htmxNews = (who = visitor) => who.fetch('/failure/news', { headers: { 'HX-Request': 'true' } });

it('JSON lane: GET /api/failure/news answers a headline and when it was published', async () => {
  const res = await jsonNews();
  expect(res.status).toBe(200);
  const news = await res.json();
  expect(news).toEqual({ headline: expect.any(String), publishedAt: expect.any(String) });
  expect(Number.isNaN(Date.parse(news.publishedAt))).toBe(false);
});

it('htmx lane: GET /failure/news answers the _news partial', async () => {
  const res = await htmxNews();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await res.text()).toMatch(/^<p class="news"><time datetime="[^"]+">[^<]+<\/time> \S[^<]*<\/p>\s*$/);
});

it('htmx lane: GET /failure/news opened directly answers the whole page, and both answers say Vary: HX-Request', async () => {
  const res = await visitor.fetch('/failure/news');
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/^<!doctype html>[^]*id="htmx-news"/i);
  expect(res.headers.get('vary')).toMatch(/HX-Request/i);
  expect((await htmxNews()).headers.get('vary')).toMatch(/HX-Request/i);
});

it('the switch strip answers its new state; "500 on the next request" fails one request, then both lanes work', async () => {
  const strip = await flip(visitor, 'fail=once');
  expect(strip.status).toBe(200);
  expect(await strip.text()).toMatch(/id="switch-fail" name="fail" value="off" aria-pressed="true"/);
  const failed = await jsonNews();
  expect(failed.status).toBe(500);
  expect(await failed.json()).toEqual({ error: { status: 500, message: 'Internal Server Error' } });
  expect((await htmxNews()).status).toBe(200);
  expect((await jsonNews()).status).toBe(200);
});

it('"network down" closes the connection with no answer, on both lanes, until it is switched back up', async () => {
  await flip(visitor, 'network=down');
  await expect(jsonNews()).rejects.toThrow(TypeError);
  await expect(htmxNews()).rejects.toThrow(TypeError);
  await flip(visitor, 'network=up');
  expect((await htmxNews()).status).toBe(200);
});

it('latency holds the answer back by the chosen time', async () => {
  await flip(visitor, 'latency=1000');
  const started = Date.now();
  expect((await htmxNews()).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

it('the switches belong to one visitor: another visitor is not failed', async () => {
  await flip(visitor, 'fail=once&network=down');
  const other = await server.visitor();
  expect((await jsonNews(other)).status).toBe(200);
  expect((await htmxNews(other)).status).toBe(200);
});

it('the switches refuse a POST without the CSRF token, and do not change', async () => {
  const res = await visitor.fetch('/failure/switches', { method: 'POST', csrf: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'network=down' });
  expect(res.status).toBe(403);
  expect((await htmxNews()).status).toBe(200);
});

it('the lesson page shows the switch strip and both lanes\' buttons', async () => {
  const html = await (await visitor.fetch('/lessons/failure')).text();
  expect(html).toContain('<form id="failure-switches"');
  expect(html).toContain('id="json-news-button"');
  expect(html).toMatch(/hx-get="\/failure\/news"[^>]*hx-disable="this"/);
});
