// Lesson 4 over real HTTP: one set of sign-up rules on both lanes, errors as JSON or as the re-rendered form,
// the JavaScript-off post-redirect-get, taken names, escaping, CSRF, sizes, methods, Korean and reset.
import { describe, expect, it } from 'vitest';
import { expectCodePanelsOnDisk } from '../support/code-panels.js';
import { attribute, streamedBody, tagsNamed, textOf } from '../support/http.js';
import { demoOf } from '../support/lanes.js';
import { newVisitor } from '../support/server.js';
import { useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'form');

type Init = RequestInit & { csrf?: boolean; headers?: Record<string, string> };
type Fields = Record<string, string>;
const jsonPath = '/api/form/signups';
const htmxPath = '/form/signups';
const good = { name: 'ana', email: 'ana@example.com', password: 'correct horse' };

function postJson(body: unknown, { headers, ...init }: Init = {}, who = visitor) {
  return who.fetch(jsonPath, {
    method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...init,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
  });
}
/** As htmx sends the form: token in the header (from <body>) and in the _csrf field, which the form carries. */
function postHtmx(fields: Fields | string, { headers, ...init }: Init = {}, who = visitor) {
  const body = typeof fields === 'string' ? fields : new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString();
  return who.fetch(htmxPath, {
    method: 'POST', body, redirect: 'manual', ...init,
    headers: { 'HX-Request': 'true', 'HX-Target': 'div#signup-htmx', Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
}
/** As a browser with JavaScript off posts it: no header, the token only in the _csrf field. */
function postPlain(fields: Fields, who = visitor) {
  return who.fetch(htmxPath, {
    method: 'POST', csrf: false, redirect: 'manual', body: new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

/** Each htmx-lane field as the HTML shows it: value, aria-invalid, autofocus and its message. */
function fieldsOf(html: string) {
  const fields: Record<string, { value?: string; invalid: boolean; autofocus: boolean; message: string }> = {};
  for (const name of ['name', 'email', 'password']) {
    const tag = tagsNamed(html, 'input').find((t) => attribute(t, 'id') === `signup-htmx-${name}`);
    if (!tag) throw new Error(`no ${name} field in: ${html.slice(0, 200)}`);
    const message = new RegExp(`<span class="field-error" id="signup-htmx-${name}-error">([^<]*)</span>`).exec(html)![1]!;
    fields[name] = { value: attribute(tag, 'value'), invalid: attribute(tag, 'aria-invalid') === 'true', autofocus: /\sautofocus\b/.test(tag), message: textOf(message) };
  }
  return fields;
}

/** The htmx lane's demo on a page, without the code panels and the inspector (which shows raw request bodies). */
const htmxDemo = (page: string) => demoOf(page, 'htmx');

describe('the rules, the same on both lanes', () => {
  const mixed = 'Write the name in one alphabet: letters that only look alike (Latin a, Cyrillic а) cannot be mixed.';
  const cases: Array<[string, Record<string, unknown>, Partial<Record<'name' | 'email' | 'password', string>>]> = [
    ['everything missing', {}, { name: 'Choose a user name.', email: 'Enter your email address.', password: 'Use at least 8 characters.' }],
    ['a blank name', { ...good, name: '   ' }, { name: 'Choose a user name.' }],
    ['a name of 1 character', { ...good, name: 'a' }, { name: 'Use 2 to 20 characters.' }],
    ['a name of 21 characters', { ...good, name: 'a'.repeat(21) }, { name: 'Use 2 to 20 characters.' }],
    ['a name with a space', { ...good, name: 'ana b' }, { name: 'Use letters, digits, ".", "_" and "-" only.' }],
    ['a name with markup', { ...good, name: '<b>x</b>' }, { name: 'Use letters, digits, ".", "_" and "-" only.' }],
    ['a reserved name', { ...good, name: 'admin' }, { name: 'That name is reserved. Try another one.' }],
    ['a reserved name in capitals, padded', { ...good, name: ' Admin ' }, { name: 'That name is reserved. Try another one.' }],
    ['a reserved name in fullwidth letters', { ...good, name: 'ａｄｍｉｎ' }, { name: 'That name is reserved. Try another one.' }],
    ['a reserved name with a dotted capital I', { ...good, name: 'ADMİN' }, { name: 'That name is reserved. Try another one.' }],
    ['a reserved name with a Cyrillic а', { ...good, name: 'аdmin' }, { name: mixed }],
    ['a reserved name with a Greek ο', { ...good, name: 'rοot' }, { name: mixed }],
    ['a name of Latin and Cyrillic letters', { ...good, name: 'anаstasia' }, { name: mixed }],
    ['an email without @', { ...good, email: 'ana.example.com' }, { email: 'That does not look like an email address (name@example.com).' }],
    ['an email without a dot after @', { ...good, email: 'ana@example' }, { email: 'That does not look like an email address (name@example.com).' }],
    ['an email with a space', { ...good, email: 'an a@example.com' }, { email: 'That does not look like an email address (name@example.com).' }],
    ['an email of 255 characters', { ...good, email: `${'a'.repeat(243)}@example.com` }, { email: 'That does not look like an email address (name@example.com).' }],
    ['a password of 7 characters', { ...good, password: '1234567' }, { password: 'Use at least 8 characters.' }],
    ['a password of 73 characters', { ...good, password: 'p'.repeat(73) }, { password: 'Use at most 72 characters.' }],
  ];

  it.each(cases)('JSON lane, %s: 422 {"errors": ...}', async (_what, body, errors) => {
    const res = await postJson(body);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ errors });
  });

  it.each(cases)('htmx lane, %s: 422 and the same messages on the fields', async (_what, body, errors) => {
    const res = await postHtmx(body as Fields);
    expect(res.status).toBe(422);
    const fields = fieldsOf(await res.text());
    for (const name of ['name', 'email', 'password'] as const) {
      expect(fields[name]!.message, name).toBe(errors[name] ?? '');
      expect(fields[name]!.invalid, name).toBe(name in errors);
    }
    // focus goes to the first bad field, in the form's order
    const first = (['name', 'email', 'password'] as const).find((name) => name in errors);
    expect(Object.entries(fields).filter(([, f]) => f.autofocus).map(([name]) => name)).toEqual([first]);
  });

  it.each([
    ['a Korean name', { ...good, name: '김민수' }],
    ['a Cyrillic name', { ...good, name: 'Анастасия' }],
    ['a Japanese name (Han and kana, written together)', { ...good, name: '田中たろう' }],
    ['a Korean name with Latin letters', { ...good, name: 'minsu김' }],
    ['a name with . _ -', { ...good, name: 'a.b_c-d' }],
    ['20 characters of name, 8 of password', { ...good, name: 'n'.repeat(20), password: '12345678' }],
    ['72 characters of password', { ...good, password: 'p'.repeat(72) }],
  ])('take %s', async (_what, body) => {
    expect((await postJson(body)).status).toBe(201);
    expect((await postHtmx(body)).status).toBe(201);
  });

  it.each([
    ['a number for a name', { ...good, name: 42 }, 'name'],
    ['an object for an email', { ...good, email: { at: 'x' } }, 'email'],
    ['a list for a password', { ...good, password: ['a', 'b'] }, 'password'],
  ])('JSON lane refuses %s with a message on that field', async (_what, body, field) => {
    const res = await postJson(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ errors: { [field]: 'Send this field as text.' } });
  });

  it.each([
    ['the name twice (an array)', `name=a&name=b&email=ana%40example.com&password=12345678`, 'name'],
    ['a bracketed email (an object)', `name=ana&email[x]=y&password=12345678`, 'email'],
  ])('htmx lane refuses %s with a message on that field', async (_what, body, field) => {
    const res = await postHtmx(body);
    expect(res.status).toBe(422);
    expect(fieldsOf(await res.text())[field]!.message).toBe('Send this field as text.');
  });
});

describe('taken names', () => {
  it('a name signed up on a lane is taken on that lane (any case), and still free on the other', async () => {
    expect((await postJson(good)).status).toBe(201);
    expect(await (await postJson({ ...good, name: 'ANA' })).json()).toEqual({ errors: { name: 'Someone has already signed up with that name on this lane. Try another one.' } });
    expect((await postHtmx(good)).status).toBe(201);
    expect(fieldsOf(await (await postHtmx({ ...good, name: 'Ana' })).text()).name!.message).toBe('Someone has already signed up with that name on this lane. Try another one.');
  });

  it('a look-alike of a taken name is taken: fullwidth, another case, an accent', async () => {
    expect((await postJson({ ...good, name: 'jose' })).status).toBe(201);
    for (const name of ['ｊｏｓｅ', 'JOSE', 'José', 'JOSÉ']) {
      expect(await (await postJson({ ...good, name })).json(), name).toEqual({ errors: { name: 'Someone has already signed up with that name on this lane. Try another one.' } });
    }
    expect((await postJson({ ...good, name: 'strasse' })).status).toBe(201);
    expect((await postJson({ ...good, name: 'STRAẞE' })).status).toBe(422);
  });

  it('by another visitor too: names are the server\'s, not the visitor\'s', async () => {
    await postJson(good);
    const other = await newVisitor(server.url, '/lessons/form');
    expect((await postJson(good, {}, other)).status).toBe(422);
  });

  it('reset frees them, and redirects (303) to the lesson', async () => {
    await postJson(good);
    await postHtmx(good);
    const res = await visitor.fetch('/lessons/form/reset', { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/form');
    expect((await postJson(good)).status).toBe(201);
    expect((await postHtmx(good)).status).toBe(201);
  });
});

describe('the htmx lane\'s two kinds of client', () => {
  it('htmx gets the form partial, 201 with the welcome on success', async () => {
    const res = await postHtmx(good);
    expect(res.status).toBe(201);
    expect(res.headers.get('vary')).toMatch(/HX-Request/);
    const html = await res.text();
    expect(html).toMatch(/^<div id="signup-htmx" class="lesson-form">\s*<p class="welcome" role="status">Welcome, ana! Your account is ready.<\/p>/);
    expect(html).not.toMatch(/<!doctype/i);
    expect(Object.values(fieldsOf(html)).map((f) => f.value)).toEqual(['', '', '']);
  });

  it('htmx gets 422 with what was typed kept, except the password', async () => {
    const res = await postHtmx({ name: 'ana', email: 'nope', password: 'secret-password' });
    const html = await res.text();
    expect(fieldsOf(html)).toMatchObject({ name: { value: 'ana' }, email: { value: 'nope', invalid: true }, password: { value: '' } });
    expect(html).not.toContain('secret-password');
  });

  it('a plain post (JavaScript off) with errors gets the whole page, 422, values kept, never the password', async () => {
    const res = await postPlain({ name: 'admin', email: 'nope', password: 'secret-password' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/HX-Request/);
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h1><span class="lesson-number">');
    const demo = htmxDemo(page);
    expect(fieldsOf(demo)).toMatchObject({
      name: { value: 'admin', invalid: true, autofocus: true, message: 'That name is reserved. Try another one.' },
      email: { value: 'nope', invalid: true, autofocus: false },
      password: { value: '', invalid: false, message: '' },
    });
    expect(demo).not.toContain('secret-password');
  });

  it('a plain post that succeeds redirects (303) to the lesson, which welcomes once', async () => {
    const res = await postPlain(good);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/form');
    const page = await (await visitor.fetch('/lessons/form')).text();
    expect(htmxDemo(page)).toContain('<p class="welcome" role="status">Welcome, ana! Your account is ready.</p>');
    expect(htmxDemo(await (await visitor.fetch('/lessons/form')).text())).not.toContain('class="welcome"');
    // the welcome is this visitor's
    const other = await newVisitor(server.url, '/lessons/form');
    await postPlain({ ...good, name: 'bo' }, other);
    expect(htmxDemo(await (await visitor.fetch('/lessons/form')).text())).not.toContain('class="welcome"');
  });

  it('reset drops a welcome not yet shown', async () => {
    await postPlain(good);
    await visitor.fetch('/lessons/form/reset', { method: 'POST', redirect: 'manual' });
    expect(htmxDemo(await (await visitor.fetch('/lessons/form')).text())).not.toContain('class="welcome"');
  });

  it('the form works without JavaScript: action, method and the _csrf field are in the page', async () => {
    const demo = htmxDemo(await (await visitor.fetch('/lessons/form')).text());
    const [form] = tagsNamed(demo, 'form');
    expect(attribute(form!, 'action')).toBe('/form/signups');
    expect(attribute(form!, 'method')).toBe('post');
    expect(attribute(form!, 'hx-post')).toBe('/form/signups');
    const csrf = tagsNamed(demo, 'input').find((tag) => attribute(tag, 'name') === '_csrf');
    expect(attribute(csrf!, 'value')).toBe(visitor.csrfToken);
  });

  it('GET /form/signups (the address a plain post leaves behind) leads back to the lesson', async () => {
    const res = await visitor.fetch(htmxPath, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/lessons/form');
  });
});

describe('hostile input', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

  it.each(hostile)('%s comes back as text in every answer', async (evil) => {
    const fields = { name: evil, email: evil, password: evil };
    const json = await postJson(fields);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const fragment = await (await postHtmx(fields)).text();
    const page = await (await postPlain(fields)).text();
    for (const html of [fragment, htmxDemo(page)]) {
      expect(html).not.toContain(evil);
      expect(html).not.toMatch(/<img src=x/);
      expect(fieldsOf(html)).toMatchObject({ name: { value: evil }, email: { value: evil }, password: { value: '' } });
    }
  });
});

describe('requests of the wrong shape', () => {
  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', 'name=ana&email=ana%40example.com&password=12345678'],
    ['plain text', 'text/plain', JSON.stringify(good)],
  ])('the JSON lane refuses a %s body with 415, and signs nobody up', async (_what, type, body) => {
    const res = await visitor.fetch(jsonPath, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': type }, body });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/application\/json/);
    expect((await postJson(good)).status).toBe(201);
  });

  it.each([['an array', '[]'], ['a string', '"ana"'], ['broken JSON', '{"name":']])('the JSON lane refuses %s with 400', async (_what, body) => {
    const res = await postJson(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.status).toBe(400);
  });

  it('the htmx lane refuses a JSON body with 415: htmx gets it in the error slot, a browser as a page', async () => {
    const body = JSON.stringify(good);
    const fromHtmx = await postHtmx(body, { headers: { 'Content-Type': 'application/json' } });
    expect(fromHtmx.status).toBe(415);
    expect(fromHtmx.headers.get('hx-retarget')).toBe('#lane-errors-htmx');
    const plain = await visitor.fetch(htmxPath, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(plain.status).toBe(415);
    expect(await plain.text()).toMatch(/^<!doctype html>[\s\S]*application\/x-www-form-urlencoded/);
    expect((await postHtmx(good)).status).toBe(201);
  });

  it.each([jsonPath, htmxPath])('%s refuses a body over 16 KB with 413, declared or streamed', async (path) => {
    const type = path === jsonPath ? 'application/json' : 'application/x-www-form-urlencoded';
    const big = path === jsonPath ? JSON.stringify({ ...good, pad: 'x'.repeat(17 * 1024) }) : `name=ana&pad=${'x'.repeat(17 * 1024)}`;
    expect((await visitor.fetch(path, { method: 'POST', headers: { 'Content-Type': type }, body: big })).status).toBe(413);
    const streamed = await visitor.fetch(path, { method: 'POST', headers: { 'Content-Type': type }, body: streamedBody(17 * 1024), duplex: 'half' } as Init);
    expect(streamed.status).toBe(413);
  });

  it.each([
    [jsonPath, 'GET'], [jsonPath, 'PUT'], [jsonPath, 'DELETE'],
    [htmxPath, 'PUT'], [htmxPath, 'PATCH'], [htmxPath, 'DELETE'],
  ])('%s answers %s with 405', async (path, method) => {
    const res = await visitor.fetch(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/POST/);
  });
});

describe('CSRF', () => {
  const wrong = 'not-the-token';
  it.each([
    ['JSON lane, no token', () => postJson(good, { csrf: false })],
    ['JSON lane, a wrong token', () => postJson(good, { csrf: false, headers: { 'X-CSRF-Token': wrong } })],
    ['htmx, no token at all', () => postHtmx(new URLSearchParams(good).toString(), { csrf: false })],
    ['htmx, a wrong token in the header and the field', () => postHtmx(new URLSearchParams({ ...good, _csrf: wrong }).toString(), { csrf: false, headers: { 'X-CSRF-Token': wrong } })],
    ['JavaScript off, no _csrf field', () => visitor.fetch(htmxPath, { method: 'POST', csrf: false, redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(good).toString() })],
    ['JavaScript off, a wrong _csrf field', () => postPlain({ ...good, _csrf: wrong })],
  ])('%s: 403, nobody signed up, no welcome waiting', async (_what, send) => {
    expect((await send()).status).toBe(403);
    expect(htmxDemo(await (await visitor.fetch('/lessons/form')).text())).not.toContain('class="welcome"');
    expect((await postJson(good)).status).toBe(201);
    expect((await postHtmx(good)).status).toBe(201);
  });
});

describe('lesson 4 in Korean', () => {
  it('labels the form, and every lane says what is wrong in Korean', async () => {
    const korean = await newVisitor(server.url, '/lessons/form?lang=ko');
    const page = await (await korean.fetch('/lessons/form')).text();
    expect(page).toMatch(/<html lang="ko"/);
    expect(page).toContain('폼과 검증');
    expect(page.match(/>가입하기<\/button>/g)).toHaveLength(2);
    expect(page).toContain('<label for="signup-htmx-name">사용자 이름</label>');
    // a later walkthrough step's Korean text (a hidden step's text comes when shown; every step's is in ?step=all)
    expect(await (await korean.fetch('/lessons/form?step=all')).text()).toContain('JSON 레인의 버튼은');
    const bad = { name: 'admin', email: 'x', password: 'short' };
    expect(await (await postJson(bad, {}, korean)).json()).toEqual({ errors: {
      name: '예약된 이름입니다. 다른 이름을 골라 주세요.',
      email: '이메일 주소 형식이 아닙니다 (name@example.com).',
      password: '8자 이상으로 정해 주세요.',
    } });
    expect(fieldsOf(await (await postHtmx(bad, {}, korean)).text()).password!.message).toBe('8자 이상으로 정해 주세요.');
    expect(fieldsOf(htmxDemo(await (await postPlain(bad, korean)).text())).name!.message).toBe('예약된 이름입니다. 다른 이름을 골라 주세요.');
    await postPlain({ ...good, name: '민지' }, korean);
    expect(await (await korean.fetch('/lessons/form')).text()).toContain('민지님, 환영합니다! 계정이 만들어졌습니다.');
  });
});

it('the code panels show each lane\'s files as they are on disk, in English and Korean', async () => {
  for (const query of ['', '?lang=ko']) await expectCodePanelsOnDisk(await (await fetch(server.url + '/lessons/form' + query)).text(), 'form', server.url);
});
