// The inspector in Chromium never misleads: lesson controls are listed apart, a search replaced by a newer one says
// "cancelled", the four steps never stick on a superseded interaction, and an entry shows its answer first.
import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserSession } from '../support/browser.js';
import { startServer } from '../support/server.js';

const strip = (lane: string) => `[data-steps="${lane}"] li`;

describe.skipIf(!hasChromium)('the inspector in Chromium', () => {
  const session = useBrowserSession();
  const litSteps = (lane: string) => session.page.locator(`${strip(lane)}.lit`).count();

  it('lesson 7: the fault switches are lesson controls, and the 500 stays the newest htmx entry', async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/lessons/failure`);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/failure/switches')), page.click('#switch-fail')]);
    const controls = page.locator('#wire-failure-controls > li');
    await expect.poll(() => controls.count()).toBe(1);
    expect(await controls.first().textContent()).toMatch(/200\s+POST\s+\/failure\/switches/);
    // neither lane saw it: no entry, no lit step
    expect(await page.locator('#wire-failure-htmx > li').count()).toBe(0);
    expect(await litSteps('htmx')).toBe(0);
    expect(await litSteps('json')).toBe(0);
    await page.click('[data-demo="htmx"] button');
    await expect.poll(() => page.locator('#wire-failure-htmx > li').first().textContent()).toMatch(/500\s+GET\s+\/failure\/news/);
    // the switch strip asks again for its state after a 500 (public/switches.js): that, too, is a control's request
    await page.waitForTimeout(500);
    expect(await page.locator('#wire-failure-htmx > li', { hasText: '/failure/switches' }).count()).toBe(0);
  });

  it('each entry: status first, the answer before the request, other request headers folded behind a count', async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/lessons/like`);
    await page.click('#like-section button');
    const entry = page.locator('#wire-like-htmx > li').first();
    await expect.poll(() => entry.locator('summary').first().textContent()).toMatch(/^\s*200\s+POST/);
    const headings = await entry.locator('h4').allTextContents();
    expect(headings[0]).toMatch(/^Response/);
    expect(headings[1]).toBe('Request');
    expect(await entry.locator('dt').filter({ hasText: /^HX-Request$/ }).isVisible()).toBe(true);
    const more = entry.locator('.more-headers');
    expect(await more.locator('summary').textContent()).toMatch(/^\d+ more request headers$/);
    expect(await more.locator('dt', { hasText: 'Accept' }).isVisible()).toBe(false);
    await more.locator('summary').click();
    expect(await more.locator('dt', { hasText: 'Accept' }).isVisible()).toBe(true);
  });

  it('lesson 5: a search replaced by a newer one says "cancelled", and the strips end lit on the newest search', async () => {
    // One-letter searches answer slowly: the second letter's search replaces the first while it is out.
    const slow = await startServer({ latencyMs: (ctx: Context) => (String(ctx.query.q ?? '').length === 1 ? 1500 : 0) });
    try {
      const page = session.page;
      await page.goto(`${slow.url}/lessons/search`);
      for (const [lane, input, path] of [['json', '#json-search-input', '/api/search'], ['htmx', '#htmx-search-input', '/search/']] as const) {
        await page.locator(input).pressSequentially('c');
        await page.waitForRequest((r) => r.url().includes(`${path}?q=c`));
        await page.locator(input).pressSequentially('h');
        const cancelled = page.locator(`#wire-search-${lane} > li`, { hasText: '?q=c' }).filter({ hasNotText: '?q=ch' });
        await expect.poll(() => cancelled.locator('summary .status').first().textContent(), { timeout: 5000 }).toBe('cancelled: replaced by a newer request');
        expect(await cancelled.first().textContent()).not.toContain('no response');
        await expect.poll(() => litSteps(lane), { timeout: 5000 }).toBe(4);
      }
    } finally {
      await slow.close();
    }
  });

  it('lesson 5: moving to the other lane within the debounce leaves no strip stuck on "Event trigger"', async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/lessons/search`);
    await page.locator('#json-search-input').pressSequentially('fr');
    await page.locator('#htmx-search-input').pressSequentially('fr'); // within the JSON lane's 300 ms pause
    for (const lane of ['json', 'htmx']) await expect.poll(() => litSteps(lane), { timeout: 5000 }).toBe(4);
    expect(session.problems.list).toEqual([]);
  });

  it('a trigger that sends nothing says "no request sent" rather than look stuck', async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/lessons/oob`);
    await page.click('#oob-form-json button'); // empty field: the browser's own check refuses to submit
    await expect.poll(() => page.locator(`${strip('json')}[data-step="request"] output`).textContent(), { timeout: 4000 }).toBe('no request sent');
    expect(await page.locator('#wire-oob-json > li').count()).toBe(0);
  });
});
