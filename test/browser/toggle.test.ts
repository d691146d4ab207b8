// Lesson 2 in a real browser: a learner likes and unlikes on both lanes, signs out with the switch, meets each
// lane's way of saying "log in to like", and logs back in from either lane.
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserSession } from '../support/browser.js';

describe.skipIf(!hasChromium)('lesson 2 in Chromium', () => {
  const session = useBrowserSession({ path: '/lessons/toggle' });

  const htmxButton = '#toggle-section button';
  const jsonButton = '#json-toggle-button';
  /** Clicks and waits for the answer to `path`, and for the DOM to settle on `expected` in `selector`. */
  async function click(selector: string, path: string, expected: string) {
    const [response] = await Promise.all([
      session.page.waitForResponse((r) => new URL(r.url()).pathname === path),
      session.page.click(selector),
    ]);
    await expect.poll(() => session.page.textContent(selector).then((text) => text?.trim())).toBe(expected);
    return response;
  }
  const flipSwitch = () => Promise.all([session.page.waitForResponse((r) => r.url().endsWith('/toggle/session')), session.page.click('#signed-out')]);
  /** The inspector's newest item for a lane, once it mentions `text`. */
  async function wire(lane: 'json' | 'htmx', text: string) {
    const item = session.page.locator(`#wire-toggle-${lane} li`).first();
    await expect.poll(() => item.textContent(), { timeout: 5000 }).toContain(text);
    return (await item.textContent())!;
  }

  it('likes and unlikes on both lanes; the htmx answer names the next request, the JSON client picks it', async () => {
    const liked = await click(htmxButton, '/toggle/like', '❤️ Unlike (1)');
    expect(liked.request().method()).toBe('POST');
    expect(await session.page.getAttribute(htmxButton, 'hx-delete')).toBe('/toggle/like');
    expect(await session.page.getAttribute(htmxButton, 'class')).toBe('btn-liked');
    const unliked = await click(htmxButton, '/toggle/like', '🤍 Like (0)');
    expect(unliked.request().method()).toBe('DELETE');
    expect(await session.page.getAttribute(htmxButton, 'hx-post')).toBe('/toggle/like');

    const jsonLiked = await click(jsonButton, '/api/toggle/like', '❤️ Unlike (1)');
    expect(jsonLiked.request().method()).toBe('POST');
    expect(await jsonLiked.json()).toEqual({ liked: true, likes: 1 });
    expect(await session.page.getAttribute(jsonButton, 'class')).toBe('btn-liked');
    const jsonUnliked = await click(jsonButton, '/api/toggle/like', '🤍 Like (0)');
    expect(jsonUnliked.request().method()).toBe('DELETE');
    expect(await session.page.getAttribute(jsonButton, 'class')).toBe('');

    expect(await wire('htmx', 'DELETE')).toMatch(/200\s+DELETE\s+\/toggle\/like[\s\S]*hx-post="\/toggle\/like"/);
    expect(await wire('json', 'DELETE')).toMatch(/200\s+DELETE\s+\/api\/toggle\/like[\s\S]*"liked": false/);
    expect(session.problems.list).toEqual([]);
  });

  it('signed out, the htmx lane is handed "log in to like" and the JSON lane handles its 401; both log back in', async () => {
    await click(htmxButton, '/toggle/like', '❤️ Unlike (1)');
    await flipSwitch();
    expect(await session.page.isChecked('#signed-out')).toBe(true);
    // The switch changed the server only: the lanes find out on their next click.
    expect((await session.page.textContent(htmxButton))?.trim()).toBe('❤️ Unlike (1)');

    const refused = await click(htmxButton, '/toggle/like', '🔑 Log in to like');
    expect(refused.status()).toBe(401);
    expect(await session.page.getAttribute(htmxButton, 'hx-post')).toBe('/toggle/login');
    expect(await session.page.textContent('#lane-errors-htmx')).toBe('');
    expect(await wire('htmx', '401')).toMatch(/401\s+DELETE\s+\/toggle\/like[\s\S]*Log in to like/);

    const jsonRefused = await click(jsonButton, '/api/toggle/like', '🔑 Log in to like');
    expect(jsonRefused.status()).toBe(401);
    expect(await session.page.isHidden('#json-toggle-error')).toBe(true);
    expect(await wire('json', '401')).toMatch(/401\s+POST\s+\/api\/toggle\/like[\s\S]*"error"/);

    // htmx: the control valid now comes back, and the switch along with it, out of band.
    await click(htmxButton, '/toggle/login', '❤️ Unlike (1)');
    await expect.poll(() => session.page.isChecked('#signed-out')).toBe(false);
    expect(await session.page.locator('#session-switch').count()).toBe(1);

    // JSON: its log-in button signs in too, and the client unticks the switch itself.
    await flipSwitch();
    await click(jsonButton, '/api/toggle/login', '🤍 Like (0)');
    expect(await session.page.isChecked('#signed-out')).toBe(false);
    await click(jsonButton, '/api/toggle/like', '❤️ Unlike (1)');

    for (const lane of ['json', 'htmx']) expect(await session.page.locator(`[data-steps="${lane}"] li.lit`).count()).toBe(4);
    // The two refused likes are the only red lines: the browser reports each 401 it received.
    expect(session.problems.list.filter((line) => !/401/.test(line))).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 401'))).toHaveLength(2);
  });

  it('a reload shows the server\'s state: signed out, both lanes offer to log in', async () => {
    await click(jsonButton, '/api/toggle/like', '❤️ Unlike (1)');
    await flipSwitch();
    await session.page.reload();
    expect(await session.page.isChecked('#signed-out')).toBe(true);
    expect((await session.page.textContent(htmxButton))?.trim()).toBe('🔑 Log in to like');
    expect((await session.page.textContent(jsonButton))?.trim()).toBe('🔑 Log in to like');
    await click(jsonButton, '/api/toggle/login', '❤️ Unlike (1)');
    await session.page.reload();
    expect(await session.page.isChecked('#signed-out')).toBe(false);
    expect((await session.page.textContent(htmxButton))?.trim()).toBe('🤍 Like (0)');
    expect(session.problems.list).toEqual([]);
  });

  it('works from the keyboard: the switch keeps focus, and Enter works again after each swap', async () => {
    await session.page.focus('#signed-out');
    await Promise.all([session.page.waitForResponse((r) => r.url().endsWith('/toggle/session')), session.page.keyboard.press('Space')]);
    await expect.poll(() => session.page.isChecked('#signed-out')).toBe(true);
    await expect.poll(() => session.page.evaluate(() => document.activeElement?.id)).toBe('signed-out');
    await session.page.keyboard.press('Space');
    await expect.poll(() => session.page.isChecked('#signed-out')).toBe(false);

    await session.page.focus(htmxButton);
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.textContent(htmxButton)).toContain('Unlike (1)');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.textContent(htmxButton)).toContain('Like (0)');
    await session.page.focus(jsonButton);
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.textContent(jsonButton)).toContain('Unlike (1)');
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('json-toggle-button');
    expect(session.problems.list).toEqual([]);
  });

  it('speaks Korean', async () => {
    await session.page.goto(session.server.url + '/lessons/toggle?lang=ko');
    expect(await session.page.textContent('#session-switch label')).toContain('로그아웃 상태');
    await click(htmxButton, '/toggle/like', '❤️ 좋아요 취소 (1)');
    await click(jsonButton, '/api/toggle/like', '❤️ 좋아요 취소 (1)');
    await flipSwitch();
    await click(jsonButton, '/api/toggle/like', '🔑 로그인하고 좋아요');
    await click(htmxButton, '/toggle/like', '🔑 로그인하고 좋아요');
    expect(session.problems.list.filter((line) => !/401/.test(line))).toEqual([]);
  });
});
