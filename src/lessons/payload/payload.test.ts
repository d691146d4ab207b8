// Lesson 3 over HTTP, both lanes: a nested JSON object and flat form fields make the same comment, and each
// answer shows what the body parser received.
import { expect, it } from 'vitest';
import { useLessonServer } from '../../../test/support/lesson-server.js';

const { visitor } = useLessonServer('payload');

const postJson = (body: unknown, init: { csrf?: boolean } = {}) => visitor.fetch('/api/payload/comments', {
  method: 'POST', ...init, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});
const postForm = (body: string, init: { csrf?: boolean } = {}) => visitor.fetch('/payload/comments', {
  method: 'POST', ...init, headers: { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' }, body,
});

it('JSON lane: a nested object comes back as it was sent, types and all, with the comment list', async () => {
  const sent = { thread: 3, author: { name: 'Ana' }, comment: { text: 'Hi', tags: ['idea'] } };
  const res = await postJson(sent);
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({
    type: 'application/json',
    received: sent,
    comments: [{ name: 'Ana', text: 'Hi', tags: ['idea'] }],
  });
});

it('htmx lane: flat form fields arrive as text (one tag as a string), and the answer is the comment box', async () => {
  const res = await postForm('text=Hi&tags=idea&name=Bo&thread=3');
  expect(res.status).toBe(201);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toMatch(/^<div id="payload-htmx-box"/);
  expect(html).toContain('<code id="payload-htmx-type">application/x-www-form-urlencoded</code>');
  expect(html).toContain('&#34;tags&#34;: &#34;idea&#34;');
  expect(html).toContain('&#34;thread&#34;: &#34;3&#34;');
  expect(html).toContain('<li><strong>Bo</strong> <span class="tag">#idea</span><p>Hi</p></li>');
});

it('both lanes escape what they were sent', async () => {
  const hostile = '<script>alert(1)</script>';
  await postJson({ thread: 3, author: { name: hostile }, comment: { text: hostile, tags: [] } });
  const fragment = await (await postForm(`name=${encodeURIComponent(hostile)}&text=${encodeURIComponent(hostile)}&thread=3`)).text();
  const page = await (await visitor.fetch('/lessons/payload')).text();
  for (const html of [fragment, page]) {
    expect(html).not.toContain(hostile);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }
});

it('a bad comment is refused with 422 and a message, on both lanes', async () => {
  const json = await postJson({ thread: 3, author: { name: 'Ana' }, comment: { text: 'Hi', tags: ['nope'] } });
  expect(json.status).toBe(422);
  expect(await json.json()).toEqual({ error: { status: 422, message: 'There is no tag called "nope".' } });
  const form = await postForm('name=Ana&text=%20%20&thread=3');
  expect(form.status).toBe(422);
  expect(await form.text()).toContain('Write a comment.');
});

it('both lanes refuse a post without the CSRF token, and keep nothing', async () => {
  expect((await postJson({ thread: 3, author: { name: 'A' }, comment: { text: 'x', tags: [] } }, { csrf: false })).status).toBe(403);
  expect((await postForm('name=A&text=x&thread=3', { csrf: false })).status).toBe(403);
  const page = await (await visitor.fetch('/lessons/payload')).text();
  expect(page.match(/<ol id="payload-(json|htmx)-comments" [^>]*><\/ol>/g)).toHaveLength(2);
});
