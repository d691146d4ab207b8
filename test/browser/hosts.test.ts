// A learner on the LAN, in a real browser: the page under a non-loopback name logs nothing in red (no COOP
// that Chromium would ignore), and the lanes' changes pass the Origin check; a rebound name gets the 403 page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackHosts } from '../../src/kit/hosts.js';
import { hasChromium, launchChromium, saveScreenshot, watchPage } from '../support/browser.js';
import { useServer } from '../support/suite.js';

/** Names Chromium resolves to this machine, as a LAN address or an attacker's rebound name would. */
const lanName = 'lab-laptop.test';
const reboundName = 'rebind.attacker.test';

describe.skipIf(!hasChromium)('the demo opened by a LAN-like name in Chromium', () => {
  const server = useServer({ allowedHosts: [...loopbackHosts, lanName] });
  let browser: Browser;
  const port = () => new URL(server.url).port;
  beforeAll(async () => {
    browser = await launchChromium([`--host-resolver-rules=MAP ${lanName} 127.0.0.1, MAP ${reboundName} 127.0.0.1`]);
  });
  afterAll(() => browser?.close());

  async function openPage(host: string, path: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    const response = await page.goto(`http://${host}:${port()}${path}`);
    return { context, page, problems, response: response! };
  }

  it('a lesson page logs no console error, and both lanes work', async () => {
    const { context, page, problems, response } = await openPage(lanName, '/lessons/like');
    try {
      expect(response.status()).toBe(200);
      expect(response.headers()['cross-origin-opener-policy']).toBeUndefined();
      await page.click('#like-button');
      await expect.poll(() => page.textContent('#count')).toBe('1');
      await page.click('#like-section button');
      await expect.poll(() => page.textContent('#like-section button')).toContain('(1)');
      // Give late console messages (COOP's comes with the navigation) a moment to arrive.
      await page.waitForTimeout(200);
      expect(problems.list).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on localhost the page keeps COOP, and logs nothing either', async () => {
    const { context, page, problems, response } = await openPage('localhost', '/lessons/like');
    try {
      expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
      await page.waitForTimeout(200);
      expect(problems.list).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a rebound name gets the 403 page that says which flag lets it in', async () => {
    const { context, page, response } = await openPage(reboundName, '/lessons/like');
    try {
      expect(response.status()).toBe(403);
      expect(await page.textContent('body')).toContain(`--allowed-hosts ${reboundName}`);
      await saveScreenshot(page, 'hosts-403-1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, 'hosts-403-390');
    } finally {
      await context.close();
    }
  });
});
