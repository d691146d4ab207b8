// The inspector never misleads: lesson controls are listed apart from both lanes, a request the browser cancelled
// is not a lost one, and each entry puts the answer before the request, with the non-HX- headers folded.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { wireItems } from '../support/http.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const server = useServer();
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

const flip = (visitor: Visitor, body: string) =>
  visitor.fetch('/failure/switches', { method: 'POST', headers: { ...form, 'HX-Request': 'true' }, body });
const failurePage = async (visitor: Visitor) => (await visitor.fetch('/lessons/failure')).text();

/** Starts a news request on the JSON lane that the test can cancel, as the browser would. */
function slowNews(visitor: Visitor, marker: string) {
  const controller = new AbortController();
  const done = visitor.fetch(`/api/failure/news?marker=${marker}`, { signal: controller.signal }).catch(() => undefined);
  return { cancel: () => controller.abort(), done };
}

/** Waits until the visitor's page lists an exchange whose URL has `marker`, and returns it. */
async function itemWith(visitor: Visitor, list: string, marker: string): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    const item = wireItems(await failurePage(visitor), list).find((li) => li.includes(marker));
    if (item) return item;
    await sleep(50);
  }
  throw new Error(`no exchange with ${marker} in ${list}`);
}

describe('lesson controls', () => {
  it('lesson 7\'s fault switches are listed as lesson controls, never in a lane', async () => {
    const visitor = await newVisitor(server.url);
    expect((await flip(visitor, 'fail=once')).status).toBe(200);
    const news = await visitor.fetch('/failure/news', { headers: { 'HX-Request': 'true' } });
    expect(news.status).toBe(500);
    const html = await failurePage(visitor);
    expect(html).toContain('Lesson controls on the wire');
    const controls = wireItems(html, 'wire-failure-controls');
    expect(controls).toHaveLength(1);
    expect(controls[0]).toContain('<code class="url">/failure/switches</code>');
    // the newest htmx entry is the 500 the notes ask about, not the switch's 200
    const htmx = wireItems(html, 'wire-failure-htmx');
    expect(htmx).toHaveLength(1);
    expect(htmx[0]).toMatch(/<span class="status status-5xx">500<\/span>/);
    expect(htmx.join('')).not.toContain('/failure/switches');
  });

  it('a lesson without control routes has no controls list', async () => {
    const visitor = await newVisitor(server.url);
    expect(await (await visitor.fetch('/lessons/like')).text()).not.toContain('wire-like-controls');
  });
});

describe('a request with no answer says who ended it', () => {
  it('the browser cancelling it for a newer request of the same lane: "cancelled: replaced by a newer request"', async () => {
    const visitor = await newVisitor(server.url);
    await flip(visitor, 'latency=1000');
    const first = slowNews(visitor, 'first');
    await sleep(150);
    const second = slowNews(visitor, 'second');
    await sleep(150);
    first.cancel();
    const item = await itemWith(visitor, 'wire-failure-json', 'marker=first');
    expect(item).toContain('data-hang-up="replaced"');
    expect(item).toContain('<span class="status status-cancelled">cancelled: replaced by a newer request</span>');
    expect(item).not.toContain('no response');
    await second.done;
    expect(await itemWith(visitor, 'wire-failure-json', 'marker=second')).toMatch(/status-2xx">200</);
  });

  it('the browser cancelling it with nothing newer: "cancelled by the browser"', async () => {
    const visitor = await newVisitor(server.url);
    await flip(visitor, 'latency=1000');
    const only = slowNews(visitor, 'alone');
    await sleep(150);
    only.cancel();
    const item = await itemWith(visitor, 'wire-failure-json', 'marker=alone');
    expect(item).toContain('<span class="status status-cancelled">cancelled by the browser</span>');
  });

  it('the server cutting the connection ("network down"): "no response", in red as before', async () => {
    const visitor = await newVisitor(server.url);
    await flip(visitor, 'network=down');
    await visitor.fetch('/api/failure/news?marker=cut').catch(() => undefined);
    const item = await itemWith(visitor, 'wire-failure-json', 'marker=cut');
    expect(item).toContain('<span class="status status-none">no response</span>');
    expect(item).not.toContain('cancelled');
  });
});

describe('each entry: status and answer first', () => {
  it('the summary opens with the status; the response comes before the request; non-HX- headers fold behind a count', async () => {
    const visitor = await newVisitor(server.url);
    await visitor.fetch('/like/', { method: 'POST', headers: { ...form, 'HX-Request': 'true', 'HX-Target': 'like-section' }, body: '' });
    const [item] = wireItems(await (await visitor.fetch('/')).text(), 'wire-like-htmx');
    expect(item).toMatch(/<summary>\s*<span class="status status-2xx">200<\/span>\s*<span class="method">POST<\/span>/);
    expect(item!.indexOf('<h4>Response')).toBeLessThan(item!.indexOf('<h4>Request'));
    const [shown, folded] = item!.split('<details class="more-headers">');
    expect(shown!.slice(shown!.indexOf('<h4>Request'))).toContain('<dt>HX-Request</dt>');
    expect(folded).toMatch(/<summary>3 more request headers<\/summary>/);
    expect(folded).toContain('<dt>Content-Type</dt>');
    expect(folded).toContain('<dt>X-CSRF-Token</dt>');
    expect(folded).not.toContain('<dt>HX-');
  });
});

it('reset keeps the walkthrough on its step', async () => {
  const visitor = await newVisitor(server.url);
  const res = await visitor.fetch('/lessons/toggle/reset', { method: 'POST', headers: form, body: `_csrf=${visitor.csrfToken}&step=3`, redirect: 'manual' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/lessons/toggle?step=3');
  const junk = await visitor.fetch('/lessons/toggle/reset', { method: 'POST', headers: form, body: `_csrf=${visitor.csrfToken}&step=x`, redirect: 'manual' });
  expect(junk.headers.get('location')).toBe('/lessons/toggle');
});
