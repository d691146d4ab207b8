// Lesson 1 over real HTTP: both lanes count, render and refuse what they should.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newVisitor, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());
beforeEach(async () => {
  const visitor = await newVisitor(server.url);
  await visitor.fetch('/lessons/like/reset', { method: 'POST', redirect: 'manual' });
});

describe('lesson 1: like', () => {
  it('the htmx lane answers the _like_button partial with the new count', async () => {
    const visitor = await newVisitor(server.url);
    const res = await visitor.fetch('/like/', { method: 'POST', headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await res.text()).trim()).toBe(
      '<div id="like-section"><button hx-post="/like/" hx-target="#like-section" hx-swap="outerHTML" class="btn-liked">❤️ Like (1)</button></div>',
    );
  });

  it('the JSON lane answers {"likes": N}', async () => {
    const visitor = await newVisitor(server.url);
    await visitor.fetch('/api/like', { method: 'POST' });
    const res = await visitor.fetch('/api/like', { method: 'POST' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ likes: 2 });
  });
});
