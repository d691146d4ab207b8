// Lesson 7 over real HTTP: every route, the switches per visitor, a hang-up the server survives, bad input, CSRF,
// Korean, reset.
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/app.js';
import { isClientGone } from '../../src/kit/errors.js';
import { requestBytes, sendRaw } from '../load/support/raw-socket.js';
import { textOf, wireItems } from '../support/http.js';
import { newVisitor } from '../support/server.js';
import { useAppErrors, useLessonVisitor, useServer } from '../support/suite.js';

const records: RequestRecord[] = [];
const server = useServer({ onRequest: (record) => records.push(record) });
const visitor = useLessonVisitor(server, 'failure');
const appErrors = useAppErrors(server);

const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const flip = (fields: string, who = visitor, headers: Record<string, string> = { 'HX-Request': 'true' }) =>
  who.fetch('/failure/switches', { method: 'POST', redirect: 'manual', headers: { ...form, ...headers }, body: fields });
const jsonNews = (who = visitor, query = '') => who.fetch(`/api/failure/news${query}`, { headers: { Accept: 'application/json' } });
const htmxNews = (who = visitor, query = '') => who.fetch(`/failure/news${query}`, { headers: { 'HX-Request': 'true', 'HX-Target': 'div#htmx-news', Accept: 'text/html' } });

interface Shown { latency: string; fail: boolean; network: boolean; line: string }

/** The switches as the strip shows them: the pressed latency, the two toggles, and the state line. */
function shownSwitches(html: string): Shown {
  const pressed = (id: string) => new RegExp(`id="${id}"[^>]*aria-pressed="true"`).test(html);
  const latency = /id="switch-latency-(\d+)"[^>]*aria-pressed="true"/.exec(html)?.[1];
  const line = /<p class="switches-state" role="status">([\s\S]*?)<\/p>/.exec(html)?.[1];
  if (latency === undefined || line === undefined) throw new Error(`no switch strip in: ${html.slice(0, 300)}`);
  return { latency, fail: pressed('switch-fail'), network: pressed('switch-network'), line: textOf(line).replace(/\s+/g, ' ').trim() };
}
const switchesOf = async (who = visitor) => shownSwitches(await (await who.fetch('/lessons/failure')).text());
const initial: Shown = { latency: '0', fail: false, network: false, line: 'Latency: off · Next request: answers normally · Network: up' };

/** One GET on a fresh connection, read to the end: what the client got back (nothing at all when hung up on). */
const rawGet = (path: string, who = visitor) =>
  sendRaw(server.url, requestBytes('GET', path, { Cookie: who.cookie, 'HX-Request': 'true' }), { readMs: 3000 });

describe('lesson 7: failure, the lanes', () => {
  it('the JSON lane answers {"headline", "publishedAt"} in JSON', async () => {
    const res = await jsonNews();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { headline, publishedAt } = await res.json();
    expect(headline).toMatch(/\S/);
    expect(Math.abs(Date.parse(publishedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('the htmx lane answers the _news partial: a time and a headline', async () => {
    const res = await htmxNews();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = (await res.text()).trim();
    expect(html).toMatch(/^<p class="news"><time datetime="[^"]+">\d{2}:\d{2}:\d{2}<\/time> [^<]+<\/p>$/);
  });

  it('the page shows both lanes\' controls: indicator, disable and hx-status on the htmx button, its error script', async () => {
    const html = await (await visitor.fetch('/lessons/failure')).text();
    expect(html).toMatch(/<button hx-get="\/failure\/news" hx-target="#htmx-news" hx-indicator="#htmx-news-loading" hx-disable="this"\s+hx-status:5xx="swap:none">Load the latest news<\/button>/);
    expect(html).toContain('<span id="htmx-news-loading" class="htmx-indicator loading">Loading…</span>');
    expect(html).toContain('<button id="json-news-button" type="button">Load the latest news</button>');
    expect(html).toContain('<span id="json-news-loading" class="loading" hidden>Loading…</span>');
    for (const script of ['/static/lessons/failure/htmx-errors.js', '/static/lessons/failure/news.js']) {
      expect(html).toContain(`<script type="module" src="${script}"></script>`);
      expect((await visitor.fetch(script)).status).toBe(200);
    }
    expect(shownSwitches(html)).toEqual(initial);
  });

  it.each([
    ['POST', '/failure/news'], ['POST', '/api/failure/news'], ['DELETE', '/api/failure/news'], ['PUT', '/failure/switches'], ['DELETE', '/failure/switches'],
  ])('%s %s is the wrong method: 405, no 500', async (method, path) => {
    const res = await visitor.fetch(path, { method });
    expect(res.status).toBe(405);
  });
});

describe('lesson 7: the switches', () => {
  it('an htmx post answers the strip in its new state; the page shows the same state afterwards', async () => {
    const res = await flip('latency=3000');
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/HX-Request/i);
    const strip = await res.text();
    expect(strip.trim()).toMatch(/^<form id="failure-switches"/);
    expect(shownSwitches(strip)).toEqual({ ...initial, latency: '3000', line: 'Latency: 3 s · Next request: answers normally · Network: up' });
    expect(await switchesOf()).toEqual(shownSwitches(strip));
  });

  it('GET /failure/switches: the strip for htmx, the whole lesson page for the address bar (Vary: HX-Request)', async () => {
    await flip('fail=once');
    const strip = await visitor.fetch('/failure/switches', { headers: { 'HX-Request': 'true' } });
    expect(strip.headers.get('vary')).toMatch(/HX-Request/i);
    const html = await strip.text();
    expect(html.trim()).toMatch(/^<form id="failure-switches"[\s\S]*<\/form>$/);
    expect(shownSwitches(html).fail).toBe(true);
    await htmxNews(); // uses the 500 up: the strip, asked again, says so
    expect(shownSwitches(await (await visitor.fetch('/failure/switches', { headers: { 'HX-Request': 'true' } })).text()).fail).toBe(false);
    const page = await visitor.fetch('/failure/switches');
    expect(page.headers.get('vary')).toMatch(/HX-Request/i);
    const full = await page.text();
    expect(full).toMatch(/^<!doctype html>/i);
    expect(full).toContain('<a href="/lessons/failure" aria-current="page">');
    expect(shownSwitches(full)).toEqual(initial);
  });

  it('with JavaScript off (the _csrf field, no HX-Request) the form post redirects back to the lesson (303)', async () => {
    const res = await flip(`network=down&_csrf=${encodeURIComponent(visitor.csrfToken)}`, visitor, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/failure');
    expect(res.headers.get('vary')).toMatch(/HX-Request/i);
    expect((await switchesOf()).network).toBe(true);
  });

  it('flips several switches at once, and each toggles back', async () => {
    expect(shownSwitches(await (await flip('latency=1000&fail=once&network=down')).text())).toEqual({
      latency: '1000', fail: true, network: true, line: 'Latency: 1 s · Next request: answers 500 (once) · Network: down',
    });
    expect(shownSwitches(await (await flip('latency=0&fail=off&network=up')).text())).toEqual(initial);
  });

  it('takes JSON too, when the values are the form\'s strings', async () => {
    const res = await visitor.fetch('/failure/switches', { method: 'POST', headers: { 'HX-Request': 'true', 'Content-Type': 'application/json' }, body: '{"fail":"once"}' });
    expect(res.status).toBe(200);
    expect((await switchesOf()).fail).toBe(true);
  });

  it('latency holds back both lanes by the chosen time', async () => {
    await flip('latency=1000');
    for (const request of [jsonNews, htmxNews]) {
      const started = performance.now();
      expect((await request()).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    }
  });

  it('"500 on the next request" fails exactly one request of either lane, then turns itself off', async () => {
    await flip('fail=once');
    const failed = await htmxNews();
    expect(failed.status).toBe(500);
    expect((await switchesOf()).fail).toBe(false);
    expect((await jsonNews()).status).toBe(200);
    expect((await htmxNews()).status).toBe(200);
  });

  it('the htmx lane\'s 500 is a whole error page (what a crash sends), not retargeted; the JSON lane\'s is a JSON error', async () => {
    await flip('fail=once');
    const page = await htmxNews();
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('hx-retarget')).toBeNull();
    expect(await page.text()).toMatch(/^<!doctype html>[\s\S]*<h1>500 Internal Server Error<\/h1>/);
    await flip('fail=once');
    const json = await jsonNews();
    expect(json.status).toBe(500);
    expect(await json.json()).toEqual({ error: { status: 500, message: 'Internal Server Error' } });
    expect(appErrors).toEqual([]); // a 500 on purpose is not a server fault to log
  });

  it('a switched-off 500 fails nothing', async () => {
    await flip('fail=once');
    await flip('fail=off');
    expect((await htmxNews()).status).toBe(200);
  });

  it('"network down" destroys the connection before any byte, on both lanes; the server goes on answering', async () => {
    await flip('network=down');
    for (const path of ['/failure/news', '/api/failure/news']) {
      const answer = await rawGet(path);
      expect(answer.status).toBe(0);
      expect(answer.text).toBe('');
    }
    await expect(jsonNews()).rejects.toThrow(TypeError);
    // The same visitor's pages and switches still work, and so does everybody else.
    expect((await visitor.fetch('/lessons/failure')).status).toBe(200);
    const other = await newVisitor(server.url, '/lessons/failure');
    expect((await htmxNews(other)).status).toBe(200);
    await flip('network=up');
    expect((await rawGet('/failure/news')).status).toBe(200);
    expect(appErrors.filter((err) => !isClientGone(err))).toEqual([]);
  });

  it('a hung-up exchange shows in the inspector as "no response", and the request log calls it aborted', async () => {
    await flip('network=down');
    await rawGet('/api/failure/news?marker=hangup');
    const item = wireItems(await (await visitor.fetch('/lessons/failure')).text(), 'wire-failure-json')[0]!;
    expect(item).toContain('/api/failure/news?marker=hangup');
    expect(item).toContain('<span class="status status-none">no response</span>');
    expect(item).toContain('The connection closed before any answer was sent');
    expect(item).toContain('0 B raw · 0 B gzip');
    const record = records.find((r) => r.url === '/api/failure/news?marker=hangup')!;
    expect(record).toMatchObject({ aborted: true, bytes: 0, lane: 'json' });
  });

  it('a hang-up after latency still hangs up (the client waited, then got nothing)', async () => {
    await flip('latency=1000&network=down');
    const started = performance.now();
    expect((await rawGet('/failure/news')).status).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('belong to one visitor: another visitor\'s requests are neither failed, cut nor slowed', async () => {
    const other = await newVisitor(server.url, '/lessons/failure');
    await flip('fail=once&network=down&latency=3000');
    expect((await jsonNews(other)).status).toBe(200);
    expect((await htmxNews(other)).status).toBe(200);
    expect(await switchesOf(other)).toEqual(initial);
    // ...and the other visitor's one-shot 500 is theirs alone.
    await flip('network=up&latency=0');
    await flip('fail=once', other);
    expect((await htmxNews()).status).toBe(500); // ours, still armed from above
    expect((await htmxNews(other)).status).toBe(500);
    expect((await htmxNews()).status).toBe(200);
    expect((await htmxNews(other)).status).toBe(200);
  });
});

describe('lesson 7: bad input to the switches', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
  const refused: Array<[string, Record<string, string>, string]> = [
    ['no field at all', form, ''],
    ['only the CSRF field', form, `_csrf=x`],
    ['an unknown switch', form, 'speed=fast'],
    ['a latency not offered', form, 'latency=5000'],
    ['a negative latency', form, 'latency=-1'],
    ['an unknown fail value', form, 'fail=twice'],
    ['an unknown network value', form, 'network=sideways'],
    ['one good and one bad field (nothing applies)', form, 'network=down&fail=twice'],
    ['a field given twice (an array)', form, 'latency=0&latency=1000'],
    ['a nested field', form, 'latency[a]=1000'],
    ['__proto__', form, '__proto__=once'],
    ['constructor', form, 'constructor=once'],
    ['toString as a value', form, 'fail=toString'],
    ['a number in JSON', { 'Content-Type': 'application/json' }, '{"latency":1000}'],
    ['a boolean in JSON', { 'Content-Type': 'application/json' }, '{"network":true}'],
    ['an object in JSON', { 'Content-Type': 'application/json' }, '{"fail":{"once":true}}'],
    ['a JSON array', { 'Content-Type': 'application/json' }, '["network","down"]'],
    ['a JSON string', { 'Content-Type': 'application/json' }, '"network=down"'],
    ['plain text', { 'Content-Type': 'text/plain' }, 'network=down'],
    ...hostile.flatMap((text): Array<[string, Record<string, string>, string]> => [
      [`markup as a value: ${text}`, form, `network=${encodeURIComponent(text)}`],
      [`markup as a field name: ${text}`, form, `${encodeURIComponent(text)}=down`],
    ]),
  ];

  it.each(refused)('%s: 400, nothing echoed, no switch moved', async (_what, headers, body) => {
    const res = await flip(body, visitor, { 'HX-Request': 'true', ...headers });
    expect(res.status).toBe(400);
    const text = await res.text();
    for (const markup of hostile) expect(text).not.toContain(markup);
    expect(text).not.toMatch(/<script|onerror=/i);
    // A control's error goes to the lesson controls' error slot, not into the strip nor into a lane.
    expect(res.headers.get('hx-retarget')).toBe('#lane-errors-controls');
    expect(await switchesOf()).toEqual(initial);
  });

  it('a body over 16 KB: 413, nothing switched', async () => {
    const res = await flip(`network=down&pad=${'a'.repeat(17 * 1024)}`);
    expect(res.status).toBe(413);
    expect(await switchesOf()).toEqual(initial);
  });

  it('markup in the news query is not reflected', async () => {
    for (const text of hostile) {
      const query = `?q=${encodeURIComponent(text)}`;
      for (const res of [await htmxNews(visitor, query), await jsonNews(visitor, query)]) {
        expect(res.status).toBe(200);
        expect(await res.text()).not.toContain(text);
      }
    }
  });
});

describe('lesson 7: CSRF', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { 'X-CSRF-Token': 'not-the-token' }],
  ])('the switches refuse a post with %s (403), with or without htmx, and nothing changes', async (_what, headers) => {
    for (const hx of [{ 'HX-Request': 'true' }, {}] as Array<Record<string, string>>) {
      const res = await visitor.fetch('/failure/switches', { method: 'POST', csrf: false, redirect: 'manual', headers: { ...form, ...hx, ...headers }, body: 'fail=once&network=down&latency=3000' });
      expect(res.status).toBe(403);
    }
    expect(await switchesOf()).toEqual(initial);
    expect((await htmxNews()).status).toBe(200);
  });

  it('another visitor\'s token in the _csrf field is refused', async () => {
    const stranger = await newVisitor(server.url, '/lessons/failure');
    const res = await visitor.fetch('/failure/switches', { method: 'POST', csrf: false, redirect: 'manual', headers: form, body: `network=down&_csrf=${encodeURIComponent(stranger.csrfToken)}` });
    expect(res.status).toBe(403);
    expect(await switchesOf()).toEqual(initial);
  });
});

describe('lesson 7 in Korean, and reset', () => {
  it('?lang=ko: the strip, the buttons and the news speak Korean', async () => {
    const korean = await newVisitor(server.url, '/lessons/failure?lang=ko');
    const html = await (await korean.fetch('/lessons/failure')).text();
    expect(html).toContain('최신 소식 불러오기');
    expect(html).toContain('불러오는 중…');
    expect(shownSwitches(html).line).toBe('지연: 없음 · 다음 요청: 정상 응답 · 네트워크: 연결됨');
    const strip = await (await flip('latency=1000&fail=once&network=down', korean)).text();
    expect(shownSwitches(strip).line).toBe('지연: 1초 · 다음 요청: 500 응답 (한 번) · 네트워크: 끊김');
    await flip('network=up&fail=off', korean);
    expect(await (await htmxNews(korean)).text()).toMatch(/<time [^>]+>\d{2}:\d{2}:\d{2}<\/time> [^<]*[가-힣]/);
    expect((await (await jsonNews(korean)).json()).headline).toMatch(/[가-힣]/);
  });

  it('reset puts every visitor\'s switches back (303 to the lesson)', async () => {
    const other = await newVisitor(server.url, '/lessons/failure');
    await flip('latency=3000&fail=once&network=down');
    await flip('network=down', other);
    const res = await visitor.fetch('/lessons/failure/reset', { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/failure');
    expect(await switchesOf()).toEqual(initial);
    expect(await switchesOf(other)).toEqual(initial);
    expect((await htmxNews(other)).status).toBe(200);
  });
});
