// Lesson 9 in Chromium: each case clicked in both frames, its difference read from the traffic the inspector
// recorded (status, request headers), and only the console errors the case demonstrates.
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/workshop/inspector/store.js';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

type Lane = 'json' | 'htmx';
const lanes: Lane[] = ['json', 'htmx'];

describe.skipIf(!hasChromium)('lesson 9 in Chromium', () => {
  const session = useBrowserSession({ path: '/lessons/htmx2-vs-4' });

  const frame = (lane: Lane): FrameLocator => session.page.frameLocator(`iframe[data-frame="${lane}"]`);

  /** Both frames loaded, each with its own htmx running. */
  async function framesReady() {
    for (const [lane, version] of [['json', '2.0.11'], ['htmx', '4.0.1']] as const) {
      // Looked up on each try: the compatibility switch swaps in a new 4.x frame.
      const found = () => session.page.frames().find((f) => f.url().endsWith(lane === 'json' ? '/v2/' : '/v4/'));
      await expect.poll(() => found()?.evaluate(() => (window as unknown as { htmx?: { version: string } }).htmx?.version).catch(() => undefined)).toBe(version);
    }
  }

  /** This visitor's recorded exchanges on a lane, newest first: what the inspector saw on the wire. */
  async function wire(lane: Lane | 'controls'): Promise<Exchange[]> {
    const cookies = await session.page.context().cookies();
    const visitorId = cookies.find((cookie) => cookie.name === 'hxd_visitor')!.value;
    return session.server.demo.inspector.store.list(visitorId, 'htmx2-vs-4', lane);
  }
  /** Clicks `selector` in a lane's frame and waits for the exchange it causes: the wire's new newest entry. */
  async function exchangeOf(lane: Lane, selector: string): Promise<Exchange> {
    const before = (await wire(lane)).length;
    await frame(lane).locator(selector).click();
    await expect.poll(async () => (await wire(lane)).length).toBe(before + 1);
    return (await wire(lane))[0]!;
  }
  const header = (exchange: Exchange, name: string) => exchange.requestHeaders.find(([key]) => key === name)?.[1];
  const unexpected = (expected: RegExp[]) => session.problems.list.filter((line) => !expected.some((pattern) => pattern.test(line)));

  it('case 1: the token in hx-headers on <body> goes with htmx 2 and not with htmx 4 (403); hx-headers:inherited fixes it', async () => {
    await framesReady();
    const two = await exchangeOf('json', '#like-plain button');
    expect(two).toMatchObject({ method: 'POST', url: '/htmx2-vs-4/v2/like', status: 200 });
    expect(header(two, 'X-CSRF-Token')).toBeDefined();

    const four = await exchangeOf('htmx', '#like-plain button');
    expect(four).toMatchObject({ method: 'POST', url: '/htmx2-vs-4/v4/like', status: 403 });
    expect(header(four, 'X-CSRF-Token')).toBeUndefined();

    for (const lane of lanes) {
      const fixed = await exchangeOf(lane, '#like-fixed button');
      expect(fixed.status, lane).toBe(200);
      expect(header(fixed, 'X-CSRF-Token'), lane).toBeDefined();
    }
    // The 403 under htmx 4 is the only failure, as a learner would see it in DevTools.
    expect(unexpected([/^HTTP 403: .*\/htmx2-vs-4\/v4\/like$/, /^console error: Failed to load resource: .* 403/])).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 403'))).toHaveLength(1);
  });

  it('case 2: both servers answer 422; htmx 4 swaps it (hx-status:422 aims it), htmx 2 drops it and logs an error', async () => {
    await framesReady();
    for (const lane of lanes) {
      for (const form of ['#name-plain', '#name-aimed']) {
        const answer = await exchangeOf(lane, `${form} button`);
        expect(answer, `${lane} ${form}`).toMatchObject({ method: 'POST', url: expect.stringMatching(/\/name$/), status: 422 });
        expect(answer.responseBody).toContain('data-status="422"');
      }
    }
    // The same answers on the wire; where each went is the difference.
    const swapped = (lane: Lane, slot: string) => frame(lane).locator(`${slot} [data-status="422"]`).count();
    await expect.poll(() => swapped('htmx', '#name-plain-result')).toBe(1);
    await expect.poll(() => swapped('htmx', '#name-aimed-error')).toBe(1);
    expect(await swapped('htmx', '#name-aimed-result')).toBe(0);
    for (const slot of ['#name-plain-result', '#name-aimed-result', '#name-aimed-error']) expect(await swapped('json', slot)).toBe(0);

    const expected = [/^HTTP 422: .*\/htmx2-vs-4\/v[24]\/name$/, /^console error: Failed to load resource: .* 422/, /^console error: Response Status Error Code 422 from name/];
    expect(unexpected(expected)).toEqual([]);
    // htmx 2 logs each dropped answer; htmx 4 does not.
    expect(session.problems.list.filter((line) => line.includes('Response Status Error Code 422'))).toHaveLength(2);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 422'))).toHaveLength(4);
  });

  it('case 3: htmx 2 sends HX-Trigger and HX-Trigger-Name, htmx 4 sends HX-Source and HX-Request-Type', async () => {
    await framesReady();
    const two = await exchangeOf('json', '#probe');
    expect(Object.fromEntries(two.requestHeaders.filter(([name]) => name.startsWith('HX-')))).toEqual({
      'HX-Request': 'true',
      'HX-Trigger': 'probe',
      'HX-Trigger-Name': 'probe',
      'HX-Target': 'headers-sent',
      'HX-Current-URL': expect.stringMatching(/\/htmx2-vs-4\/v2\/$/),
    });
    const four = await exchangeOf('htmx', '#probe');
    expect(Object.fromEntries(four.requestHeaders.filter(([name]) => name.startsWith('HX-')))).toEqual({
      'HX-Request': 'true',
      'HX-Source': 'button#probe',
      'HX-Target': 'div#headers-sent',
      'HX-Request-Type': 'partial',
      'HX-Current-URL': expect.stringMatching(/\/htmx2-vs-4\/v4\/$/),
    });
    expect(session.problems.list).toEqual([]);
  });

  it('case 4: the listener with htmx 2\'s event name runs under 2 only, the one with 4\'s name under 4 only', async () => {
    await framesReady();
    expect(header(await exchangeOf('json', '#listen'), 'X-Listener')).toBe('htmx:configRequest');
    expect(header(await exchangeOf('htmx', '#listen'), 'X-Listener')).toBe('htmx:config:request');
    expect(session.problems.list).toEqual([]);
  });

  it('case 5: the same answer on both wires; htmx 2 swaps the out-of-band part first, htmx 4 the main target first', async () => {
    await framesReady();
    const order: Record<string, string | null> = {};
    for (const lane of lanes) {
      const answer = await exchangeOf(lane, '#add-item');
      expect(answer.status).toBe(200);
      expect(answer.responseBody).toBe('Item 1 added.\n<span id="item-count" hx-swap-oob="true">1</span>\n');
      await expect.poll(() => frame(lane).locator('#item-count').textContent()).toBe('1');
      order[lane] = await frame(lane).locator('#swap-order').getAttribute('data-order');
    }
    expect(order).toEqual({ json: '#item-count #item-latest', htmx: '#item-latest #item-count' });
    expect(session.problems.list).toEqual([]);
  });

  it('the compatibility switch: the 4.x frame sends the body\'s token again and swaps a 422 only where hx-status:422 asks, until it is turned off', async () => {
    await framesReady();
    const { page } = session;
    await page.click('#compat-switch');
    await page.waitForSelector('#compat-switch[aria-pressed="true"]');
    // A lesson control: on the controls' own wire, and in neither lane's.
    expect((await wire('controls'))[0]).toMatchObject({ method: 'POST', url: '/htmx2-vs-4/compat', status: 200 });
    await expect.poll(() => page.locator('#wire-htmx2-vs-4-controls > li').count()).toBe(1);
    for (const lane of lanes) expect((await wire(lane)).map((exchange) => exchange.url)).not.toContain('/htmx2-vs-4/compat');
    await framesReady();
    // The new 4.x frame, swapped in by the switch, is fitted to its page like the first one.
    const fitted = () => page.locator('iframe[data-frame="htmx"]').evaluate((iframe: HTMLIFrameElement) => iframe.clientHeight >= iframe.contentDocument!.documentElement.scrollHeight);
    await expect.poll(fitted).toBe(true);

    const like = await exchangeOf('htmx', '#like-plain button');
    expect(like.status).toBe(200);
    expect(header(like, 'X-CSRF-Token')).toBeDefined();
    for (const form of ['#name-plain', '#name-aimed']) expect((await exchangeOf('htmx', `${form} button`)).status).toBe(422);
    // noSwap's "4xx" keeps the plain form's 422 out; the exact hx-status:422 on the other form still wins.
    await expect.poll(() => frame('htmx').locator('#name-aimed-error [data-status="422"]').count()).toBe(1);
    expect(await frame('htmx').locator('#name-plain-result [data-status="422"]').count()).toBe(0);
    // What the config cannot bring back: htmx 4's header names.
    expect(header(await exchangeOf('htmx', '#probe'), 'HX-Trigger')).toBeUndefined();

    await page.click('#compat-switch');
    await page.waitForSelector('#compat-switch[aria-pressed="false"]');
    await framesReady();
    expect((await exchangeOf('htmx', '#like-plain button')).status).toBe(403);
    const expected = [/^HTTP 4(03|22): .*\/htmx2-vs-4\/v4\/(like|name)$/, /^console error: Failed to load resource: .* 4(03|22)/];
    expect(unexpected(expected)).toEqual([]);
  });

  it('on a projector and on a phone: every case fits its frame, with no scrollbar inside', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      const page = await session.open({ viewport });
      await framesReady();
      // On a phone the lanes are two tabs: each lane is used and measured with its tab shown.
      const showLane = async (lane: string) => {
        if (await page.locator(`[data-lane-tab="${lane}"]`).isVisible()) await page.click(`[data-lane-tab="${lane}"]`);
      };
      for (const lane of lanes) {
        await showLane(lane);
        await exchangeOf(lane, '#probe');
        await exchangeOf(lane, '#add-item');
        // The frame is as tall as its page, and no wider than its lane. The exchange is on the wire before its answer
        // is swapped in and the frame refitted (a ResizeObserver, after layout), so the fit is awaited, not read once.
        const sizes = () => page.locator(`iframe[data-frame="${lane}"]`).evaluate((iframe: HTMLIFrameElement) => {
          const root = iframe.contentDocument!.documentElement;
          return { frame: iframe.clientHeight, page: root.scrollHeight, width: iframe.clientWidth, pageWidth: root.scrollWidth };
        });
        await expect.poll(async () => { const { frame, page } = await sizes(); return page - frame; }, { message: `${lane} at ${viewport.width}`, timeout: 5_000 }).toBeLessThanOrEqual(1);
        const { width, pageWidth } = await sizes();
        expect(pageWidth, `${lane} at ${viewport.width}`).toBeLessThanOrEqual(width);
      }
      await page.locator('.lanes').scrollIntoViewIfNeeded();
      await saveScreenshot(page, `htmx2-vs-4-${viewport.width}`, { fullPage: viewport.width < 500 });
    }
  }, 60_000); // two pages, eight exchanges: slow on a busy machine
});
