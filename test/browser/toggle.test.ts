// Lesson 2 in a real browser: a learner likes and unlikes on both lanes, signs out with the switch, meets each
// lane's way of saying "log in to like", and logs back in from either lane.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../dist/lessons/index.js';
import { hasChromium, launchChromium, type PageProblems, watchPage } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('lesson 2 in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    for (const lesson of lessons) lesson.reset();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    problems = await watchPage(page);
    await page.goto(server.url + '/lessons/toggle');
  });
  afterEach(async () => {
    await context.close();
  });

  const htmxButton = '#toggle-section button';
  const jsonButton = '#json-toggle-button';
  /** Clicks and waits for the answer to `path`, and for the DOM to settle on `expected` in `selector`. */
  async function click(selector: string, path: string, expected: string) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === path),
      page.click(selector),
    ]);
    await expect.poll(() => page.textContent(selector).then((text) => text?.trim())).toBe(expected);
    return response;
  }
  const flipSwitch = () => Promise.all([page.waitForResponse((r) => r.url().endsWith('/toggle/session')), page.click('#signed-out')]);
  /** The inspector's newest item for a lane, once it mentions `text`. */
  async function wire(lane: 'json' | 'htmx', text: string) {
    const item = page.locator(`#wire-toggle-${lane} li`).first();
    await expect.poll(() => item.textContent(), { timeout: 5000 }).toContain(text);
    return (await item.textContent())!;
  }

  it('likes and unlikes on both lanes; the htmx answer names the next request, the JSON client picks it', async () => {
    const liked = await click(htmxButton, '/toggle/like', '❤️ Unlike (1)');
    expect(liked.request().method()).toBe('POST');
    expect(await page.getAttribute(htmxButton, 'hx-delete')).toBe('/toggle/like');
    expect(await page.getAttribute(htmxButton, 'class')).toBe('btn-liked');
    const unliked = await click(htmxButton, '/toggle/like', '🤍 Like (0)');
    expect(unliked.request().method()).toBe('DELETE');
    expect(await page.getAttribute(htmxButton, 'hx-post')).toBe('/toggle/like');

    const jsonLiked = await click(jsonButton, '/api/toggle/like', '❤️ Unlike (1)');
    expect(jsonLiked.request().method()).toBe('POST');
    expect(await jsonLiked.json()).toEqual({ liked: true, likes: 1 });
    expect(await page.getAttribute(jsonButton, 'class')).toBe('btn-liked');
    const jsonUnliked = await click(jsonButton, '/api/toggle/like', '🤍 Like (0)');
    expect(jsonUnliked.request().method()).toBe('DELETE');
    expect(await page.getAttribute(jsonButton, 'class')).toBe('');

    expect(await wire('htmx', 'DELETE')).toMatch(/DELETE\s+\/toggle\/like\s+200[\s\S]*hx-post="\/toggle\/like"/);
    expect(await wire('json', 'DELETE')).toMatch(/DELETE\s+\/api\/toggle\/like\s+200[\s\S]*"liked": false/);
    expect(problems.list).toEqual([]);
  });

  it('signed out, the htmx lane is handed "log in to like" and the JSON lane handles its 401; both log back in', async () => {
    await click(htmxButton, '/toggle/like', '❤️ Unlike (1)');
    await flipSwitch();
    expect(await page.isChecked('#signed-out')).toBe(true);
    // The switch changed the server only: the lanes find out on their next click.
    expect((await page.textContent(htmxButton))?.trim()).toBe('❤️ Unlike (1)');

    const refused = await click(htmxButton, '/toggle/like', '🔑 Log in to like');
    expect(refused.status()).toBe(401);
    expect(await page.getAttribute(htmxButton, 'hx-post')).toBe('/toggle/login');
    expect(await page.textContent('#lane-errors-htmx')).toBe('');
    expect(await wire('htmx', '401')).toMatch(/DELETE\s+\/toggle\/like\s+401[\s\S]*Log in to like/);

    const jsonRefused = await click(jsonButton, '/api/toggle/like', '🔑 Log in to like');
    expect(jsonRefused.status()).toBe(401);
    expect(await page.isHidden('#json-toggle-error')).toBe(true);
    expect(await wire('json', '401')).toMatch(/POST\s+\/api\/toggle\/like\s+401[\s\S]*"error"/);

    // htmx: the control valid now comes back, and the switch along with it, out of band.
    await click(htmxButton, '/toggle/login', '❤️ Unlike (1)');
    await expect.poll(() => page.isChecked('#signed-out')).toBe(false);
    expect(await page.locator('#session-switch').count()).toBe(1);

    // JSON: its log-in button signs in too, and the client unticks the switch itself.
    await flipSwitch();
    await click(jsonButton, '/api/toggle/login', '🤍 Like (0)');
    expect(await page.isChecked('#signed-out')).toBe(false);
    await click(jsonButton, '/api/toggle/like', '❤️ Unlike (1)');

    for (const lane of ['json', 'htmx']) expect(await page.locator(`[data-steps="${lane}"] li.lit`).count()).toBe(4);
    // The two refused likes are the only red lines: the browser reports each 401 it received.
    expect(problems.list.filter((line) => !/401/.test(line))).toEqual([]);
    expect(problems.list.filter((line) => line.startsWith('HTTP 401'))).toHaveLength(2);
  });

  it('a reload shows the server\'s state: signed out, both lanes offer to log in', async () => {
    await click(jsonButton, '/api/toggle/like', '❤️ Unlike (1)');
    await flipSwitch();
    await page.reload();
    expect(await page.isChecked('#signed-out')).toBe(true);
    expect((await page.textContent(htmxButton))?.trim()).toBe('🔑 Log in to like');
    expect((await page.textContent(jsonButton))?.trim()).toBe('🔑 Log in to like');
    await click(jsonButton, '/api/toggle/login', '❤️ Unlike (1)');
    await page.reload();
    expect(await page.isChecked('#signed-out')).toBe(false);
    expect((await page.textContent(htmxButton))?.trim()).toBe('🤍 Like (0)');
    expect(problems.list).toEqual([]);
  });

  it('works from the keyboard: the switch keeps focus, and Enter works again after each swap', async () => {
    await page.focus('#signed-out');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/toggle/session')), page.keyboard.press('Space')]);
    await expect.poll(() => page.isChecked('#signed-out')).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signed-out');
    await page.keyboard.press('Space');
    await expect.poll(() => page.isChecked('#signed-out')).toBe(false);

    await page.focus(htmxButton);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent(htmxButton)).toContain('Unlike (1)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent(htmxButton)).toContain('Like (0)');
    await page.focus(jsonButton);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent(jsonButton)).toContain('Unlike (1)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('json-toggle-button');
    expect(problems.list).toEqual([]);
  });

  it('speaks Korean', async () => {
    await page.goto(server.url + '/lessons/toggle?lang=ko');
    expect(await page.textContent('#session-switch label')).toContain('로그아웃 상태');
    await click(htmxButton, '/toggle/like', '❤️ 좋아요 취소 (1)');
    await click(jsonButton, '/api/toggle/like', '❤️ 좋아요 취소 (1)');
    await flipSwitch();
    await click(jsonButton, '/api/toggle/like', '🔑 로그인하고 좋아요');
    await click(htmxButton, '/toggle/like', '🔑 로그인하고 좋아요');
    expect(problems.list.filter((line) => !/401/.test(line))).toEqual([]);
  });
});
