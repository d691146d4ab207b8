// Security headers on every kind of response, and pages that a strict CSP does not break (no inline code, no CDN).
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, openEventStream, streamedBody, tagsNamed } from '../support/http.js';
import { like, likeLanes } from '../support/lanes.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const server = useServer();
let visitor: Visitor;
beforeAll(async () => { visitor = await newVisitor(server.url); });

/** One request of each kind the server answers. */
const responses: Array<[string, () => Promise<Response>]> = [
  ['the lesson page', () => visitor.fetch('/')],
  ['a lesson page by id, in Korean', () => visitor.fetch('/lessons/like?lang=ko')],
  ['the htmx fragment', () => like(visitor, likeLanes[1]!)],
  ['the JSON answer', () => like(visitor, likeLanes[0]!)],
  ['a static file', () => visitor.fetch('/static/app.css')],
  ['a lesson\'s client script', () => visitor.fetch('/static/lessons/like/like.js')],
  ['htmx itself', () => visitor.fetch('/vendor/htmx/4.0.1/htmx.min.js')],
  ['a 404 page', () => visitor.fetch('/nowhere')],
  ['a 404 fragment', () => visitor.fetch('/nowhere', { headers: { 'HX-Request': 'true' } })],
  ['a 404 in JSON', () => visitor.fetch('/api/nowhere')],
  ['a 404 for a static file', () => visitor.fetch('/static/nowhere.js')],
  ['a 403', () => visitor.fetch('/api/like', { method: 'POST', csrf: false })],
  ['a 405', () => visitor.fetch('/like/')],
  ['a 413', () => visitor.fetch('/api/like', { method: 'POST', body: streamedBody(20_000), duplex: 'half' } as RequestInit)],
  ['the reset redirect', () => visitor.fetch('/lessons/like/reset', { method: 'POST', redirect: 'manual' })],
];

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values]));
}

function expectSecurityHeaders(headers: Headers): void {
  const csp = directives(headers.get('content-security-policy') ?? '');
  expect(csp.get('script-src')).toContain("'self'");
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toMatch(/\S/);
}

describe('every response carries the security headers', () => {
  it.each(responses)('%s', async (_what, send) => {
    const res = await send();
    await res.arrayBuffer();
    expectSecurityHeaders(res.headers);
  });

  it('the inspector event stream', async () => {
    const stream = await openEventStream(`${server.url}/_inspector/stream`, { Cookie: visitor.cookie });
    try {
      expectSecurityHeaders(stream.response.headers);
    } finally {
      stream.close();
    }
  });
});

/** Every page a browser can land on: the lessons and the error pages. */
const pages: Array<[string, () => Promise<Response>]> = [
  ['/', () => visitor.fetch('/')],
  ['/lessons/like', () => visitor.fetch('/lessons/like')],
  ['/?lang=ko', () => visitor.fetch('/?lang=ko')],
  ['a walkthrough step', () => visitor.fetch('/lessons/like?step=3')],
  ['all the walkthrough steps', () => visitor.fetch('/lessons/like?step=all')],
  ['the wrap-up', () => visitor.fetch('/wrap-up')],
  ['the wrap-up in Korean', () => visitor.fetch('/wrap-up?lang=ko')],
  ['the 404 page', () => visitor.fetch('/nowhere')],
  ['the 404 page of a static file', () => visitor.fetch('/static/nowhere.js')],
  ['the 403 page', () => visitor.fetch('/lessons/like/reset', { method: 'POST', csrf: false })],
];

describe.each(pages)('the page %s works under that policy', (_what, load) => {
  let html = '';
  beforeAll(async () => { html = await (await load()).text(); });

  it('has no inline script: every <script> has a src and no body', () => {
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(attribute(script, 'src'), script).toMatch(/\S/);
      expect(script.replace(/^<script\b[^>]*>/i, '').replace(/<\/script>$/i, '').trim(), script).toBe('');
    }
  });

  it('has no inline event handlers, hx-on, or inline styles', () => {
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) expect(tag).not.toMatch(/\s(on[a-z]+|hx-on[:\w-]*|style)\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
  });

  it('loads scripts and stylesheets from this server only (no CDN, no absolute URLs)', () => {
    const tags = [...tagsNamed(html, 'script'), ...tagsNamed(html, 'link')];
    expect(tags.length).toBeGreaterThan(2);
    for (const tag of tags) expect(tag).not.toMatch(/(https?:)?\/\//i);
  });

  it('every script, stylesheet and icon it references loads with the right type', async () => {
    const wanted = [
      ...tagsNamed(html, 'script').map((tag) => [attribute(tag, 'src'), /javascript/] as const),
      ...tagsNamed(html, 'link').map((tag) => [attribute(tag, 'href'), attribute(tag, 'rel') === 'stylesheet' ? /^text\/css/ : /^image\//] as const),
    ];
    for (const [url, type] of wanted) {
      const res = await visitor.fetch(url!);
      await res.arrayBuffer();
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(type);
    }
  });
});
