// The join page on a projector and on a phone: the address, a QR code a camera can read, and a live learner count.
import { renderSVG } from 'uqr';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

const joinUrl = 'http://192.0.2.7:3000/';

describe.skipIf(!hasChromium)('/join in Chromium', () => {
  const session = useBrowserSession({ app: { joinUrl }, context: { viewport: { width: 1280, height: 720 } } });

  it('fits a 1280x720 projector: address, QR code and learner count in view, counting learners as they arrive', async () => {
    const { page } = session;
    await page.goto(`${session.server.url}/join`);
    const qr = page.locator('.join-qr svg');
    expect(await page.locator('.join-url').innerText()).toBe('192.0.2.7:3000');
    // The modules the library draws for the join address (compared as path data, the browser's own serialisation aside).
    const drawn = await qr.locator('path').getAttribute('d');
    expect(drawn === /\sd="([^"]+)"/.exec(renderSVG(joinUrl, { border: 2, ecc: 'M' }))?.[1], 'QR path data').toBe(true);
    for (const selector of ['.join-url', '.join-qr svg', '.join-learners']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.y + box.height, selector).toBeLessThanOrEqual(720);
    }
    // Big enough to read from the back of the room, and a QR code a phone can pick out.
    expect(Number.parseFloat(await page.locator('.join-url').evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(250);
    expect(await page.locator('.join-learners').innerText()).toBe('0 learners connected');

    // Two learners open a lesson: the count on the projector follows within its polling time, no reload.
    const learners = await Promise.all([1, 2].map(() => session.page.context().browser()!.newContext()));
    const tabs = await Promise.all(learners.map((context) => context.newPage()));
    await Promise.all(tabs.map((tab) => tab.goto(`${session.server.url}/`)));
    await expect.poll(() => page.locator('.join-learners').innerText(), { timeout: 6000 }).toBe('2 learners connected');
    await saveScreenshot(page, 'join-1280');

    await learners[0]!.close();
    await expect.poll(() => page.locator('.join-learners').innerText(), { timeout: 6000 }).toBe('1 learner connected');
    await learners[1]!.close();
    expect(session.problems.list).toEqual([]);
  });

  it('reads on a phone (390 wide) without sideways scrolling', async () => {
    const page = await session.open({ viewport: { width: 390, height: 844 } }, '/join');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('.join-command').isVisible()).toBe(true);
    await saveScreenshot(page, 'join-390', { fullPage: true });
    expect(session.problems.list).toEqual([]);
  });
});
