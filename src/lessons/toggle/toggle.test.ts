// Lesson 2 over HTTP, both lanes: like and unlike per visitor with a shared total; signed out, the htmx lane gets
// the "log in to like" control and the JSON lane a 401; logging in brings back the control valid now.
import { describe, expect, it } from 'vitest';
import { useLessonServer, type Visitor } from '../../../test/support/lesson-server.js';

const { server, visitor } = useLessonServer('toggle');

const htmx = { 'HX-Request': 'true', Accept: 'text/html' };
const json = { Accept: 'application/json' };
const signOut = (who: Visitor, signedOut = true) => who.fetch('/toggle/session', {
  method: 'POST',
  headers: { ...htmx, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: signedOut ? 'signedOut=true' : '',
});

describe('JSON lane', () => {
  it('POST likes, DELETE unlikes, and asking twice changes nothing', async () => {
    const send = async (method: string) => (await visitor.fetch('/api/toggle/like', { method, headers: json })).json();
    expect(await send('POST')).toEqual({ liked: true, likes: 1 });
    expect(await send('POST')).toEqual({ liked: true, likes: 1 });
    expect(await send('DELETE')).toEqual({ liked: false, likes: 0 });
    expect(await send('DELETE')).toEqual({ liked: false, likes: 0 });
  });

  it('signed out: 401 with a JSON error; POST /api/toggle/login signs in again', async () => {
    await signOut(visitor);
    const refused = await visitor.fetch('/api/toggle/like', { method: 'POST', headers: json });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { status: 401, message: expect.any(String) } });
    const login = await visitor.fetch('/api/toggle/login', { method: 'POST', headers: json });
    expect(await login.json()).toEqual({ signedIn: true, liked: false, likes: 0 });
    expect(await (await visitor.fetch('/api/toggle/like', { method: 'POST', headers: json })).json()).toEqual({ liked: true, likes: 1 });
  });
});

describe('htmx lane', () => {
  it('POST answers the unlike button (hx-delete), DELETE the like button (hx-post)', async () => {
    const liked = await visitor.fetch('/toggle/like', { method: 'POST', headers: htmx });
    expect(liked.status).toBe(200);
    expect(liked.headers.get('content-type')).toMatch(/^text\/html/);
    const unlikeButton = await liked.text();
    expect(unlikeButton).toMatch(/^<div id="toggle-section">\s*<button hx-delete="\/toggle\/like" [^>]*class="btn-liked">❤️ Unlike \(1\)<\/button>\s*<\/div>\s*$/);
    const likeButton = await (await visitor.fetch('/toggle/like', { method: 'DELETE', headers: htmx })).text();
    expect(likeButton).toMatch(/<button hx-post="\/toggle\/like" [^>]*>🤍 Like \(0\)<\/button>/);
  });

  it('signed out: 401 with the "log in to like" control; logging in answers the control and the switch', async () => {
    expect((await signOut(visitor)).status).toBe(200);
    const refused = await visitor.fetch('/toggle/like', { method: 'POST', headers: htmx });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('hx-retarget')).toBeNull(); // the lesson's own markup, swapped where the button was
    expect(await refused.text()).toMatch(/<button hx-post="\/toggle\/login" [^>]*>🔑 Log in to like<\/button>/);

    const login = await (await visitor.fetch('/toggle/login', { method: 'POST', headers: htmx })).text();
    expect(login).toMatch(/<button hx-post="\/toggle\/like" [^>]*>🤍 Like \(0\)<\/button>/);
    expect(login).toMatch(/<form id="session-switch" [^>]*hx-swap-oob="true">/);
    expect(login).not.toMatch(/id="signed-out"[^>]* checked/);
  });
});

it('the total is everyone\'s, liked is each visitor\'s own, per lane', async () => {
  const other = await server.visitor();
  await visitor.fetch('/api/toggle/like', { method: 'POST' });
  expect(await (await other.fetch('/api/toggle/like', { method: 'POST' })).json()).toEqual({ liked: true, likes: 2 });
  expect(await (await visitor.fetch('/api/toggle/like', { method: 'DELETE' })).json()).toEqual({ liked: false, likes: 1 });
  expect(await (await other.fetch('/toggle/like', { method: 'POST', headers: htmx })).text()).toContain('(1)');
});

it('the page shows the switch, and each lane the control valid for this visitor', async () => {
  await signOut(visitor);
  const page = await (await visitor.fetch('/lessons/toggle')).text();
  expect(page).toMatch(/<input type="checkbox" role="switch" id="signed-out" name="signedOut" value="true"[^>]* checked>/);
  expect(page).toMatch(/<button hx-post="\/toggle\/login"/);
  expect(page).toMatch(/<button id="json-toggle-button"[^>]*data-signed-in="false"/);
  const fresh = await (await (await server.visitor()).fetch('/lessons/toggle')).text();
  expect(fresh).not.toMatch(/id="signed-out"[^>]* checked/);
});

it('refuses every state change without the CSRF token', async () => {
  const routes: Array<[string, string]> = [
    ['POST', '/api/toggle/like'], ['DELETE', '/api/toggle/like'], ['POST', '/api/toggle/login'],
    ['POST', '/toggle/like'], ['DELETE', '/toggle/like'], ['POST', '/toggle/login'], ['POST', '/toggle/session'],
  ];
  for (const [method, path] of routes) {
    expect((await visitor.fetch(path, { method, csrf: false, body: path.endsWith('session') ? 'signedOut=true' : undefined })).status, `${method} ${path}`).toBe(403);
  }
  expect(await (await visitor.fetch('/api/toggle/like', { method: 'POST' })).json()).toEqual({ liked: true, likes: 1 });
});
