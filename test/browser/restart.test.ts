// A restart in the middle of a workshop: an open tab says "Reconnecting…", then that the server is back, and its
// next click works on both lanes without a reload (the CSRF secret is kept in the state folder).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type DemoApp } from '../../src/app.js';
import { loadCsrfSecret } from '../../src/cli/csrf-secret.js';
import { lessons } from '../../src/lessons/index.js';
import { hasChromium, launchChromium, saveScreenshot, watchPage } from '../support/browser.js';

const stateDir = mkdtempSync(join(tmpdir(), 'htmx-demo-state-'));

interface Running {
  demo: DemoApp;
  server: Server;
}

/** One run of `serve` as far as a tab can tell: the secret read from the state folder, the lessons' state new. */
async function start(port = 0): Promise<Running & { port: number }> {
  for (const lesson of lessons) lesson.reset?.();
  const demo = createApp({ csrfSecret: loadCsrfSecret(stateDir).secret });
  const server = createServer(demo.app.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { demo, server, port: (server.address() as AddressInfo).port };
}

async function stop({ demo, server }: Running): Promise<void> {
  demo.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe.skipIf(!hasChromium)('a server restart with a tab open', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('shows Reconnecting…, then that the server is back, and the next clicks work without a reload', async () => {
    let running = await start();
    const url = `http://127.0.0.1:${running.port}/`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(url);
    await page.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));
    const banner = page.locator('[data-connection]');
    await page.click('#like-section button');
    await expect.poll(() => page.textContent('#like-section button')).toBe('❤️ Like (1)');
    expect(await banner.isVisible()).toBe(false);

    await stop(running);
    await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await banner.innerText()).toBe('The server cannot be reached. Reconnecting…');
    expect(await page.getAttribute('[data-connection] >> xpath=..', 'role')).toBe('status');
    await saveScreenshot(page, 'restart-reconnecting');
    await page.setViewportSize({ width: 390, height: 844 });
    const box = (await banner.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.width).toBeGreaterThan(300); // one or two lines across the phone, not a narrow column
    await saveScreenshot(page, 'restart-reconnecting-390');
    await page.setViewportSize({ width: 1280, height: 720 });

    running = await start(running.port);
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toContain('The server is back.');
    expect(await banner.innerText()).not.toContain('Reconnecting');
    await saveScreenshot(page, 'restart-back');

    // The same tab, not reloaded: its CSRF token from the first run is good on both lanes.
    await page.click('#like-section button');
    await expect.poll(() => page.textContent('#like-section button')).toBe('❤️ Like (1)');
    await page.click('#like-button');
    await expect.poll(() => page.textContent('#count')).toBe('1');
    expect(await page.textContent('#lane-errors-htmx')).toBe('');
    expect(await page.textContent('#lane-errors-json')).toBe('');
    expect(await page.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(true);
    // And the inspector streams again: the new run's exchange arrives in the tab's wire list.
    await expect.poll(() => page.locator('#wire-like-htmx li').first().textContent()).toContain('/like/');

    // The all-clear goes away by itself.
    await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(false);

    // Failed loads while the server was down are expected; nothing else may go wrong on the page.
    const unexpected = problems.list.filter((p) => !/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|_inspector\/stream/.test(p));
    expect(unexpected).toEqual([]);
    await context.close();
    await stop(running);
  }, 60_000);
});
