// The inspector's live stream in Chromium: a dropped stream comes back on its own and the page shows what it
// missed, once; a visitor's oldest tab steps aside for a fifth, and catches up when it is looked at again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserSession } from '../support/browser.js';
import { settle } from '../load/support/settle.js';

describe.skipIf(!hasChromium)('the inspector stream in Chromium', () => {
  const session = useBrowserSession({ path: '/' });
  const streams = () => session.server.demo.inspector.openStreamCount;

  /** A like on the JSON lane sent for this page's visitor from outside the page (another tab, say). */
  async function likeFromOutside(page: Page): Promise<string> {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const token = await page.getAttribute('meta[name="csrf-token"]', 'content');
    const res = await fetch(`${session.server.url}/api/like`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': token!, Accept: 'application/json' } });
    expect(res.status).toBe(200);
    return res.headers.get('x-inspector-exchange')!;
  }
  const items = (page: Page, id: string) => page.locator(`#wire-like-json li[data-exchange-id="${id}"]`).count();

  it('a dropped stream reconnects by itself, and the page shows what happened meanwhile, once', async () => {
    const { page } = session;
    expect(await settle(streams, 1)).toBe(1);
    session.server.demo.inspector.close(); // every stream ends, as when a stalled one is cut
    const missed = await likeFromOutside(page);
    await expect.poll(() => items(page, missed), { timeout: 15_000 }).toBe(1);
    expect(await settle(streams, 1)).toBe(1);
    const live = await likeFromOutside(page);
    await expect.poll(() => items(page, live)).toBe(1);
    expect(await items(page, missed)).toBe(1);
    expect(session.problems.list).toEqual([]);
  }, 30_000);

  it("a visitor's fifth tab sends the oldest to sleep; looked at again, it listens and catches up", async () => {
    const first = session.page;
    const others: Page[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await first.context().newPage();
      await page.goto(`${session.server.url}/`);
      others.push(page);
    }
    expect(await settle(streams, 4)).toBe(4);
    const missed = await likeFromOutside(first);
    for (const page of others) await expect.poll(() => items(page, missed)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await items(first, missed)).toBe(0); // asleep: it did not reconnect and push another tab out
    expect(streams()).toBe(4);
    await first.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => items(first, missed), { timeout: 10_000 }).toBe(1);
    expect(session.problems.list).toEqual([]);
  }, 30_000);
});
