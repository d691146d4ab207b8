// Lesson 1 in a real browser: a learner clicks both lanes and sees counts, steps, traffic and code.
import { describe, expect, it } from 'vitest';
import { expectCodePanelsOnDisk, hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';
import { startServer } from '../support/server.js';

describe.skipIf(!hasChromium)('lesson 1 in Chromium', () => {
  const session = useBrowserSession();

  it('both lanes update their count, and the traffic shows JSON versus an HTML fragment', async () => {
    await session.page.goto(session.server.url + '/');

    const [jsonResponse] = await Promise.all([
      session.page.waitForResponse((r) => r.url().endsWith('/api/like')),
      session.page.click('#like-button'),
    ]);
    await expect.poll(() => session.page.textContent('#count')).toBe('1');
    expect(await session.page.getAttribute('#like-button', 'class')).toContain('btn-liked');
    expect(jsonResponse.headers()['content-type']).toMatch(/^application\/json/);
    expect(await jsonResponse.json()).toEqual({ likes: 1 });

    const [htmxResponse] = await Promise.all([
      session.page.waitForResponse((r) => r.url().endsWith('/like/')),
      session.page.click('#like-section button'),
    ]);
    await expect.poll(() => session.page.textContent('#like-section button')).toBe('❤️ Like (1)');
    expect(await session.page.getAttribute('#like-section button', 'class')).toBe('btn-liked');
    expect(htmxResponse.request().headers()['hx-request']).toBe('true');
    expect(htmxResponse.request().headers()['accept']).toBe('text/html');
    expect(htmxResponse.headers()['content-type']).toMatch(/^text\/html/);
    // outerHTML: the whole #like-section was replaced, so there is still exactly one
    expect(await session.page.locator('#like-section').count()).toBe(1);

    // The inspector lists each lane's own exchange, with the round trip measured in this browser.
    const jsonItem = session.page.locator('#wire-like-json li').first();
    const htmxItem = session.page.locator('#wire-like-htmx li').first();
    await expect.poll(() => htmxItem.textContent()).toContain('/like/');
    expect(await jsonItem.textContent()).toMatch(/200\s+POST\s+\/api\/like/);
    expect(await jsonItem.textContent()).toContain('"likes": 1');
    expect(await htmxItem.textContent()).toContain('HX-Request');
    expect(await htmxItem.locator('pre.body').first().textContent()).toContain('<div id="like-section"><button hx-post="/like/"');
    await expect.poll(() => htmxItem.locator('[data-round-trip]').textContent()).toMatch(/round trip \d+ ms/);
    await expect.poll(() => jsonItem.locator('[data-round-trip]').textContent()).toMatch(/round trip \d+ ms/);

    // Each lane's four steps lit up, in order, with times.
    for (const lane of ['json', 'htmx']) {
      const lit = await session.page.locator(`[data-steps="${lane}"] li.lit output`).allTextContents();
      expect(lit).toHaveLength(4);
      const times = lit.map((text) => Number.parseInt(text, 10));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }

    await saveScreenshot(session.page, 'lesson-like', { fullPage: true });
    expect(session.problems.list).toEqual([]);
  });

  it('a reload shows the counts the server keeps', async () => {
    await session.page.goto(session.server.url + '/');
    await session.page.click('#like-button');
    await session.page.click('#like-button');
    await expect.poll(() => session.page.textContent('#count')).toBe('2');
    await session.page.click('#like-section button');
    await expect.poll(() => session.page.textContent('#like-section button')).toContain('(1)');

    await session.page.reload();
    expect(await session.page.textContent('#count')).toBe('2');
    expect(await session.page.textContent('#like-section button')).toBe('❤️ Like (1)');
    // the traffic survives the reload too: it lives on the server, per visitor
    expect(await session.page.locator('#wire-like-json li').count()).toBe(2);
    expect(session.problems.list).toEqual([]);
  });

  it('the code panels show the very files that run', async () => {
    await session.page.goto(session.server.url + '/');
    await expectCodePanelsOnDisk(session.page, ['src/lessons/like/htmx.ts', 'src/lessons/like/public/like.js', 'src/lessons/like/views/_like_button.ejs']);
  });

  it('works from the keyboard, and announces the new count', async () => {
    await session.page.goto(session.server.url + '/');
    await session.page.focus('#like-section button');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.textContent('#like-section button')).toContain('(1)');
    // the swap replaced the focused button: focus moved to the new one, so Enter works again
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.textContent('#like-section button')).toContain('(2)');
    await session.page.focus('#like-button');
    await session.page.keyboard.press('Space');
    await expect.poll(() => session.page.textContent('#count')).toBe('1');
    expect(await session.page.locator('[data-demo] [aria-live="polite"]').count()).toBe(2);
    expect(session.problems.list).toEqual([]);
  });

  it('with --latency, the steps light up one by one', async () => {
    // Long enough that a busy machine (two cores, several browsers) still sees the request out before the answer.
    const latencyMs = 1500;
    const slow = await startServer({ latencyMs });
    try {
      await session.page.goto(slow.url + '/');
      const lit = () => session.page.locator('[data-steps="htmx"] li.lit').evaluateAll((items) => items.map((i) => i.getAttribute('data-step')));
      await session.page.click('#like-section button');
      await expect.poll(lit).toEqual(['trigger', 'request']); // the request is out, the answer is not back
      await session.page.waitForTimeout(200);
      expect(await lit()).toEqual(['trigger', 'request']);
      await expect.poll(lit, { timeout: 5000 }).toEqual(['trigger', 'request', 'response', 'swap']);
      const times = await session.page.locator('[data-steps="htmx"] output').allTextContents();
      expect(Number.parseInt(times[2]!, 10)).toBeGreaterThanOrEqual(latencyMs);
      expect(session.problems.list).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('a refused request (the server restarted) shows its error beside the button, not instead of it', async () => {
    await session.page.goto(session.server.url + '/');
    // What an open tab sends after the server restarted: a token signed with the old secret.
    await session.page.route(/\/(api\/)?like\/?$/, (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-csrf-token': 'signed-by-the-old-server' } }),
    );
    await session.page.click('#like-section button');
    await expect.poll(() => session.page.textContent('#lane-errors-htmx')).toMatch(/403.*CSRF/);
    expect(await session.page.textContent('#like-section button')).toBe('❤️ Like (0)');
    await session.page.click('#like-button');
    await expect.poll(() => session.page.textContent('#like-error')).toMatch(/CSRF/);
    expect(await session.page.textContent('#count')).toBe('0');
    // the inspector shows the 403 and the header that sent it to the error slot
    await expect.poll(() => session.page.locator('#wire-like-htmx li').first().textContent()).toMatch(/403[\s\S]*hx-retarget\s*#lane-errors-htmx/);
    // the two refused requests are the only red lines: no uncaught error, nothing blocked
    expect(session.problems.list.filter((line) => !/403/.test(line))).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 403'))).toHaveLength(2);

    // after a reload-free fix (the token is right again), the next click clears the old message
    await session.page.unroute(/\/(api\/)?like\/?$/);
    await session.page.click('#like-section button');
    await expect.poll(() => session.page.textContent('#like-section button')).toBe('❤️ Like (1)');
    expect((await session.page.textContent('#lane-errors-htmx'))!.trim()).toBe('');
  });

  it('a click on a lane lights that lane\'s steps, not the other\'s', async () => {
    await session.page.goto(session.server.url + '/');
    await session.page.click('[data-demo="json"]', { position: { x: 5, y: 5 } }); // blank space: no trigger
    await session.page.click('#like-section button');
    await expect.poll(() => session.page.locator('[data-steps="htmx"] li.lit').count()).toBe(4);
    expect(await session.page.locator('[data-steps="json"] li.lit').count()).toBe(0);
  });

  it('keeps both lanes side by side with large text on a projector', async () => {
    await session.page.goto(session.server.url + '/?text=large');
    const json = (await session.page.locator('.lane-json').boundingBox())!;
    const htmx = (await session.page.locator('.lane-htmx').boundingBox())!;
    expect(htmx.y).toBe(json.y);
    expect(htmx.x).toBeGreaterThan(json.x + json.width - 1);
  });

  it('speaks Korean, and on a phone shows the lanes as two tabs over the same state', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(session.server.url + '/?lang=ko');
    // JSON first; the htmx lane is one tap away, not 14,000 px down
    expect(await session.page.getAttribute('[data-lane-tab="json"]', 'aria-selected')).toBe('true');
    expect(await session.page.isVisible('.lane-json')).toBe(true);
    expect(await session.page.isVisible('.lane-htmx')).toBe(false);
    await session.page.click('#like-button');
    await expect.poll(() => session.page.textContent('#count')).toBe('1');
    await session.page.click('[data-lane-tab="htmx"]');
    expect(await session.page.isVisible('.lane-json')).toBe(false);
    expect(await session.page.textContent('#like-section button')).toBe('❤️ 좋아요 (0)');
    await session.page.click('#like-section button');
    await expect.poll(() => session.page.textContent('#like-section button')).toBe('❤️ 좋아요 (1)');
    expect(await session.page.getAttribute('html', 'lang')).toBe('ko');
    // the JSON lane kept its state while hidden, and the step text sits above the tabs
    await session.page.click('[data-lane-tab="json"]');
    expect(await session.page.textContent('#count')).toBe('1');
    const step = (await session.page.locator('.walkthrough').boundingBox())!;
    const tabs = (await session.page.locator('.lane-tabs').boundingBox())!;
    expect(step.y + step.height).toBeLessThanOrEqual(tabs.y);
    expect((await session.page.locator('.lane-json').boundingBox())!.width).toBeLessThanOrEqual(390);
    for (const size of ['normal', 'large']) {
      await session.page.goto(session.server.url + `/?text=${size}`);
      expect(await session.page.evaluate(() => document.documentElement.scrollWidth), `no sideways scroll, ${size} text`).toBeLessThanOrEqual(390);
    }
    expect(session.problems.list).toEqual([]);
  });
});
