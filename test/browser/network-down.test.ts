// Every htmx lane says so when a request gets no answer at all (network down), in its error slot under the demo,
// through the shared htmx-lane.js; the next request that goes through clears it. Lesson 7 shows its own message.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

/** One request from each lesson's htmx lane, as a learner would send it. */
const htmxActions: Array<{ lesson: string; act(page: Page): Promise<void> }> = [
  { lesson: 'like', act: (page) => page.click('#like-section button') },
  { lesson: 'toggle', act: (page) => page.click('#toggle-section button') },
  { lesson: 'form', act: (page) => page.click('#signup-htmx button[type="submit"]') },
  {
    lesson: 'payload',
    act: async (page) => {
      await page.fill('#payload-htmx-name', 'Ana');
      await page.fill('#payload-htmx-text', 'Hello');
      await page.click('#payload-htmx-box button[type="submit"]');
    },
  },
  {
    lesson: 'search',
    act: async (page) => {
      await page.fill('#htmx-search-input', ''); // a new input event even when the box already says kor
      await page.fill('#htmx-search-input', 'kor');
    },
  },
  {
    lesson: 'oob',
    act: async (page) => {
      await page.fill('#oob-text-htmx', 'milk');
      await page.click('#oob-form-htmx button');
    },
  },
  { lesson: 'two-clients', act: (page) => page.click('#htmx-tasks a >> nth=0') },
];

/** While it is on, every htmx request fails as a dropped network would: no answer at all. */
async function networkDown(page: Page, down: boolean): Promise<void> {
  if (!down) return page.unroute('**/*');
  await page.route('**/*', (route) =>
    route.request().headers()['hx-request'] === 'true' ? route.abort('internetdisconnected') : route.fallback());
}

describe.skipIf(!hasChromium)('network down, in every htmx lane', () => {
  const session = useBrowserSession();
  const errorSlot = () => session.page.locator('#lane-errors-htmx');

  it.each(htmxActions)('lesson $lesson: the htmx lane shows the failure, and the next answer clears it', async ({ lesson, act }) => {
    await session.page.goto(`${session.server.url}/lessons/${lesson}`);
    await networkDown(session.page, true);
    await act(session.page);
    await expect.poll(() => errorSlot().textContent()).toBe('Failed to fetch');
    expect(await errorSlot().isVisible()).toBe(true);
    if (lesson === 'like') await saveScreenshot(session.page, 'network-down-like');

    await networkDown(session.page, false);
    await act(session.page);
    await expect.poll(() => errorSlot().textContent()).toBe('');
    // The dropped requests, and htmx's own console line about each: nothing else went wrong (the empty signup
    // form's 422 is that lesson's answer to the second try).
    const expected = /net::ERR_INTERNET_DISCONNECTED|htmx:error: Failed to fetch|422/;
    expect(session.problems.list.filter((line) => !expected.test(line))).toEqual([]);
  });

  it('lesson 7 handles it in its own demo, once: not again under the lane', async () => {
    await session.page.goto(`${session.server.url}/lessons/failure`);
    await networkDown(session.page, true);
    await session.page.click('#htmx-news-demo button');
    await expect.poll(() => session.page.textContent('#htmx-news-error')).toBe('No answer: the network is down or the server hung up. Try again.');
    expect(await errorSlot().textContent()).toBe('');
  });
});
