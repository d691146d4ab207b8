// Lesson 2 over real HTTP in depth: every route, bad input, hostile strings, CSRF refusals, wrong methods,
// Korean, reset. The switch and the log-in control change only this visitor's session.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { textOf } from '../support/http.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useAppErrors, useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'toggle');
const serverErrors = useAppErrors(server);
afterEach(() => expect(serverErrors).toEqual([]));

const htmx = { 'HX-Request': 'true', 'HX-Target': 'div#toggle-section', Accept: 'text/html' };
const form = { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' };
const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

const switchTo = (who: Visitor, body: string, headers: Record<string, string> = form) =>
  who.fetch('/toggle/session', { method: 'POST', headers, body });

/** What this visitor's page shows now: switch, and each lane's control. */
async function pageState(who: Visitor = visitor, path = '/lessons/toggle') {
  const html = await (await who.fetch(path)).text();
  const htmxButton = /<div id="toggle-section">\s*(<button [^>]*>[^<]*<\/button>)/.exec(html)![1]!;
  const jsonButton = /(<button id="json-toggle-button"[^>]*>)([\s\S]*?)<\/button>/.exec(html)!;
  return {
    signedOut: /id="signed-out"[^>]* checked>/.test(html),
    htmx: textOf(htmxButton).trim(),
    json: textOf(jsonButton[2]!).trim(),
    html,
  };
}

describe('like and unlike', () => {
  it.each([['json', '/api/toggle/like'], ['htmx', '/toggle/like']])('the %s lane counts each visitor once', async (lane, path) => {
    const headers = lane === 'htmx' ? htmx : { Accept: 'application/json' };
    const others = await Promise.all([1, 2].map(() => newVisitor(server.url, '/lessons/toggle')));
    for (const who of [visitor, ...others, visitor]) expect((await who.fetch(path, { method: 'POST', headers })).status).toBe(200);
    const state = await pageState();
    expect(lane === 'json' ? state.json : state.htmx).toBe('❤️ Unlike (3)');
    expect(lane === 'json' ? state.htmx : state.json).toBe('🤍 Like (0)'); // the other lane is its own
    await visitor.fetch(path, { method: 'DELETE', headers });
    const later = await pageState(others[0]);
    expect(lane === 'json' ? later.json : later.htmx).toBe('❤️ Unlike (2)');
  });

  it('the htmx lane answers exactly the partial, each button naming its next request', async () => {
    const like = await (await visitor.fetch('/toggle/like', { method: 'POST', headers: htmx })).text();
    expect(like).toBe('<div id="toggle-section">\n  <button hx-delete="/toggle/like" hx-target="#toggle-section" hx-swap="outerHTML" class="btn-liked">❤️ Unlike (1)</button>\n</div>\n');
    const unlike = await (await visitor.fetch('/toggle/like', { method: 'DELETE', headers: htmx })).text();
    expect(unlike).toBe('<div id="toggle-section">\n  <button hx-post="/toggle/like" hx-target="#toggle-section" hx-swap="outerHTML">🤍 Like (0)</button>\n</div>\n');
  });

  it('the page renders the liked state on load, per visitor', async () => {
    await visitor.fetch('/toggle/like', { method: 'POST', headers: htmx });
    await visitor.fetch('/api/toggle/like', { method: 'POST' });
    const mine = await pageState();
    expect(mine).toMatchObject({ signedOut: false, htmx: '❤️ Unlike (1)', json: '❤️ Unlike (1)' });
    expect(mine.html).toMatch(/<button id="json-toggle-button"[^>]*data-liked="true"[^>]*class="btn-liked">/);
    const stranger = await newVisitor(server.url, '/lessons/toggle');
    expect(await pageState(stranger)).toMatchObject({ htmx: '🤍 Like (1)', json: '🤍 Like (1)' });
  });
});

describe('the signed-out switch', () => {
  it('ticked, it answers the switch ticked; unticked (no field, as a checkbox posts), unticked', async () => {
    const on = await switchTo(visitor, 'signedOut=true');
    expect(on.status).toBe(200);
    expect(await on.text()).toMatch(/^<form id="session-switch" [^>]*hx-post="\/toggle\/session" hx-trigger="change" hx-swap="outerHTML">[\s\S]*id="signed-out"[^>]* checked>/);
    expect((await pageState()).signedOut).toBe(true);
    const off = await switchTo(visitor, '');
    expect(await off.text()).not.toMatch(/ checked>/);
    expect((await pageState()).signedOut).toBe(false);
  });

  it('also takes the field as JSON, and is this visitor\'s only', async () => {
    await switchTo(visitor, '{"signedOut":"true"}', { 'Content-Type': 'application/json' });
    expect((await pageState()).signedOut).toBe(true);
    const stranger = await newVisitor(server.url, '/lessons/toggle');
    expect((await pageState(stranger)).signedOut).toBe(false);
    expect((await stranger.fetch('/api/toggle/like', { method: 'POST' })).status).toBe(200);
  });

  it('signed out, the page renders "log in to like" in both lanes', async () => {
    await switchTo(visitor, 'signedOut=true');
    expect(await pageState()).toMatchObject({ signedOut: true, htmx: '🔑 Log in to like', json: '🔑 Log in to like' });
  });

  it.each<[string, string, Record<string, string>, number]>([
    ['a value other than "true"', 'signedOut=yes', form, 400],
    ['a hostile value', `signedOut=${encodeURIComponent(hostile[0]!)}`, form, 400],
    ['the field twice', 'signedOut=true&signedOut=true', form, 400],
    ['a JSON boolean', '{"signedOut":true}', { 'HX-Request': 'true', 'Content-Type': 'application/json' }, 400],
    ['a JSON object', '{"signedOut":{"a":1}}', { 'HX-Request': 'true', 'Content-Type': 'application/json' }, 400],
    ['a text/plain body', 'signedOut=true', { 'HX-Request': 'true', 'Content-Type': 'text/plain' }, 415],
  ])('refuses %s and changes nothing', async (_what, body, headers, status) => {
    const res = await switchTo(visitor, body, headers);
    expect(res.status).toBe(status);
    const text = await res.text();
    for (const string of hostile) expect(text).not.toContain(string);
    expect(res.headers.get('hx-retarget')).toBe('#lane-errors-htmx'); // htmx shows it in the lane's error slot
    expect((await pageState()).signedOut).toBe(false);
  });
});

describe('signed out, each lane finds out on its next click', () => {
  beforeEach(async () => { await switchTo(visitor, 'signedOut=true'); });

  it.each(['POST', 'DELETE'])('htmx %s: 401 and the "log in to like" control, swapped where the button was', async (method) => {
    const res = await visitor.fetch('/toggle/like', { method, headers: htmx });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('hx-retarget')).toBeNull();
    expect(await res.text()).toBe('<div id="toggle-section">\n  <button hx-post="/toggle/login" hx-target="#toggle-section" hx-swap="outerHTML">🔑 Log in to like</button>\n</div>\n');
  });

  it.each(['POST', 'DELETE'])('JSON %s: 401 {"error"}, and the total did not move', async (method) => {
    const res = await visitor.fetch('/api/toggle/like', { method, headers: { Accept: 'application/json' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { status: 401, message: 'You are signed out: log in to like.' } });
    const stranger = await newVisitor(server.url, '/lessons/toggle');
    expect((await pageState(stranger)).json).toBe('🤍 Like (0)');
  });

  it('htmx log in: the control valid now (unlike, if liked before), and the switch out of band, unticked', async () => {
    await switchTo(visitor, '');
    await visitor.fetch('/toggle/like', { method: 'POST', headers: htmx });
    await switchTo(visitor, 'signedOut=true');
    const res = await visitor.fetch('/toggle/login', { method: 'POST', headers: htmx });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<div id="toggle-section">\s*<button hx-delete="\/toggle\/like"[^>]*>❤️ Unlike \(1\)<\/button>\s*<\/div>\s*<form id="session-switch" [^>]*hx-swap-oob="true">/);
    expect(html).not.toMatch(/ checked>/);
    expect(await pageState()).toMatchObject({ signedOut: false, htmx: '❤️ Unlike (1)' });
  });

  it('JSON log in: {"signedIn": true, "liked", "likes"}, and the session is back for both lanes', async () => {
    const res = await visitor.fetch('/api/toggle/login', { method: 'POST', headers: { Accept: 'application/json' } });
    expect(await res.json()).toEqual({ signedIn: true, liked: false, likes: 0 });
    expect(await pageState()).toMatchObject({ signedOut: false, htmx: '🤍 Like (0)', json: '🤍 Like (0)' });
  });
});

describe('refusals', () => {
  const changes: Array<[string, string, string?]> = [
    ['POST', '/api/toggle/like'], ['DELETE', '/api/toggle/like'], ['POST', '/api/toggle/login'],
    ['POST', '/toggle/like'], ['DELETE', '/toggle/like'], ['POST', '/toggle/login'], ['POST', '/toggle/session', 'signedOut=true'],
  ];

  it.each(changes)('%s %s without the CSRF token, or with another visitor\'s: 403, nothing changed', async (method, path, body) => {
    await switchTo(visitor, 'signedOut=true');
    await visitor.fetch('/toggle/login', { method: 'POST', headers: htmx });
    await visitor.fetch('/toggle/like', { method: 'POST', headers: htmx }); // liked on htmx, signed in
    const before = await pageState();
    const stranger = await newVisitor(server.url, '/lessons/toggle');
    for (const headers of [{ ...form }, { ...form, 'X-CSRF-Token': stranger.csrfToken }]) {
      const res = await visitor.fetch(path, { method, csrf: false, headers, body });
      expect(res.status).toBe(403);
    }
    const after = await pageState();
    expect({ ...after, html: '' }).toEqual({ ...before, html: '' });
  });

  it.each<[string, string, string]>([
    ['GET', '/toggle/like', 'POST'], ['PUT', '/toggle/like', 'DELETE'], ['GET', '/toggle/login', 'POST'],
    ['GET', '/toggle/session', 'POST'], ['DELETE', '/toggle/session', 'POST'],
    ['GET', '/api/toggle/like', 'POST'], ['PATCH', '/api/toggle/like', 'DELETE'], ['GET', '/api/toggle/login', 'POST'],
  ])('%s %s: 405, allowing %s', async (method, path, allowed) => {
    const res = await visitor.fetch(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(/,\s*/)).toContain(allowed);
    expect((await pageState()).htmx).toBe('🤍 Like (0)');
  });

  it('a body over 16 KB is refused (413) before the switch reads it', async () => {
    const res = await switchTo(visitor, `signedOut=true&pad=${'a'.repeat(17 * 1024)}`);
    expect(res.status).toBe(413);
    expect((await pageState()).signedOut).toBe(false);
  });

  it('hostile request headers and query strings are not reflected in the answers', async () => {
    for (const string of hostile) {
      const headers = { ...htmx, 'HX-Target': string, 'HX-Current-URL': string };
      for (const path of ['/toggle/like', '/toggle/login', `/toggle/like?x=${encodeURIComponent(string)}`]) {
        const text = await (await visitor.fetch(path, { method: 'POST', headers })).text();
        expect(text).not.toContain(string);
      }
    }
  });
});

describe('Korean and reset', () => {
  it('speaks Korean on the page and in every fragment', async () => {
    const korean = await newVisitor(server.url, '/lessons/toggle?lang=ko');
    const page = await pageState(korean);
    expect(page.html).toMatch(/<html lang="ko"/);
    expect(page.html).toContain('로그아웃 상태');
    expect(page).toMatchObject({ htmx: '🤍 좋아요 (0)', json: '🤍 좋아요 (0)' });
    expect(page.html).toContain('data-unlike="좋아요 취소"');
    expect(await (await korean.fetch('/toggle/like', { method: 'POST', headers: htmx })).text()).toContain('❤️ 좋아요 취소 (1)');
    await switchTo(korean, 'signedOut=true');
    expect(await (await korean.fetch('/toggle/like', { method: 'DELETE', headers: htmx })).text()).toContain('🔑 로그인하고 좋아요');
    expect(await (await korean.fetch('/toggle/login', { method: 'POST', headers: htmx })).text()).toContain('> 로그아웃 상태</label>');
  });

  it('reset zeroes both totals and signs every visitor back in, then shows the lesson', async () => {
    const other = await newVisitor(server.url, '/lessons/toggle');
    for (const who of [visitor, other]) {
      await who.fetch('/api/toggle/like', { method: 'POST' });
      await who.fetch('/toggle/like', { method: 'POST', headers: htmx });
    }
    await switchTo(other, 'signedOut=true');
    const res = await visitor.fetch('/lessons/toggle/reset', {
      method: 'POST', redirect: 'manual', csrf: false,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(visitor.csrfToken)}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/toggle');
    for (const who of [visitor, other]) expect(await pageState(who)).toMatchObject({ signedOut: false, htmx: '🤍 Like (0)', json: '🤍 Like (0)' });
  });

  it('is lesson 2, right after the like button', () => {
    expect(lessons.slice(0, 2).map((lesson) => lesson.id)).toEqual(['like', 'toggle']);
  });
});
