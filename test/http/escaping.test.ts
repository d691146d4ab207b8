// Escaping: hostile text in anything the server reflects (URL, lesson id, headers, bodies) shows as text, never as markup.
import { beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, rawRequest, textOf } from '../support/http.js';
import { likeLanes } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const server = useServer();

/** No spaces, so each also fits a raw request line unencoded. */
const payloads = [
  '<script>alert(1)</script>',
  '"><img/src=x/onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '"/autofocus/onfocus="alert(1)',
  '</textarea></title><iframe/src=javascript:alert(1)>',
];

/** Markup that would run if any payload got through unescaped, in text or in an attribute. */
function expectInert(html: string): void {
  for (const payload of payloads) expect(html).not.toContain(payload);
  expect(html).not.toMatch(/<script>alert|<img\/src=x|<svg\/onload|<iframe/i);
}

/** A reflection that happened: the reader sees the payload as text. */
function expectShownAsText(html: string, payload: string): void {
  expect(textOf(html)).toContain(payload);
}

async function htmlOf(res: Response | Promise<Response>): Promise<string> {
  const answer = await res;
  expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  return answer.text();
}

describe.each(payloads)('payload %s', (payload) => {
  const encoded = encodeURIComponent(payload);
  let visitor: Visitor;
  beforeAll(async () => { visitor = await newVisitor(server.url); });

  it('in the query string of pages and error pages (encoded and raw)', async () => {
    for (const query of [`lang=${encoded}`, `text=${encoded}`, `x=${encoded}&lang=ko`, `step=${encoded}`, `step=2&step=${encoded}`]) {
      for (const path of ['/', '/lessons/like', '/wrap-up', '/nowhere']) {
        expectInert(await htmlOf(visitor.fetch(`${path}?${query}`)));
        expectInert((await rawRequest(server.url, `${path}?${decodeURIComponent(query)}`, { headers: { Cookie: visitor.cookie } })).text);
      }
    }
  });

  it('as an unknown lesson id: named in the 404 page and fragment as text', async () => {
    for (const headers of [{}, { 'HX-Request': 'true' }] as Array<Record<string, string>>) {
      const html = await htmlOf(visitor.fetch(`/lessons/${encoded}`, { headers }));
      expectInert(html);
      if (!payload.includes('/')) expectShownAsText(html, payload); // a slash makes it another route
    }
    const reset = await htmlOf(visitor.fetch(`/lessons/${encoded}/reset`, { method: 'POST' }));
    expectInert(reset);
  });

  it('as an unknown path', async () => {
    expectInert(await htmlOf(visitor.fetch(`/${encoded}`)));
    expectInert(await htmlOf(visitor.fetch(`/${encoded}`, { headers: { 'HX-Request': 'true' } })));
    expectInert((await rawRequest(server.url, `/${payload}`)).text);
    expectInert((await rawRequest(server.url, `/static/${payload}`)).text);
  });

  it.each(likeLanes)('in a $id lane request: the inspector shows URL, headers and body as text', async (lane) => {
    const stream = await openEventStream(`${server.url}/_inspector/stream`, { Cookie: visitor.cookie });
    try {
      const res = await rawRequest(server.url, `${lane.path}?q=${payload}`, {
        method: 'POST',
        headers: {
          ...lane.headers,
          Cookie: visitor.cookie,
          'X-CSRF-Token': visitor.csrfToken,
          'HX-Target': payload,
          'HX-Current-URL': payload,
          'Content-Type': 'text/plain',
        },
        body: payload,
      });
      expect(res.status).toBe(200);
      const event = await stream.waitFor((data) => data.includes(`data-exchange-id="${res.headers['x-inspector-exchange']}"`));
      const page = await htmlOf(visitor.fetch('/'));
      for (const html of [event!, page]) {
        expectInert(html);
        expectShownAsText(html, `?q=${payload}`);
        expect(textOf(html).split(payload).length - 1).toBeGreaterThanOrEqual(4); // URL, two headers, body
      }
    } finally {
      stream.close();
    }
  });
});
