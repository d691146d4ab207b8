// Code panels in Chromium: a folded panel's file is not in the page; unfolding it (a click, a key, or a walkthrough
// step that points at its lane) fetches it and shows it highlighted, as the very file on disk. The lane it sits in
// never hears of that request. Without script, the panel's link opens the file on a page of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { readNotes } from '../../src/workshop/notes.js';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const onDisk = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const like = lessons.find((lesson) => lesson.id === 'like')!;
const stepOf = (area: string) => readNotes(like.dir, 'en').findIndex((step) => step.area === area) + 1;

/** The panels of a lane: name, unfolded, and the text of its file if it is in the page. */
const panelsOf = (page: Page, lane: string) => page.locator(`[data-code="${lane}"] details.code-file`).evaluateAll((folds) => folds.map((fold) => ({
  name: fold.querySelector('summary')!.textContent!.trim(),
  open: (fold as HTMLDetailsElement).open,
  code: fold.querySelector('pre code[data-file]')?.textContent ?? null,
  highlighted: fold.querySelectorAll('pre code.hljs [class^="hljs-"]').length > 0,
})));

describe.skipIf(!hasChromium)('code panels in Chromium', () => {
  const session = useBrowserSession({ context: { reducedMotion: 'reduce' } });

  it('a folded panel unfolded by a click shows its file, highlighted, and the lane hears nothing of it', async () => {
    const { page } = session;
    const requests: Array<{ url: string; htmx: string | undefined }> = [];
    page.on('request', (request) => requests.push({ url: new URL(request.url()).pathname, htmx: request.headers()['hx-request'] }));
    await page.goto(`${session.server.url}/lessons/like`);
    const before = await panelsOf(page, 'htmx');
    expect(before.map((panel) => panel.name)).toEqual(like.lanes.htmx.code!.map((file) => join('src/lessons/like', file)));
    expect(before.every((panel) => !panel.open && panel.code === null)).toBe(true);
    // A message in the lane's error slot stays: the panel's request is the page's, not the lane's.
    await page.evaluate(() => { document.getElementById('lane-errors-htmx')!.textContent = 'the last like failed'; });

    await page.locator('[data-code="htmx"] details.code-file summary').nth(1).click();
    await expect.poll(async () => (await panelsOf(page, 'htmx'))[1]!.code).not.toBeNull();
    const [, unfolded] = await panelsOf(page, 'htmx');
    expect(unfolded!.open).toBe(true);
    expect(unfolded!.code).toBe(onDisk(unfolded!.name));
    expect(unfolded!.highlighted).toBe(true);
    expect(requests.filter((r) => r.url.startsWith('/_code/'))).toEqual([{ url: '/_code/like/htmx/1', htmx: 'true' }]);
    expect(await page.textContent('#lane-errors-htmx')).toBe('the last like failed');
    expect(await page.locator('[data-steps="htmx"] .lit, [data-steps="htmx"] .missed').count()).toBe(0);
    expect(await page.locator('#wire-like-htmx li').count()).toBe(0);
    // Folded again and unfolded again: the file is there already, nothing is fetched twice.
    await page.locator('[data-code="htmx"] details.code-file summary').nth(1).click();
    await page.locator('[data-code="htmx"] details.code-file summary').nth(1).click();
    expect((await panelsOf(page, 'htmx'))[1]!.code).toBe(onDisk(unfolded!.name));
    expect(requests.filter((r) => r.url.startsWith('/_code/'))).toHaveLength(1);
    expect(session.problems.list).toEqual([]);
  });

  it('unfolds from the keyboard, and focus stays on the panel\'s summary', async () => {
    const { page } = session;
    await page.goto(`${session.server.url}/lessons/like`);
    const summary = page.locator('[data-code="json"] details.code-file summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await panelsOf(page, 'json'))[0]!.code).toBe(onDisk(join('src/lessons/like', like.lanes.json.code![0]!)));
    expect(await summary.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(session.problems.list).toEqual([]);
  });

  it('a walkthrough step that points at a lane\'s folded code unfolds its files, with their code', async () => {
    const page = await session.open({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await page.goto(`${session.server.url}/lessons/like?step=${stepOf('htmx-code') - 1}`);
    expect((await panelsOf(page, 'htmx')).every((panel) => !panel.open && panel.code === null)).toBe(true);
    await page.click('[data-walk-next]');
    await expect.poll(async () => (await panelsOf(page, 'htmx')).filter((panel) => panel.code !== null).length).toBe(like.lanes.htmx.code!.length);
    for (const panel of await panelsOf(page, 'htmx')) {
      expect(panel.open, panel.name).toBe(true);
      expect(panel.code, panel.name).toBe(onDisk(panel.name));
    }
    await saveScreenshot(page, 'code-panels-step-1280');
    expect(session.problems.list).toEqual([]);
  });

  it('on a phone, a step about the htmx code shows that tab with its files', async () => {
    const page = await session.open({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await page.goto(`${session.server.url}/lessons/like?step=${stepOf('htmx-code') - 1}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await panelsOf(page, 'htmx')).filter((panel) => panel.code !== null).length).toBe(like.lanes.htmx.code!.length);
    expect(await page.locator('[data-code="htmx"] pre').first().isVisible()).toBe(true);
    await saveScreenshot(page, 'code-panels-step-390');
    expect(session.problems.list).toEqual([]);
  });

  it('without script, a folded panel\'s link opens its file on a page of its own, with the way back', async () => {
    const page = await session.open({ javaScriptEnabled: false });
    await page.goto(`${session.server.url}/lessons/like?lang=ko`);
    const fold = page.locator('[data-code="json"] details.code-file').nth(1);
    await fold.locator('summary').click();
    await fold.locator('a').click();
    await page.waitForURL(/\/_code\/like\/json\/1$/);
    const file = join('src/lessons/like', like.lanes.json.code![1]!);
    expect(await page.textContent('h1')).toBe(file);
    expect(await page.textContent('pre code[data-file]')).toBe(onDisk(file));
    await page.click('text=레슨으로 돌아가기');
    await page.waitForURL(/\/lessons\/like$/);
    expect(session.problems.list).toEqual([]);
  });
});
