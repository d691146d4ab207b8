// Markup in every field every lesson's views declare, in the query, a form body and JSON (flat, nested, in lists),
// in every route parameter and in the headers htmx sends: never a 5xx, never echoed as markup (an answer that
// shows it back shows it escaped), not in the answer, not in the inspector on the page, not in its stream.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeEntities, openEventStream, rawRequest } from '../support/http.js';
import { hostileSetup, withBody } from './support/hostile.js';
import { inParallel, type SocketAnswer } from './support/raw-socket.js';
import type { Field, RouteUnderTest } from './support/routes.js';

const setup = await hostileSetup();
const { surface, session, send } = setup;
const stream = await openEventStream(`${setup.server.url}/_inspector/stream`, { Cookie: setup.visitor.cookie });
afterAll(async () => {
  stream.close();
  await setup.finish('markup in every field');
});
afterEach(async () => {
  await setup.stillAnswers();
  expect(setup.takeFaults()).toEqual([]);
});

/** Short enough for every length limit (a 40-character name), each a different way out of a text or an attribute. */
const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg/onload=alert(1)>@a.io", 'javascript:alert(1)//'];
const [script] = payloads as [string];
const markup = /<script>alert\(1\)<\/script>|<img src=x onerror|<svg\/onload|(?:href|src|action|hx-[a-z]+)=["']?javascript:/i;

/** The headers htmx sends, every one of them hostile (HX-Request itself is set per request). */
const hostileHeaders = { 'HX-Target': script, 'HX-Source': script, 'HX-Current-URL': `http://127.0.0.1/${script}`, 'HX-Request-Type': script, Accept: script };

const fixedValues = (field: Field) => (field.values.length ? field.values : undefined);
/** Every declared field set to `text`. */
const allHostile = (text: string) => surface.fields.map((field): [string, string] => [field.name, text]);
/** What a browser would send with every text field typed as `text`: fixed fields (hidden, checkbox, hx-vals) as declared. */
const asDeclared = (text: string) =>
  surface.fields.flatMap((field): Array<[string, unknown]> => fixedValues(field)?.map((value) => [field.name, value]) ?? [[field.name, text]]);

const formBody = (pairs: Array<[string, unknown]>) => pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`).join('&');
/** JSON as a script would send it: a field declared several times (a checkbox group) is a list. */
function jsonBody(pairs: Array<[string, unknown]>): string {
  const object: Record<string, unknown> = {};
  for (const [name, value] of pairs) object[name] = name in object ? [object[name], value].flat() : value;
  return JSON.stringify(object);
}

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Every hostile request for one route. */
function attempts(route: RouteUnderTest): Attempt[] {
  const list: Attempt[] = [];
  const add = (method: string, path: string, headers: Record<string, string>, body = '') =>
    list.push({ method, path, headers: { ...session(), ...hostileHeaders, ...headers }, body });
  const htmx: Array<Record<string, string>> = [{ 'HX-Request': 'true' }, {}];
  const query = (pairs: Array<[string, unknown]>) => `${route.path}?${formBody([...pairs, ['lang', script], ['text', script]])}`;
  for (const method of route.methods) {
    for (const text of payloads) {
      for (const headers of htmx) {
        add(method, query(asDeclared(text)), headers);
        if (method === 'GET') continue;
        add(method, route.path, withBody(headers, 'application/x-www-form-urlencoded', formBody(asDeclared(text))), formBody(asDeclared(text)));
        add(method, route.path, withBody(headers, 'application/json', jsonBody(asDeclared(text))), jsonBody(asDeclared(text)));
      }
    }
    // The same markup as it stands in a raw request line (a browser would encode it; a script need not).
    add(method, `${route.path}?q=${script}&${surface.fields[0]!.name}=${payloads[1]!.replace(/ /g, '%20')}`, {});
    add(method, route.path, { 'HX-Request': 'true', Host: `127.0.0.1 ${script}` });
    if (method === 'GET') continue;
    const nested = Object.fromEntries(allHostile(script).map(([name]) => [name, Object.fromEntries(allHostile(script))]));
    const lists = Object.fromEntries(allHostile(script).map(([name]) => [name, [script, { [name]: script }]]));
    for (const body of [JSON.stringify(Object.fromEntries(allHostile(script))), JSON.stringify(nested), JSON.stringify(lists), JSON.stringify(script)]) {
      add(method, route.path, withBody({}, 'application/json', body), body);
    }
    add(method, route.path, withBody({}, 'application/x-www-form-urlencoded', formBody(allHostile(script))), formBody(allHostile(script)));
    const brackets = allHostile(script).map(([name]) => `${name}[${encodeURIComponent(script)}]=${encodeURIComponent(script)}&${name}[]=x`).join('&');
    add(method, route.path, withBody({}, 'application/x-www-form-urlencoded', brackets), brackets);
    add(method, route.path, withBody({}, 'text/plain', script), script);
  }
  if (route.pattern) {
    for (const text of payloads) {
      add(route.methods[0]!, route.pattern.fill(text), { 'HX-Request': 'true' });
      add(route.methods[0]!, route.pattern.fill('x').replace(/x$/, text.replace(/ /g, '%20')), {});
    }
  }
  return list;
}

/** Routes whose answer showed the hostile text back (escaped): proof the escaping was put to the test. */
const reflected = new Set<string>();

function check(attempt: Attempt, res: SocketAnswer): void {
  const what = `${attempt.method} ${attempt.path} ${attempt.headers['Content-Type'] ?? ''} ${attempt.body.slice(0, 80)}`;
  expect(res.status, what).toBeGreaterThan(0);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  const head = res.text.slice(0, res.text.length - res.body.length);
  expect(head, what).not.toMatch(markup);
  if (/^application\/json/.test(res.headers['content-type'] ?? '')) {
    expect(() => JSON.parse(res.body || 'null'), what).not.toThrow(); // data for a script, never parsed as markup
    return;
  }
  expect(res.body, what).not.toMatch(markup);
  if (payloads.some((text) => !res.body.includes(text) && decodeEntities(res.body).includes(text))) reflected.add(attempt.path.replace(/\?.*/, ''));
}

describe.each(surface.routes)('$methods $path', (route) => {
  it('markup in every field, parameter and header: below 500, and never echoed as markup', async () => {
    const list = attempts(route);
    const answers = await inParallel(list, (attempt) => send(attempt.method, attempt.path, attempt.headers, attempt.body));
    for (const [i, res] of answers.entries()) check(list[i]!, res);
  });
});

describe('what was shown back', () => {
  it('some lane answers show typed text back, escaped', () => {
    console.log(`answers that showed the hostile text back, escaped: ${[...reflected].sort().join(', ')}`);
    expect(reflected.size).toBeGreaterThan(0);
  });

  it('the inspector shows every exchange escaped: on the page, in its stream, a forged token too', async () => {
    const forged = await send('POST', '/api/like', { Cookie: setup.visitor.cookie, 'X-CSRF-Token': script }, '');
    expect(forged.status).toBe(403);
    expect(await stream.waitFor((event) => event.includes('X-CSRF-Token') && event.includes('&lt;script&gt;'))).not.toBeNull();
    expect(stream.events.length).toBeGreaterThan(surface.lessonIds.length);
    for (const event of stream.events) expect(event).not.toMatch(markup);
    for (const id of surface.lessonIds) {
      const page = await rawRequest(setup.server.url, `/lessons/${id}`, { headers: { Cookie: setup.visitor.cookie } });
      expect(page.status).toBe(200);
      expect(page.text, id).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // shown, as text
      expect(page.text, id).not.toMatch(markup);
    }
  });

  it('in a cookie: ignored, not reflected', async () => {
    const encoded = encodeURIComponent(script);
    const res = await send('GET', '/', { Cookie: `hxd_visitor=${encoded}; hxd_lang=${encoded}; hxd_text=${encoded}` });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(markup);
    expect(res.text).not.toContain(encoded);
  });
});
