// Lesson 9 over real HTTP: the page and its two frames (framing, CSP, which htmx each loads), every case's route with
// good, bad and hostile input, the 4.x lane's compatibility switch per visitor, and what the inspector records.
import { afterEach, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { tagsNamed } from '../support/http.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useAppErrors, useLessonVisitor, useServer } from '../support/suite.js';

const server = useServer();
const visitor = useLessonVisitor(server, 'htmx2-vs-4');
const serverErrors = useAppErrors(server);
afterEach(() => expect(serverErrors).toEqual([]));

const versions = [['2', 'json', '2.0.11'], ['4', 'htmx', '4.0.1']] as const;
const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
const form = { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' };
const visitorIdOf = (who: Visitor) => /hxd_visitor=([^;]+)/.exec(who.cookie)![1]!;
const wire = (who: Visitor, lane: 'json' | 'htmx' | 'controls') => server.demo.inspector.store.list(visitorIdOf(who), 'htmx2-vs-4', lane);
const post = (path: string, fields: Record<string, string>, init: { csrf?: boolean; who?: Visitor } = {}) =>
  (init.who ?? visitor).fetch(path, { method: 'POST', headers: form, body: new URLSearchParams(fields).toString(), csrf: init.csrf, redirect: 'manual' });
const frame = async (major: string, who: Visitor = visitor) => {
  const res = await who.fetch(`/htmx2-vs-4/v${major}/`);
  expect(res.status).toBe(200);
  return { res, html: await res.text() };
};

describe('the lesson page', () => {
  it('has one lane per version, each a same-origin frame, no four-step strip, and the compatibility switch off', async () => {
    const res = await visitor.fetch('/lessons/htmx2-vs-4');
    const html = await res.text();
    expect(html).toMatch(/<h2 id="lane-json-title">htmx 2\.0\.11<\/h2>/);
    expect(html).toMatch(/<h2 id="lane-htmx-title">htmx 4\.0\.1<\/h2>/);
    expect(tagsNamed(html, 'iframe')).toEqual([
      expect.stringContaining('src="/htmx2-vs-4/v2/"'),
      expect.stringContaining('src="/htmx2-vs-4/v4/"'),
    ]);
    expect(html).not.toContain('data-steps=');
    expect(html).toContain('id="compat-switch" aria-pressed="false"');
    // The page itself may still not be framed by anyone; only the version frames are.
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('loads htmx 4 only: htmx 2 is in the 2.x frame alone, and no other lesson mentions it', async () => {
    const html = await (await visitor.fetch('/lessons/htmx2-vs-4')).text();
    expect(html).toContain('/vendor/htmx/4.0.1/htmx.min.js');
    expect(html).not.toContain('2.0.11/htmx');
    for (const { id } of lessons.filter((lesson) => lesson.id !== 'htmx2-vs-4')) {
      expect(await (await visitor.fetch(`/lessons/${id}`)).text(), id).not.toContain('2.0.11');
    }
  });

  it('speaks Korean', async () => {
    const html = await (await visitor.fetch('/lessons/htmx2-vs-4?lang=ko')).text();
    expect(html).toContain('htmx 2와 htmx 4 나란히 보기');
    expect(html).toContain('htmx 4 레인을 htmx 2처럼');
    expect(await (await visitor.fetch('/htmx2-vs-4/v4/?lang=ko')).text()).toContain('리스너와 함께 보내기');
  });
});

describe.each(versions)('the htmx %s frame', (major, lane, version) => {
  it('may be framed by this origin only, with the same strict CSP otherwise', async () => {
    const { res } = await frame(major);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it(`loads htmx ${version} from this server, and its cases are the other frame's markup`, async () => {
    const { html } = await frame(major);
    const scripts = tagsNamed(html, 'script');
    expect(scripts.filter((tag) => tag.includes('/vendor/htmx/'))).toEqual([`<script defer src="/vendor/htmx/${version}/htmx.min.js">`]);
    expect(scripts.every((tag) => / src="\//.test(tag)), 'no inline script').toBe(true);
    const cases = (text: string) => text.slice(text.indexOf('<section'), text.lastIndexOf('</section>'));
    expect(cases(html)).toBe(cases((await frame(major === '2' ? '4' : '2')).html));
    // The CSRF token the way htmx 2 apps set it: plain hx-headers on <body>.
    expect(html).toMatch(new RegExp(`<body class="frame frame-${lane}" hx-headers="{&#34;X-CSRF-Token&#34;:&#34;${visitor.csrfToken}&#34;}">`));
  });

  it('is the lane loading, not an exchange: the wire stays empty', async () => {
    await frame(major);
    expect(wire(visitor, lane)).toEqual([]);
  });

  it('case 1: a like needs the token (403 without it), counts per version, and refuses an unknown button', async () => {
    expect((await post(`/htmx2-vs-4/v${major}/like`, { button: 'plain' }, { csrf: false })).status).toBe(403);
    const liked = await post(`/htmx2-vs-4/v${major}/like`, { button: 'plain' });
    expect(liked.status).toBe(200);
    expect(await liked.text()).toMatch(/^<div id="like-plain"><button id="like-plain-button" hx-post="like" .*hx-target="#like-plain" hx-swap="outerHTML">❤️ Like \(1\)<\/button>/);
    expect(await (await post(`/htmx2-vs-4/v${major}/like`, { button: 'fixed' })).text()).toContain('Like (2)');
    expect((await post(`/htmx2-vs-4/v${major}/like`, { button: hostile })).status).toBe(400);
    expect((await frame(major === '2' ? '4' : '2')).html).toContain('Like (0)');
    expect((await frame(major)).html).toContain('Like (2)');
  });

  it('case 2: an empty or long name is a 422 with the message; a good one is saved, escaped', async () => {
    for (const name of ['', '   ', 'x'.repeat(41)]) {
      const res = await post(`/htmx2-vs-4/v${major}/name`, { name });
      expect(res.status).toBe(422);
      expect(await res.text()).toBe('<span class="field-error" data-status="422">Write a name of 1 to 40 characters.</span>\n');
    }
    const saved = await post(`/htmx2-vs-4/v${major}/name`, { name: hostile.slice(0, 40) });
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script>');
    expect((await visitor.fetch(`/htmx2-vs-4/v${major}/name`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"a"}' })).status).toBe(415);
  });

  it('case 3: lists the HX-* headers that arrived, escaped', async () => {
    const res = await visitor.fetch(`/htmx2-vs-4/v${major}/headers?probe=`, { headers: { 'HX-Request': 'true', 'HX-Trigger': hostile, 'X-Other': 'no' } });
    const text = await res.text();
    expect(text).toContain('<dt>hx-request</dt><dd>true</dd>');
    expect(text).toContain('<dt>hx-trigger</dt><dd>&lt;script&gt;');
    expect(text).not.toContain('x-other');
    expect(await (await visitor.fetch(`/htmx2-vs-4/v${major}/headers`)).text()).toContain('No HX-* headers arrived.');
  });

  it('case 4: says which listener added X-Listener, escaped, or that none did', async () => {
    expect(await (await visitor.fetch(`/htmx2-vs-4/v${major}/listen`, { headers: { 'X-Listener': hostile } })).text()).toContain('<code>&lt;script&gt;');
    expect(await (await visitor.fetch(`/htmx2-vs-4/v${major}/listen`)).text()).toContain('No listener added X-Listener.');
  });

  it('case 5: one answer for the main target and the counter out of band', async () => {
    await post(`/htmx2-vs-4/v${major}/items`, {});
    const res = await post(`/htmx2-vs-4/v${major}/items`, {});
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('Item 2 added.\n<span id="item-count" hx-swap-oob="true">2</span>\n');
  });

  it('shows on the wire what htmx sends, htmx 2 header names included', async () => {
    await visitor.fetch(`/htmx2-vs-4/v${major}/listen`, { headers: { 'HX-Request': 'true', 'HX-Trigger': 'listen', 'HX-Trigger-Name': 'listen', 'X-Listener': 'htmx:configRequest' } });
    const [exchange] = wire(visitor, lane);
    expect(exchange!.requestHeaders).toEqual(expect.arrayContaining([['HX-Trigger', 'listen'], ['HX-Trigger-Name', 'listen'], ['X-Listener', 'htmx:configRequest']]));
  });
});

describe('the compatibility switch', () => {
  const config = /<meta name="htmx-config" content="([^"]*)">/;

  it('gives the 4.x frame htmx 2 behaviour for this visitor only, and turns off again', async () => {
    expect(config.exec((await frame('4')).html)).toBeNull();
    // With htmx: the switch swapped in place, and a new 4.x frame out of band, which loads under the new config.
    const on = await post('/htmx2-vs-4/compat', { compat: 'on' });
    expect(on.status).toBe(200);
    const answer = await on.text();
    expect(answer).toContain('id="compat-switch" aria-pressed="true"');
    expect(tagsNamed(answer, 'iframe')).toEqual([expect.stringMatching(/id="version-frame-htmx" src="\/htmx2-vs-4\/v4\/".*hx-swap-oob="true"/)]);
    const four = (await frame('4')).html;
    expect(JSON.parse(config.exec(four)![1]!.replaceAll('&#34;', '"'))).toEqual({ implicitInheritance: true, noSwap: [204, 304, '4xx', '5xx'] });
    expect(four).toContain('Compatibility on:');
    expect((await (await visitor.fetch('/lessons/htmx2-vs-4')).text())).toContain('id="compat-switch" aria-pressed="true"');
    // The 2.x frame keeps its own config (no inline indicator style); another visitor keeps htmx 4's defaults.
    expect(config.exec((await frame('2')).html)![1]).toBe('{&#34;includeIndicatorStyles&#34;:false}');
    expect(config.exec((await frame('4', await newVisitor(server.url, '/lessons/htmx2-vs-4'))).html)).toBeNull();

    // Without htmx, a plain form post: the whole page again.
    const off = await visitor.fetch('/htmx2-vs-4/compat', { method: 'POST', headers: { 'Content-Type': form['Content-Type'] }, body: 'compat=off', redirect: 'manual' });
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toBe('/lessons/htmx2-vs-4');
    expect(config.exec((await frame('4')).html)).toBeNull();
  });

  it('is a lesson control: listed apart from both lanes on the wire, never as the 4.x lane\'s traffic', async () => {
    await post('/htmx2-vs-4/compat', { compat: 'on' });
    expect(wire(visitor, 'controls')[0]).toMatchObject({ method: 'POST', url: '/htmx2-vs-4/compat', status: 200 });
    for (const lane of ['json', 'htmx'] as const) expect(wire(visitor, lane).map((exchange) => exchange.url)).toEqual([]);
    const page = await (await visitor.fetch('/lessons/htmx2-vs-4')).text();
    expect(page).toContain('Lesson controls on the wire');
    // Its refusals answer in the controls' error slot, above the lanes.
    const bad = await post('/htmx2-vs-4/compat', { compat: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('hx-retarget')).toBe('#lane-errors-controls');
  });

  it('refuses a bad value (400), a missing token (403), and has no route under either frame (404)', async () => {
    expect((await post('/htmx2-vs-4/compat', { compat: hostile })).status).toBe(400);
    expect((await post('/htmx2-vs-4/compat', {})).status).toBe(400);
    expect((await post('/htmx2-vs-4/compat', { compat: 'on' }, { csrf: false })).status).toBe(403);
    for (const major of ['2', '4']) expect((await post(`/htmx2-vs-4/v${major}/compat`, { compat: 'on' })).status).toBe(404);
    expect(config.exec((await frame('4')).html)).toBeNull();
  });

  it('is put back by the visitor\'s own reset, with the counts', async () => {
    await post('/htmx2-vs-4/compat', { compat: 'on' });
    await post('/htmx2-vs-4/v4/like', { button: 'fixed' });
    expect((await post('/lessons/htmx2-vs-4/reset', { scope: 'mine' })).status).toBe(303);
    const four = (await frame('4')).html;
    expect(config.exec(four)).toBeNull();
    expect(four).toContain('Like (0)');
  });
});

describe('htmx 2, served by this lesson', () => {
  it('is the pinned 2.0.11 build, cached for a year', async () => {
    const res = await fetch(`${server.url}/vendor/htmx/2.0.11/htmx.min.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toContain('version:"2.0.11"');
  });
});
