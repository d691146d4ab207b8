// Lesson 3 over real HTTP: what each lane accepts and refuses, what the body parser hands over, escaping,
// CSRF, sizes, methods, per-visitor comments, Korean and reset.
import { describe, expect, it } from 'vitest';
import { expectCodePanelsOnDisk } from '../support/code-panels.js';
import { streamedBody, textOf, wireItems } from '../support/http.js';
import { newVisitor } from '../support/server.js';
import { useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'payload');

type Init = RequestInit & { csrf?: boolean; headers?: Record<string, string> };
const jsonPath = '/api/payload/comments';
const htmxPath = '/payload/comments';
const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' };
const formHeaders = { 'HX-Request': 'true', 'HX-Target': 'div#payload-htmx-box', Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' };

function postJson(body: unknown, { headers, ...init }: Init = {}, who = visitor) {
  return who.fetch(jsonPath, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...init, headers: { ...jsonHeaders, ...headers } });
}
function postForm(body: string | Record<string, string>, { headers, ...init }: Init = {}, who = visitor) {
  const encoded = typeof body === 'string' ? body : new URLSearchParams(body).toString();
  return who.fetch(htmxPath, { method: 'POST', body: encoded, ...init, headers: { ...formHeaders, ...headers } });
}
const comment = (name: string, text: string, tags: unknown = []) => ({ thread: 3, author: { name }, comment: { text, tags } });

/** The comments a fresh page load shows on each lane, as text. */
async function pageComments(who = visitor, path = '/lessons/payload') {
  const html = await (await who.fetch(path)).text();
  const list = (lane: string) => {
    const found = new RegExp(`<ol id="payload-${lane}-comments"[^>]*>([\\s\\S]*?)</ol>`).exec(html);
    if (!found) throw new Error(`no comment list for the ${lane} lane`);
    return [...found[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
  };
  return { json: list('json'), htmx: list('htmx') };
}

describe('the JSON lane', () => {
  it('answers 201 with the body exactly as parsed, types and nesting kept, and the newest comment first', async () => {
    await postJson(comment('Ana', 'first'));
    const sent = comment('Bo', '  second  ', ['praise', 'idea', 'idea']);
    const res = await postJson(sent);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const data = await res.json();
    expect(data.type).toBe('application/json');
    expect(data.received).toEqual(sent);
    // trimmed, tags known, in the list's order, once each
    expect(data.comments).toEqual([{ name: 'Bo', text: 'second', tags: ['idea', 'praise'] }, { name: 'Ana', text: 'first', tags: [] }]);
  });

  it('keeps the five newest comments', async () => {
    for (let i = 1; i <= 7; i++) await postJson(comment('Ana', `comment ${i}`));
    const data = await (await postJson(comment('Ana', 'comment 8'))).json();
    expect(data.comments.map((c: { text: string }) => c.text)).toEqual(['comment 8', 'comment 7', 'comment 6', 'comment 5', 'comment 4']);
    expect((await pageComments()).json).toHaveLength(5);
  });

  it.each([
    ['no thread', { author: { name: 'A' }, comment: { text: 'x' } }, 'This comment is for a thread that does not exist (thread must be the number 3).'],
    ['the thread as text', { ...comment('A', 'x'), thread: '3' }, 'This comment is for a thread that does not exist (thread must be the number 3).'],
    ['another thread', { ...comment('A', 'x'), thread: 4 }, 'This comment is for a thread that does not exist (thread must be the number 3).'],
    ['no author', { thread: 3, comment: { text: 'x' } }, 'Write your name.'],
    ['the author as text, not an object', { thread: 3, author: 'A', comment: { text: 'x' } }, 'Write your name.'],
    ['a blank name', comment('   ', 'x'), 'Write your name.'],
    ['a number for a name', comment(42 as unknown as string, 'x'), 'The field "name" must be text.'],
    ['an object for the text', comment('A', { evil: true } as unknown as string), 'The field "text" must be text.'],
    ['no comment', { thread: 3, author: { name: 'A' } }, 'Write a comment.'],
    ['a name of 41 characters', comment('n'.repeat(41), 'x'), 'Your name is longer than 40 characters.'],
    ['a comment of 281 characters', comment('A', 'c'.repeat(281)), 'The comment is longer than 280 characters.'],
    ['tags as one string', comment('A', 'x', 'idea'), 'Tags must be a list of tag names.'],
    ['a number among the tags', comment('A', 'x', ['idea', 1]), 'Tags must be a list of tag names.'],
    ['tags as an object', comment('A', 'x', { 0: 'idea' }), 'Tags must be a list of tag names.'],
    ['a tag not on the list', comment('A', 'x', ['idea', 'spam']), 'There is no tag called "spam".'],
    ['a tag that looks like a replacement pattern', comment('A', 'x', ['$&$`']), 'There is no tag called "$&$`".'],
  ])('refuses %s: 422 with a message, and keeps nothing', async (_what, body, message) => {
    const res = await postJson(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { status: 422, message } });
    expect((await pageComments()).json).toEqual([]);
  });

  it('takes exactly 40 characters of name and 280 of comment', async () => {
    expect((await postJson(comment('n'.repeat(40), 'c'.repeat(280)))).status).toBe(201);
  });

  it.each([
    ['an array', '[1, 2]', 400],
    ['a bare string', '"hello"', 400],
    ['null', 'null', 400],
    ['broken JSON', '{"thread": 3,', 400],
  ])('refuses %s as the body with %i and a JSON error', async (_what, body, status) => {
    const res = await postJson(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.status).toBe(status);
  });

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', 'thread=3&name=A&text=x'],
    ['plain text', 'text/plain', JSON.stringify(comment('A', 'x'))],
    ['no type at all', undefined, JSON.stringify(comment('A', 'x'))],
  ])('refuses a %s body with 415', async (_what, type, body) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (type) headers['Content-Type'] = type;
    const res = await visitor.fetch(jsonPath, { method: 'POST', headers, body: type ? body : new Blob([body]) });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/application\/json/);
    expect((await pageComments()).json).toEqual([]);
  });
});

describe('the htmx lane', () => {
  it('answers 201 with the comment box: a fresh form, the parsed fields as text, the comment', async () => {
    const res = await postForm('text=Hi+there&tags=idea&tags=bug&name=Bo&thread=3');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<div id="payload-htmx-box" class="stack">\s*<form [^>]*hx-post="\/payload\/comments" hx-include="#payload-htmx-name" hx-vals='\{"thread": 3\}'/);
    expect(html).not.toMatch(/<textarea[^>]*>[^<]/); // the form comes back empty
    const received = JSON.parse(textOf(/<pre id="payload-htmx-received"[^>]*>([\s\S]*?)<\/pre>/.exec(html)![1]!));
    expect(received).toEqual({ text: 'Hi there', tags: ['idea', 'bug'], name: 'Bo', thread: '3' });
    expect(html).toContain('<li><strong>Bo</strong> <span class="tag">#idea</span> <span class="tag">#bug</span><p>Hi there</p></li>');
  });

  it('takes one tag as a string, no tag as none, and the thread as digits', async () => {
    expect((await postForm({ name: 'A', text: 'one', tags: 'praise', thread: '3' })).status).toBe(201);
    expect((await postForm({ name: 'A', text: 'none', thread: '03' })).status).toBe(201);
    expect((await pageComments()).htmx).toEqual(['Anone', 'A #praiseone']);
  });

  it.each([
    ['no fields at all', '', 'This comment is for a thread that does not exist'],
    ['no name', 'text=x&thread=3', 'Write your name.'],
    ['no text', 'name=A&thread=3', 'Write a comment.'],
    ['a text of spaces', 'name=A&text=+++&thread=3', 'Write a comment.'],
    ['a thread that is not a number', 'name=A&text=x&thread=three', 'This comment is for a thread that does not exist'],
    ['another thread', 'name=A&text=x&thread=4', 'This comment is for a thread that does not exist'],
    ['the name sent twice (an array)', 'name=A&name=B&text=x&thread=3', 'The field &#34;name&#34; must be text.'],
    ['a bracketed name (an object)', 'name[first]=A&text=x&thread=3', 'The field &#34;name&#34; must be text.'],
    ['tags with keys (an object)', 'name=A&text=x&tags[a]=idea&thread=3', 'Tags must be a list of tag names.'],
    ['a tag not on the list', 'name=A&text=x&tags=idea&tags=spam&thread=3', 'There is no tag called &#34;spam&#34;.'],
    ['a name of 41 characters', `name=${'n'.repeat(41)}&text=x&thread=3`, 'Your name is longer than 40 characters.'],
  ])('refuses %s: 422 in the lane\'s error slot, and keeps nothing', async (_what, body, message) => {
    const res = await postForm(body);
    expect(res.status).toBe(422);
    expect(res.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
    expect(await res.text()).toContain(message);
    expect((await pageComments()).htmx).toEqual([]);
  });

  it.each([
    ['JSON', 'application/json', JSON.stringify({ name: 'A', text: 'x', thread: '3' })],
    ['plain text', 'text/plain', 'name=A&text=x&thread=3'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nA\r\n--x--\r\n'],
  ])('refuses a %s body with 415', async (_what, type, body) => {
    const res = await postForm(body, { headers: { 'Content-Type': type } });
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/application\/x-www-form-urlencoded/);
    expect((await pageComments()).htmx).toEqual([]);
  });
});

describe('both lanes', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

  it.each(hostile)('show %s as text: in the answer, on the page, in a refusal', async (evil) => {
    const json = await postJson(comment(evil, evil));
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await json.json()).comments[0]).toEqual({ name: evil, text: evil, tags: [] });
    const fragment = await (await postForm({ name: evil, text: evil, thread: '3' })).text();
    const refusal = await (await postForm({ name: 'A', text: 'x', tags: evil, thread: '3' })).text();
    const jsonRefusal = await (await postJson(comment('A', 'x', [evil]))).json();
    expect(jsonRefusal.error.message).toBe(`There is no tag called "${evil}".`);
    const page = await (await visitor.fetch('/lessons/payload')).text();
    for (const html of [fragment, refusal, page]) {
      expect(html).not.toContain(evil);
      expect(html).not.toMatch(/<img src=x/);
    }
    expect(textOf(refusal)).toContain(evil);
    expect(await pageComments()).toEqual({ json: [evil + evil], htmx: [evil + evil] });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'X-CSRF-Token': 'not-the-token' }],
  ])('refuse a post with %s: 403, and keep nothing', async (_what, headers) => {
    expect((await postJson(comment('A', 'x'), { csrf: false, headers })).status).toBe(403);
    expect((await postForm({ name: 'A', text: 'x', thread: '3' }, { csrf: false, headers })).status).toBe(403);
    expect(await pageComments()).toEqual({ json: [], htmx: [] });
    const page = await (await visitor.fetch('/lessons/payload')).text();
    expect(page.match(/Nothing yet: post a comment\./g)).toHaveLength(2);
  });

  it.each([jsonPath, htmxPath])('refuse a body over 16 KB at %s with 413, declared or streamed', async (path) => {
    const type = path === jsonPath ? 'application/json' : 'application/x-www-form-urlencoded';
    const big = `{"thread": 3, "pad": "${'x'.repeat(17 * 1024)}"}`;
    const declared = await visitor.fetch(path, { method: 'POST', headers: { 'Content-Type': type }, body: big });
    expect(declared.status).toBe(413);
    const streamed = await visitor.fetch(path, { method: 'POST', headers: { 'Content-Type': type }, body: streamedBody(17 * 1024), duplex: 'half' } as Init);
    expect(streamed.status).toBe(413);
    expect(await pageComments()).toEqual({ json: [], htmx: [] });
  });

  it.each([
    [jsonPath, 'GET'], [jsonPath, 'PUT'], [jsonPath, 'DELETE'],
    [htmxPath, 'GET'], [htmxPath, 'PATCH'], [htmxPath, 'DELETE'],
  ])('%s answers %s with 405 and Allow: POST', async (path, method) => {
    const res = await visitor.fetch(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/POST/);
  });

  it('keep each visitor\'s comments apart', async () => {
    await postJson(comment('Ana', 'mine'));
    await postForm({ name: 'Ana', text: 'mine too', thread: '3' });
    const other = await newVisitor(server.url, '/lessons/payload');
    expect(await pageComments(other)).toEqual({ json: [], htmx: [] });
    expect(await pageComments()).toEqual({ json: ['Anamine'], htmx: ['Anamine too'] });
  });

  it('show on a reload what the server received last and the comments', async () => {
    await postJson(comment('Ana', 'hello', ['bug']));
    await postForm({ text: 'hi', tags: 'bug', name: 'Bo', thread: '3' });
    const page = await (await visitor.fetch('/lessons/payload')).text();
    const received = (lane: string) => JSON.parse(textOf(new RegExp(`<pre id="payload-${lane}-received"[^>]*>([\\s\\S]*?)</pre>`).exec(page)![1]!));
    expect(received('json')).toEqual(comment('Ana', 'hello', ['bug']));
    expect(received('htmx')).toEqual({ text: 'hi', tags: 'bug', name: 'Bo', thread: '3' });
    expect(page).toContain('<code id="payload-json-type">application/json</code>');
    expect(page).toContain('<code id="payload-htmx-type">application/x-www-form-urlencoded</code>');
  });

  it('put the raw bodies on the wire: JSON on one lane, form encoding on the other', async () => {
    await postJson(comment('Ana', 'hello', ['bug']));
    await postForm('text=hi&tags=idea&tags=bug&name=Bo&thread=3');
    const page = await (await visitor.fetch('/lessons/payload')).text();
    const [json] = wireItems(page, 'wire-payload-json');
    const [form] = wireItems(page, 'wire-payload-htmx');
    expect(textOf(json!)).toContain(JSON.stringify(comment('Ana', 'hello', ['bug'])));
    expect(textOf(json!)).toMatch(/Content-Type\s*application\/json/);
    expect(textOf(form!)).toContain('text=hi&tags=idea&tags=bug&name=Bo&thread=3');
    expect(textOf(form!)).toMatch(/Content-Type\s*application\/x-www-form-urlencoded/);
  });

  it('reset forgets every visitor\'s comments and redirects (303) to the lesson', async () => {
    await postJson(comment('Ana', 'x'));
    await postForm({ name: 'Bo', text: 'y', thread: '3' });
    const res = await visitor.fetch('/lessons/payload/reset', { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/payload');
    expect(await pageComments()).toEqual({ json: [], htmx: [] });
  });
});

describe('lesson 3 in Korean', () => {
  it('labels the form and answers refusals in Korean', async () => {
    const korean = await newVisitor(server.url, '/lessons/payload?lang=ko');
    const page = await (await korean.fetch('/lessons/payload')).text();
    expect(page).toMatch(/<html lang="ko"/);
    expect(page).toContain('데이터 보내기');
    expect(page.match(/>댓글 달기<\/button>/g)).toHaveLength(2);
    expect(page).toContain('아직 없습니다. 댓글을 달아 보세요.');
    expect(page).toContain('JSON: 스크립트가 모양을 정합니다');
    const refusal = await postJson(comment('', 'x'), {}, korean);
    expect((await refusal.json()).error.message).toBe('이름을 적어 주세요.');
    expect(await (await postForm({ name: 'A', thread: '3' }, {}, korean)).text()).toContain('댓글을 적어 주세요.');
    const fragment = await (await postForm({ name: '민지', text: '안녕하세요', tags: 'question', thread: '3' }, {}, korean)).text();
    expect(fragment).toContain('<li><strong>민지</strong> <span class="tag">#question</span><p>안녕하세요</p></li>');
    expect(fragment).toContain('서버가 받은 값');
  });
});

it('the code panels show each lane\'s files as they are on disk, in English and Korean', async () => {
  for (const query of ['', '?lang=ko']) await expectCodePanelsOnDisk(await (await fetch(server.url + '/lessons/payload' + query)).text(), 'payload', server.url);
});

describe('what a lane keeps of a large body', () => {
  /** What a fresh page load shows under "What the server received" on each lane. */
  async function pageReceived() {
    const html = await (await visitor.fetch('/lessons/payload')).text();
    const shown = (lane: string) => textOf(new RegExp(`<pre id="payload-${lane}-received"[^>]*>([\\s\\S]*?)</pre>`).exec(html)![1]!);
    return { json: shown('json'), htmx: shown('htmx') };
  }

  it('is its first 2,000 characters as text, with how many more there were; the answer itself carries the whole body', async () => {
    const sent = { ...comment('Ana', 'Hi'), padding: Array.from({ length: 3000 }, () => ({})) };
    const whole = JSON.stringify(sent, null, 2);
    const res = await postJson(sent);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { received: unknown }).received).toEqual(sent);
    const form = `thread=3&name=Bo&text=Hi${'&x='.repeat(4000)}`;
    expect((await postForm(form)).status).toBe(201);
    const shown = await pageReceived();
    expect(shown.json).toBe(`${whole.slice(0, 2000)}\n… and ${whole.length - 2000} more characters, not shown.`);
    expect(shown.htmx).toMatch(/^\{\n {2}"thread": "3",\n {2}"name": "Bo",\n {2}"text": "Hi",\n {2}"x": [\s\S]{1900,}\n… and \d+ more characters, not shown\.$/);
    // A small body is shown whole.
    await postJson(comment('Ana', 'short'));
    expect((await pageReceived()).json).toBe(JSON.stringify(comment('Ana', 'short'), null, 2));
  });
});
