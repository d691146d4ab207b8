// Lesson 7 in a real browser: latency, a 500 and a dead network on both lanes, as a learner flips the switches.
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserSession } from '../support/browser.js';

const newsLine = /^\d{2}:\d{2}:\d{2} \S/;

describe.skipIf(!hasChromium)('lesson 7 in Chromium', () => {
  const session = useBrowserSession({ path: '/lessons/failure' });

  const htmxButton = '#htmx-news-demo button';
  const stateLine = async () => (await session.page.textContent('.switches-state'))!.replace(/\s+/g, ' ').trim();
  /** Presses a switch and waits for the strip htmx swapped in to show it pressed (or released). */
  async function flip(id: string, pressed = true) {
    await session.page.click(`#${id}`);
    await session.page.waitForSelector(`#${id}[aria-pressed="${pressed}"]`);
  }
  /** The problems a learner would see in red, minus exactly the ones this test caused on purpose. */
  const unexpected = (expected: RegExp[]) => session.problems.list.filter((line) => !expected.some((pattern) => pattern.test(line)));

  it('with latency, each lane shows its loading state and disables its button until the news arrives', async () => {
    await flip('switch-latency-3000');
    expect(await stateLine()).toBe('Latency: 3 s · Next request: answers normally · Network: up');

    await session.page.click(htmxButton);
    await expect.poll(() => session.page.isDisabled(htmxButton)).toBe(true);
    expect(await session.page.isVisible('#htmx-news-loading')).toBe(true);
    expect(await session.page.getAttribute('#htmx-news-loading', 'class')).toContain('htmx-request');
    await expect.poll(() => session.page.textContent('#htmx-news'), { timeout: 10_000 }).toMatch(newsLine);
    expect(await session.page.isDisabled(htmxButton)).toBe(false);
    await expect.poll(() => session.page.isVisible('#htmx-news-loading')).toBe(false);

    await session.page.click('#json-news-button');
    await expect.poll(() => session.page.isDisabled('#json-news-button')).toBe(true);
    expect(await session.page.isVisible('#json-news-loading')).toBe(true);
    await expect.poll(() => session.page.textContent('#json-news'), { timeout: 10_000 }).toMatch(newsLine);
    expect(await session.page.isDisabled('#json-news-button')).toBe(false);
    expect(await session.page.isVisible('#json-news-loading')).toBe(false);

    // The wire shows each lane's slow exchange, held back on the server.
    for (const lane of ['json', 'htmx']) {
      const newest = session.page.locator(`#wire-failure-${lane} li`).first();
      await expect.poll(() => newest.textContent()).toMatch(/200\s+GET\s+\/(api\/)?failure\/news/);
      expect(Number(/server ([\d.]+) ms/.exec((await newest.textContent())!)?.[1])).toBeGreaterThanOrEqual(2900);
    }
    expect(session.problems.list).toEqual([]);
  });

  it('a 500 shows a message in the lane, swaps no error page in, and the button works afterwards', async () => {
    await flip('switch-fail');
    expect(await stateLine()).toContain('Next request: answers 500 (once)');
    await session.page.click(htmxButton);
    await expect.poll(() => session.page.textContent('#htmx-news-error')).toBe('The server answered with an error. Nothing was loaded; try again. (HTTP 500)');
    expect(await session.page.isVisible('#htmx-news-error')).toBe(true);
    expect(await session.page.textContent('#htmx-news')).toBe('No news loaded yet.'); // hx-status:5xx="swap:none"
    expect(await session.page.locator('[data-demo="htmx"] h1').count()).toBe(0);
    expect(await session.page.isDisabled(htmxButton)).toBe(false);
    await expect.poll(() => session.page.locator('#wire-failure-htmx li', { hasText: '/failure/news' }).first().textContent()).toMatch(/500\s+GET\s+\/failure\/news/);
    // The one-shot switch was used up on the server, and the strip asked again: it says so.
    await session.page.waitForSelector('#switch-fail[aria-pressed="false"]');
    expect(await stateLine()).toContain('Next request: answers normally');
    // One-shot: the next click loads the news and clears the message.
    await session.page.click(htmxButton);
    await expect.poll(() => session.page.textContent('#htmx-news')).toMatch(newsLine);
    expect(await session.page.isVisible('#htmx-news-error')).toBe(false);

    await flip('switch-fail');
    await session.page.click('#json-news-button');
    await expect.poll(() => session.page.textContent('#json-news-error')).toBe('The server answered with an error. Nothing was loaded; try again. (HTTP 500)');
    expect(await session.page.textContent('#json-news')).toBe('No news loaded yet.');
    expect(await session.page.isDisabled('#json-news-button')).toBe(false);
    await session.page.waitForSelector('#switch-fail[aria-pressed="false"]');
    await session.page.click('#json-news-button');
    await expect.poll(() => session.page.textContent('#json-news')).toMatch(newsLine);
    expect(await session.page.isVisible('#json-news-error')).toBe(false);

    const expected = [/^HTTP 500: .*\/(api\/)?failure\/news$/, /^console error: Failed to load resource: the server responded with a status of 500/];
    expect(unexpected(expected)).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 500'))).toHaveLength(2);
  });

  it('with the network down, both lanes say there was no answer, the inspector says "no response", and both recover', async () => {
    await flip('switch-network');
    expect(await stateLine()).toContain('Network: down');

    await session.page.click(htmxButton);
    await expect.poll(() => session.page.textContent('#htmx-news-error')).toBe('No answer: the network is down or the server hung up. Try again.');
    expect(await session.page.isDisabled(htmxButton)).toBe(false);
    await session.page.click('#json-news-button');
    // The JSON lane tries once more after a second, then gives up.
    await expect.poll(() => session.page.textContent('#json-news-error'), { timeout: 10_000 }).toBe('No answer: the network is down or the server hung up. Try again. Tried twice.');
    expect(await session.page.isDisabled('#json-news-button')).toBe(false);
    expect(await session.page.isVisible('#json-news-loading')).toBe(false);

    for (const lane of ['json', 'htmx']) {
      await expect.poll(() => session.page.locator(`#wire-failure-${lane} li`).first().textContent()).toMatch(/no response\s+GET\s+\/(api\/)?failure\/news/);
    }
    // The JSON lane's retry is a second exchange of its own (the browser may add its own re-send of a reused connection).
    await expect.poll(() => session.page.locator('#wire-failure-json li', { hasText: 'no response' }).count()).toBeGreaterThanOrEqual(2);
    expect(await session.page.locator('#wire-failure-json li .status-none').first().textContent()).toBe('no response');

    await flip('switch-network', false);
    await session.page.click(htmxButton);
    await session.page.click('#json-news-button');
    await expect.poll(() => session.page.textContent('#htmx-news')).toMatch(newsLine);
    await expect.poll(() => session.page.textContent('#json-news')).toMatch(newsLine);
    expect(await session.page.isVisible('#htmx-news-error')).toBe(false);
    expect(await session.page.isVisible('#json-news-error')).toBe(false);

    const expected = [
      /^request failed: .*\/(api\/)?failure\/news net::ERR_EMPTY_RESPONSE$/,
      /^console error: Failed to load resource: net::ERR_EMPTY_RESPONSE$/,
      /^console error: htmx: htmx:error: Failed to fetch\b/,
    ];
    expect(unexpected(expected)).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('request failed')).length).toBeGreaterThanOrEqual(3);
  });

  it('the switch strip works from the keyboard, keeps focus on the switch, and survives a reload', async () => {
    await session.page.focus('#switch-network');
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('#switch-network[aria-pressed="true"]');
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('switch-network');
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector('#switch-network[aria-pressed="false"]');
    await flip('switch-latency-1000');
    await session.page.reload();
    expect(await session.page.getAttribute('#switch-latency-1000', 'aria-pressed')).toBe('true');
    expect(await stateLine()).toBe('Latency: 1 s · Next request: answers normally · Network: up');
    expect(session.problems.list).toEqual([]);
  });

  it('speaks Korean, and fits a phone without sideways scrolling', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(session.server.url + '/lessons/failure?lang=ko');
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await session.page.click('[data-lane-tab="htmx"]'); // on a phone the lanes are tabs
    expect(await session.page.textContent(htmxButton)).toBe('최신 소식 불러오기');
    await flip('switch-fail');
    expect(await stateLine()).toBe('지연: 없음 · 다음 요청: 500 응답 (한 번) · 네트워크: 연결됨');
    await session.page.click(htmxButton);
    await expect.poll(() => session.page.textContent('#htmx-news-error')).toBe('서버가 오류로 응답했습니다. 아무것도 불러오지 못했으니 다시 시도해 보세요. (HTTP 500)');
  });
});
