// CSRF: every state-changing request (both lanes, reset) without this visitor's token is refused and changes nothing.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentCounts, like, likeLanes } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'like');
let stranger: Visitor;
beforeAll(async () => { stranger = await newVisitor(server.url); });
beforeEach(async () => {
  // Non-zero counts, so a reset that slipped through would show.
  for (const lane of likeLanes) await like(visitor, lane);
});

/** The state-changing routes, with the headers their real client sends. */
const routes = [
  ...likeLanes.map((lane) => ({ name: `POST ${lane.path}`, path: lane.path, headers: lane.headers })),
  { name: 'POST /lessons/like/reset', path: '/lessons/like/reset', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
];

/** Ways to get the token wrong, in the header or in the form field. */
const badTokens: Array<[string, (v: Visitor) => { headers?: Record<string, string>; body?: string }]> = [
  ['no token', () => ({})],
  ['a wrong token in the header', (v) => ({ headers: { 'X-CSRF-Token': v.csrfToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } })],
  ['a truncated token in the header', (v) => ({ headers: { 'X-CSRF-Token': v.csrfToken.slice(0, -1) } })],
  ['another visitor\'s token in the header', () => ({ headers: { 'X-CSRF-Token': stranger.csrfToken } })],
  ['another visitor\'s token in the _csrf field', () => ({ body: `_csrf=${encodeURIComponent(stranger.csrfToken)}` })],
];

describe.each(routes)('$name', (route) => {
  it.each(badTokens)('with %s: 403 and the counts did not change', async (_what, bad) => {
    const before = await currentCounts(visitor);
    const { headers, body } = bad(visitor);
    const res = await visitor.fetch(route.path, {
      method: 'POST',
      csrf: false,
      redirect: 'manual',
      headers: { ...route.headers, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
      body,
    });
    expect(res.status).toBe(403);
    expect(await currentCounts(visitor)).toEqual(before);
  });

  it('a cookieless request carrying a valid token is refused (the token is bound to its visitor)', async () => {
    const before = await currentCounts(visitor);
    const res = await fetch(server.url + route.path, { method: 'POST', redirect: 'manual', headers: { ...route.headers, 'X-CSRF-Token': visitor.csrfToken } });
    expect(res.status).toBe(403);
    expect(await currentCounts(visitor)).toEqual(before);
  });
});

describe('the 403 answers in the shape the client reads', () => {
  const shapes = routes.flatMap((route) => [false, true].map((htmx) => ({ ...route, htmx })));

  it.each(shapes)('$name with HX-Request: $htmx', async ({ path, htmx }) => {
    const res = await visitor.fetch(path, { method: 'POST', csrf: false, headers: htmx ? { 'HX-Request': 'true' } : {} });
    expect(res.status).toBe(403);
    expect(res.headers.get('vary')).toMatch(/HX-Request/i);
    const body = await res.text();
    if (path.startsWith('/api/')) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(body)).toEqual({ error: { status: 403, message: expect.stringMatching(/CSRF/) } });
    } else if (htmx) {
      // htmx 4 swaps error responses: a small fragment, never a whole page inside the button.
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(body).not.toMatch(/<html|<head|<body/i);
      expect(body).toMatch(/403/);
      expect(body.length).toBeLessThan(500);
      // ...and on a lane it goes to the lane's error slot, so the lesson's button is not swapped away.
      const retarget = path === '/like/' ? '#lane-errors-htmx' : null;
      expect(res.headers.get('hx-retarget')).toBe(retarget);
    } else {
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(body).toMatch(/^<!doctype html>/i);
      expect(body).toMatch(/<html[\s>][\s\S]*<\/html>/);
      expect(body).toMatch(/403/);
    }
  });
});
