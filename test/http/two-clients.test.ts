// Lesson 8 over real HTTP: one task list served as /api/v1 JSON and as HTML for the page, a fragment URL that
// answers a browser with the whole page (Vary: HX-Request), bad input, CSRF, Korean, reset.
import { describe, expect, it } from 'vitest';
import { decodeEntities, rawRequest, textOf } from '../support/http.js';
import { newVisitor } from '../support/server.js';
import { useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'two-clients');

const titles = ['Bring a laptop with Node 20', 'Start htmx-demo', 'Compare the two lanes', 'Try the network-down switch', 'Write down one question'];
const json = { 'Content-Type': 'application/json' };
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const hx = { 'HX-Request': 'true', 'HX-Target': 'div#htmx-tasks', Accept: 'text/html' };
const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

const apiTasks = async (who = visitor, query = '') => ((await (await who.fetch(`/api/v1/tasks${query}`)).json()) as { tasks: Array<{ id: number; title: string; done: boolean }> }).tasks;
const patch = (id: string, body: string, headers: Record<string, string> = json, who = visitor) =>
  who.fetch(`/api/v1/tasks/${id}`, { method: 'PATCH', headers, body });
const post = (id: string, body: string, headers: Record<string, string> = hx) =>
  visitor.fetch(`/two-clients/tasks/${id}`, { method: 'POST', redirect: 'manual', headers: { ...form, ...headers }, body });
const doneIds = async () => (await apiTasks()).filter((t) => t.done).map((t) => t.id);

/** The htmx lane's list as a browser shows it: "✓ title" or "○ title" per task. */
function htmxList(html: string): string[] {
  return [...html.matchAll(/<a id="htmx-task-\d+" [^>]*>([^<]*)<\/a>/g)].map((m) => textOf(m[1]!));
}

describe('lesson 8: the JSON API for other clients', () => {
  it('GET /api/v1/tasks lists every task as JSON', async () => {
    const res = await visitor.fetch('/api/v1/tasks');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ tasks: titles.map((title, i) => ({ id: i + 1, title, done: false })) });
  });

  it('GET /api/v1/tasks/:id answers one task; works with no cookie at all, as curl would', async () => {
    expect(await (await fetch(`${server.url}/api/v1/tasks/4`)).json()).toEqual({ id: 4, title: titles[3], done: false });
  });

  it.each([
    ['a word', 'abc', 400], ['a negative number', '-1', 400], ['a fraction', '1.5', 400], ['a huge number', '12345678901234567890', 400],
    ['zero', '0', 404], ['a task that does not exist', '99', 404],
    ...hostile.map((text): [string, string, number] => [`markup ${text}`, encodeURIComponent(text), 400]),
  ])('GET /api/v1/tasks/<%s>: %i as a JSON error, nothing echoed', async (_what, id, status) => {
    const res = await visitor.fetch(`/api/v1/tasks/${id}`);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.status).toBe(status);
    for (const text of hostile) expect(JSON.stringify(body)).not.toContain(text);
  });

  it('PATCH /api/v1/tasks/:id {"done": true|false} changes the task and answers it', async () => {
    expect(await (await patch('2', '{"done":true}')).json()).toEqual({ id: 2, title: titles[1], done: true });
    expect(await doneIds()).toEqual([2]);
    expect(await (await patch('2', '{"done":false}')).json()).toEqual({ id: 2, title: titles[1], done: false });
    expect(await doneIds()).toEqual([]);
  });

  it.each([
    ['form encoding', 'done=true', form, 415],
    ['plain text', 'true', { 'Content-Type': 'text/plain' }, 415],
    ['no Content-Type', '{"done":true}', {}, 415],
    ['"done" as a string', '{"done":"true"}', json, 400],
    ['"done" as a number', '{"done":1}', json, 400],
    ['"done" as an object', '{"done":{"$ne":false}}', json, 400],
    ['no "done"', '{"finished":true}', json, 400],
    ['an empty object', '{}', json, 400],
    ['an array', '[true]', json, 400],
    ['malformed JSON', '{"done":', json, 400],
    ['markup as "done"', JSON.stringify({ done: hostile[0] }), json, 400],
    ['a body over 16 KB', JSON.stringify({ done: true, pad: 'a'.repeat(17 * 1024) }), json, 413],
  ])('PATCH with %s: %s, nothing changed', async (_what, body, headers, status) => {
    const res = await patch('1', body, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).not.toContain('<script');
    expect(await doneIds()).toEqual([]);
  });

  it('PATCH of a task that does not exist: 404', async () => {
    expect((await patch('99', '{"done":true}')).status).toBe(404);
  });

  it.each([['POST', '/api/v1/tasks'], ['DELETE', '/api/v1/tasks/1'], ['PUT', '/api/v1/tasks/1'], ['PATCH', '/api/v1/tasks']])('%s %s: 405', async (method, path) => {
    expect((await visitor.fetch(path, { method, headers: json, body: '{"done":true}' })).status).toBe(405);
  });
});

describe('lesson 8: the HTML routes for this page', () => {
  it('GET /two-clients/tasks from htmx: the list fragment, nothing open, Vary: HX-Request', async () => {
    const res = await visitor.fetch('/two-clients/tasks', { headers: hx });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/\bHX-Request\b/i);
    const html = await res.text();
    expect(html.trim()).toMatch(/^<div id="htmx-tasks" class="tasks-demo">[\s\S]*<\/div>$/);
    expect(htmxList(html)).toEqual(titles.map((t) => `○ ${t}`));
    expect(html).toContain('<p class="task-detail">Pick a task to see it.</p>');
  });

  it('GET /two-clients/tasks/:id from htmx: the same list with that task open, its toggle form and its own URL', async () => {
    const html = await (await visitor.fetch('/two-clients/tasks/3', { headers: hx })).text();
    expect(html).toMatch(/<a id="htmx-task-3" href="\/two-clients\/tasks\/3" hx-get="\/two-clients\/tasks\/3" hx-target="#htmx-tasks" hx-swap="outerHTML" aria-current="true">/);
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).toContain('<h4>Compare the two lanes</h4>');
    expect(html).toMatch(/<form method="post" action="\/two-clients\/tasks\/3" hx-post="\/two-clients\/tasks\/3" hx-target="#htmx-tasks" hx-swap="outerHTML">/);
    expect(html).toContain('<input type="hidden" name="done" value="true">');
    expect(html).toContain(`<input type="hidden" name="_csrf" value="${visitor.csrfToken}">`);
    expect(html).toContain('<a href="/two-clients/tasks/3">/two-clients/tasks/3</a>');
  });

  it.each(['/two-clients/tasks', '/two-clients/tasks/3'])('%s opened directly (no HX-Request) is the whole lesson page, Vary: HX-Request', async (path) => {
    const res = await visitor.fetch(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/\bHX-Request\b/i);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<a href="/lessons/two-clients" aria-current="page">');
    expect(html).toContain('id="json-tasks-demo"');
    expect(html).toContain('id="wire-two-clients-htmx"');
    expect(htmxList(html)).toEqual(titles.map((t) => `○ ${t}`));
    if (path.endsWith('/3')) expect(html).toContain('<h4>Compare the two lanes</h4>');
    else expect(html).toContain('<p class="task-detail">Pick a task to see it.</p>');
  });

  it('an unknown task: a 404 fragment in the lane\'s error slot from htmx, a 404 page from the address bar', async () => {
    const fragment = await visitor.fetch('/two-clients/tasks/99', { headers: hx });
    expect(fragment.status).toBe(404);
    expect(fragment.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
    expect(await fragment.text()).toMatch(/^<p class="error" role="alert"><strong>404<\/strong> There is no task 99\.<\/p>/);
    const page = await visitor.fetch('/two-clients/tasks/99');
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/^<!doctype html>/i);
  });

  it.each(hostile)('markup as a task id (%s): 400, not echoed', async (text) => {
    for (const headers of [hx, {}]) {
      const res = await visitor.fetch(`/two-clients/tasks/${encodeURIComponent(text)}`, { headers });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain(text);
    }
  });

  it('POST /two-clients/tasks/:id from htmx marks it done and answers the list with it open; the API agrees', async () => {
    const res = await post('1', 'done=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/\bHX-Request\b/i);
    const html = await res.text();
    expect(htmxList(html)[0]).toBe(`✓ ${titles[0]}`);
    expect(html).toContain('<input type="hidden" name="done" value="false">');
    expect(html).toContain('Mark not done');
    expect(await doneIds()).toEqual([1]);
    await post('1', 'done=false');
    expect(await doneIds()).toEqual([]);
  });

  it('with JavaScript off (the _csrf field, no HX-Request) the form post redirects (303) to the task\'s URL', async () => {
    const res = await post('5', `_csrf=${encodeURIComponent(visitor.csrfToken)}&done=true`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/two-clients/tasks/5');
    expect(await doneIds()).toEqual([5]);
    const page = await (await visitor.fetch('/two-clients/tasks/5')).text();
    expect(page).toContain('<h4>Write down one question</h4>');
    expect(htmxList(page)[4]).toBe(`✓ ${titles[4]}`);
  });

  it.each([
    ['no "done"', ''], ['"done" empty', 'done='], ['"done" yes', 'done=yes'], ['"done" twice', 'done=true&done=false'],
    ['nested "done"', 'done[a]=true'], ...hostile.map((text): [string, string] => [`markup as "done" ${text}`, `done=${encodeURIComponent(text)}`]),
  ])('POST with %s: 400, not echoed, nothing changed', async (_what, body) => {
    const res = await post('2', body);
    expect(res.status).toBe(400);
    const text = await res.text();
    for (const markup of hostile) expect(text).not.toContain(markup);
    expect(await doneIds()).toEqual([]);
  });

  it('POST with a JSON body: the form\'s string "true" is taken, a JSON true is not (400)', async () => {
    expect((await post('2', '{"done":"true"}', { ...hx, ...json })).status).toBe(200); // the value is what counts
    await post('2', 'done=false');
    expect((await post('2', '{"done":true}', { ...hx, ...json })).status).toBe(400);
    expect(await doneIds()).toEqual([]);
  });

  it.each([['PUT', '/two-clients/tasks/1'], ['DELETE', '/two-clients/tasks/1'], ['POST', '/two-clients/tasks'], ['PATCH', '/two-clients/tasks/1']])('%s %s: 405', async (method, path) => {
    expect((await visitor.fetch(path, { method, headers: { ...hx, ...form }, body: 'done=true' })).status).toBe(405);
  });
});

describe('lesson 8: one backend', () => {
  it('the JSON API and the HTML list show the same tasks, whichever client changed them', async () => {
    await patch('3', '{"done":true}');
    await post('4', 'done=true');
    const api = (await apiTasks()).map((t) => `${t.done ? '✓' : '○'} ${t.title}`);
    const html = htmxList(await (await visitor.fetch('/two-clients/tasks', { headers: hx })).text());
    expect(html).toEqual(api);
    expect(api.filter((line) => line.startsWith('✓'))).toEqual([`✓ ${titles[2]}`, `✓ ${titles[3]}`]);
  });

  it('is one list for every client: another visitor (or curl, with no cookie) sees the change', async () => {
    await patch('2', '{"done":true}');
    const other = await newVisitor(server.url, '/lessons/two-clients');
    expect((await apiTasks(other)).find((t) => t.id === 2)!.done).toBe(true);
    expect((await (await fetch(`${server.url}/api/v1/tasks/2`)).json()).done).toBe(true);
  });
});

describe('lesson 8: the curl line', () => {
  const curlLine = (html: string) => decodeEntities(/<code id="curl-line">([^<]*)<\/code>/.exec(html)?.[1] ?? '');

  it('names the host and port the page was asked for, quoted for a shell', async () => {
    expect(curlLine(await (await visitor.fetch('/lessons/two-clients')).text())).toBe(`curl '${server.url}/api/v1/tasks'`);
    const ko = await visitor.fetch('/lessons/two-clients?lang=ko');
    expect(curlLine(await ko.text())).toBe(`curl '${server.url}/api/v1/tasks?lang=ko'`);
  });

  describe('on a server that answers to LAN names', () => {
    const lan = useServer({ allowedHosts: ['192.168.1.20', 'laptop.local'] });
    it.each([
      ['192.168.1.20:3000', "curl 'http://192.168.1.20:3000/api/v1/tasks'"],
      ['laptop.local:8080', "curl 'http://laptop.local:8080/api/v1/tasks'"],
    ])('Host %s', async (host, line) => {
      const res = await rawRequest(lan.url, '/lessons/two-clients', { headers: { Host: host } });
      expect(curlLine(res.text)).toBe(line);
    });
  });

  describe('on a server told to answer to any name (--allowed-hosts all)', () => {
    const open = useServer({ allowedHosts: true });
    it.each([
      '"><img src=x onerror=alert(1)>',
      '$(touch /tmp/hxd-pwned)',
      "x'; touch /tmp/hxd-pwned; echo '",
      'a`id`b:3000',
      'example.com:3000;id',
    ])('a Host header that is no host name (%s) never reaches the line', async (host) => {
      const res = await rawRequest(open.url, '/lessons/two-clients', { headers: { Host: host } });
      expect(res.status).toBe(200);
      expect(curlLine(res.text)).toBe(`curl 'http://localhost:${new URL(open.url).port}/api/v1/tasks'`);
      expect(res.text).not.toContain('<img src=x onerror');
    });
  });

  it('is a GET that works as it stands, with no cookie and no token', async () => {
    const line = curlLine(await (await visitor.fetch('/lessons/two-clients')).text());
    const res = await fetch(/^curl '([^']+)'$/.exec(line)![1]!);
    expect(res.status).toBe(200);
    expect((await res.json()).tasks).toHaveLength(5);
  });
});

describe('lesson 8: CSRF', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { 'X-CSRF-Token': 'not-the-token' }],
  ])('both lanes refuse a change with %s (403) and nothing changes', async (_what, headers) => {
    const viaApi = await visitor.fetch('/api/v1/tasks/1', { method: 'PATCH', csrf: false, headers: { ...json, ...headers }, body: '{"done":true}' });
    const viaPage = await visitor.fetch('/two-clients/tasks/1', { method: 'POST', csrf: false, redirect: 'manual', headers: { ...form, ...hx, ...headers }, body: 'done=true' });
    const viaForm = await visitor.fetch('/two-clients/tasks/1', { method: 'POST', csrf: false, redirect: 'manual', headers: { ...form, ...headers }, body: 'done=true' });
    expect([viaApi.status, viaPage.status, viaForm.status]).toEqual([403, 403, 403]);
    expect((await viaApi.json()).error.status).toBe(403);
    expect(await doneIds()).toEqual([]);
  });

  it('a curl PATCH (no cookie, no token) is refused: the API for other clients would need its own auth', async () => {
    const res = await fetch(`${server.url}/api/v1/tasks/1`, { method: 'PATCH', headers: json, body: '{"done":true}' });
    expect(res.status).toBe(403);
    expect(await doneIds()).toEqual([]);
  });
});

describe('lesson 8 in Korean, and reset', () => {
  it('?lang=ko: the API, the fragments and the page speak Korean; the curl line asks for Korean too', async () => {
    const korean = await newVisitor(server.url, '/lessons/two-clients?lang=ko');
    expect((await apiTasks(korean))[0]!.title).toBe('Node 20이 설치된 노트북 가져오기');
    const fragment = await (await korean.fetch('/two-clients/tasks/2', { headers: hx })).text();
    expect(fragment).toContain('<h4>htmx-demo 시작하기</h4>');
    expect(fragment).toContain('완료로 표시');
    const page = await (await korean.fetch('/lessons/two-clients')).text();
    expect(page).toMatch(/<html lang="ko"/);
    expect(page).toContain('목록 다시 불러오기');
    expect(page).toContain('data-mark-done="완료로 표시"');
    expect(/<code id="curl-line">([^<]*)<\/code>/.exec(page)?.[1]).toBe(`curl &#39;${server.url}/api/v1/tasks?lang=ko&#39;`);
    expect((await apiTasks(visitor, '?lang=ko'))[2]!.title).toBe('두 레인 비교하기');
  });

  it('reset marks every task not done again (303 to the lesson)', async () => {
    await patch('1', '{"done":true}');
    await post('2', 'done=true');
    const res = await visitor.fetch('/lessons/two-clients/reset', { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/two-clients');
    expect(await doneIds()).toEqual([]);
    expect(htmxList(await (await visitor.fetch('/lessons/two-clients')).text()).every((line) => line.startsWith('○'))).toBe(true);
  });
});
