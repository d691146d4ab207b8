// The walkthrough in Chromium: arrow keys and buttons move between steps in place, the URL follows, a reload keeps
// the step, the highlight moves to the named area and into view; keys typed into a field are left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseNotes } from '../../dist/lane/notes.js';
import { lessons } from '../../dist/lessons/index.js';
import echo from '../fixtures/echo/lesson.js';
import { hasChromium, launchChromium, type PageProblems, watchPage } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';

const like = lessons.find((lesson) => lesson.id === 'like')!;
// Lesson 1 and the echo fixture as lesson 2: the page's navigation logic, whatever the registry holds.
const echoLesson = { ...echo, number: 2, dir: join(import.meta.dirname, '..', 'fixtures', 'echo') };
const twoLessons = [lessons[0]!, echoLesson];
const notes = (lang: string) => parseNotes(readFileSync(join(like.dir, `notes.${lang}.md`), 'utf8'));
const en = notes('en');
const ko = notes('ko');
const count = en.length;

declare global {
  interface Window { sameDocument?: boolean }
}

describe.skipIf(!hasChromium)('the walkthrough in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ lessons: twoLessons }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    problems = await watchPage(page);
  });
  afterEach(async () => {
    await context.close();
  });

  /** What the learner sees of the walkthrough, and whether the page was reloaded since `markDocument`. */
  const state = () => page.evaluate(() => ({
    status: document.querySelector('[data-walk-status]')!.textContent,
    shown: [...document.querySelectorAll<HTMLElement>('[data-walk-step]')].filter((li) => !li.hidden).map((li) => Number(li.dataset.walkStep)),
    title: document.querySelector<HTMLElement>('[data-walk-step]:not([hidden]) h3')?.textContent,
    highlighted: [...document.querySelectorAll<HTMLElement>('[data-area][data-highlighted]')].map((el) => el.dataset.area),
    path: location.pathname,
    step: new URL(location.href).searchParams.get('step'),
    sameDocument: window.sameDocument === true,
  }));
  const markDocument = () => page.evaluate(() => { window.sameDocument = true; });
  const atStep = (n: number, lang: 'en' | 'ko' = 'en') => expect.objectContaining({
    status: lang === 'en' ? `Step ${n} of ${count}` : `${count}단계 중 ${n}단계`,
    shown: [n],
    title: (lang === 'en' ? en : ko)[n - 1]!.title.replace(/`/g, ''),
    highlighted: [en[n - 1]!.area],
    step: String(n),
  });

  it('the arrow keys and the buttons move between steps without a reload, and the URL follows', async () => {
    await page.goto(`${server.url}/lessons/like`);
    await markDocument();
    expect(await state()).toMatchObject({ status: `Step 1 of ${count}`, shown: [1], highlighted: [en[0]!.area], step: null });

    await page.keyboard.press('ArrowRight');
    expect(await state()).toEqual(atStep(2));
    // the live region says where the learner is now, title included
    expect(await page.getAttribute('.walk-status', 'aria-live')).toBe('polite');
    expect(await page.textContent('.walk-status')).toBe(`Step 2 of ${count}: ${en[1]!.title.replace(/`/g, '')}`);
    await page.click('[data-walk-next]');
    expect(await state()).toEqual(atStep(3));
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-walk-next'))).toBe(true);
    await page.click('[data-walk-prev]');
    await page.keyboard.press('ArrowLeft');
    expect(await state()).toEqual(atStep(1));
    // nothing before step 1: Previous is disabled and the key does nothing
    expect(await page.getAttribute('[data-walk-prev]', 'aria-disabled')).toBe('true');
    expect(await page.getAttribute('[data-walk-prev]', 'href')).toBeNull();
    await page.keyboard.press('ArrowLeft');
    expect(await state()).toEqual(atStep(1));
    expect((await state()).sameDocument).toBe(true);
    expect(problems.list).toEqual([]);
  });

  it('Previous keeps working from the keyboard, and focus never lands on a dead button', async () => {
    await page.goto(`${server.url}/lessons/like?step=3`);
    await page.focus('[data-walk-prev]');
    await page.keyboard.press('Enter');
    expect(await state()).toEqual(atStep(2));
    await page.keyboard.press('Enter');
    expect(await state()).toEqual(atStep(1));
    // Previous went dead under the focus: it moved to Next
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-walk-next'))).toBe(true);
  });

  it('ignores the arrow keys with a modifier held', async () => {
    await page.goto(`${server.url}/lessons/like`);
    for (const key of ['Shift+ArrowRight', 'Control+ArrowRight', 'Meta+ArrowRight']) await page.keyboard.press(key);
    expect((await state()).shown).toEqual([1]);
  });

  it('a reload keeps the step, its highlight and its links', async () => {
    await page.goto(`${server.url}/lessons/like`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.reload();
    expect(await state()).toEqual(atStep(3));
    expect(await page.getAttribute('[data-walk-prev]', 'href')).toBe('/lessons/like?step=2');
  });

  it('the highlight moves to each step\'s area, and that area scrolls into view below the step', async () => {
    await page.goto(`${server.url}/lessons/like`);
    for (let n = 2; n <= count; n++) {
      await page.keyboard.press('ArrowRight');
      expect((await state()).highlighted).toEqual([en[n - 1]!.area]);
      await expect.poll(() => page.evaluate(() => {
        const area = document.querySelector('[data-highlighted]')!.getBoundingClientRect();
        const panel = document.querySelector('[data-walkthrough]')!.getBoundingClientRect();
        return area.top < innerHeight && area.bottom > panel.bottom;
      }), { timeout: 5000 }).toBe(true);
    }
    expect(problems.list).toEqual([]);
  });

  it('with reduced motion the page jumps to the area at once', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/lessons/like?step=${count - 1}`);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => {
      const area = document.querySelector('[data-highlighted]')!.getBoundingClientRect();
      return area.top >= 0 && area.top < innerHeight;
    })).toBe(true);
  });

  it('keys typed into a field stay in the field', async () => {
    await page.goto(`${server.url}/lessons/echo`);
    await page.click('#echo-text');
    await page.keyboard.type('hello');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('X');
    await page.keyboard.press('ArrowRight');
    expect(await page.inputValue('#echo-text')).toBe('helXlo');
    expect((await state()).shown).toEqual([1]);
    // out of the field, the same key moves on
    await page.click('h1');
    await page.keyboard.press('ArrowRight');
    expect((await state()).shown).toEqual([2]);
    expect((await state()).highlighted).toEqual(['htmx-demo']);
  });

  it('speaks Korean, and the language switch keeps the step', async () => {
    await page.goto(`${server.url}/lessons/like`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await Promise.all([page.waitForURL(/lang=ko/), page.click('a[data-keep-step][href*="lang=ko"]')]);
    expect(await state()).toEqual(atStep(3, 'ko'));
    await page.keyboard.press('ArrowRight');
    expect(await state()).toEqual(atStep(4, 'ko'));
    expect(await page.textContent('[data-walk-next] [data-walk-label]')).toBe('다음 단계');
    await Promise.all([page.waitForURL(/lang=en/), page.click('a[data-keep-step][href*="lang=en"]')]);
    expect(await state()).toEqual(atStep(4));
    expect(problems.list).toEqual([]);
  });

  it('"Show all notes" shows every step with no highlight, and goes back to the same step', async () => {
    await page.goto(`${server.url}/lessons/like?step=2`);
    await markDocument();
    await page.click('[data-walk-toggle]');
    expect(await state()).toMatchObject({ status: `All ${count} steps`, shown: en.map((_, i) => i + 1), highlighted: [], step: 'all', sameDocument: true });
    expect(await page.isVisible('.walk-nav')).toBe(false);
    await page.keyboard.press('ArrowRight');
    expect((await state()).step).toBe('all');
    await page.reload();
    expect((await state()).shown).toHaveLength(count);
    await page.click('[data-walk-toggle]');
    expect(await state()).toMatchObject({ shown: [1], step: '1' });
  });

  it('from the last step, Next goes on to the next lesson', async () => {
    await page.goto(`${server.url}/lessons/like?step=99`);
    expect(await state()).toEqual(atStep(count)); // clamped, and the address shows the real step
    expect(await page.textContent('[data-walk-next]')).toContain(`Next: ${echoLesson.number}. Echo`);
    await page.keyboard.press('ArrowRight'); // the keys stay within the lesson
    expect((await state()).path).toBe('/lessons/like');
    await Promise.all([page.waitForURL('**/lessons/echo'), page.click('[data-walk-next]')]);
    expect(await state()).toMatchObject({ status: 'Step 1 of 3', highlighted: ['controls'] });
  });
});
