// The walkthrough in Chromium: arrow keys and buttons move between steps in place, the URL follows, a reload keeps
// the step, the highlight moves to the named area and into view; keys typed into a field are left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarked, parseNotes } from '../../src/workshop/notes.js';
import { lessons } from '../../src/lessons/index.js';
import { echoLesson as echo } from '../fixtures/echo/registered.js';
import { hasChromium, useBrowserSession } from '../support/browser.js';

const marked = await loadMarked();

const like = lessons.find((lesson) => lesson.id === 'like')!;
// Lesson 1 and the fixture after it: from lesson 1's last step, Next leads to lesson 2, whatever the registry holds.
const echoLesson = { ...echo, number: 2 };
const notes = (lang: string) => parseNotes(marked, readFileSync(join(like.dir, `notes.${lang}.md`), 'utf8'));
const en = notes('en');
const ko = notes('ko');
const count = en.length;

declare global {
  interface Window { sameDocument?: boolean }
}

describe.skipIf(!hasChromium)('the walkthrough in Chromium', () => {
  // Reduced motion: a step's smooth scroll would move the panel under the next click (mousedown and mouseup on
  // different elements make no click). The scroll test turns motion back on.
  const session = useBrowserSession({ app: { lessons: [like, echoLesson] }, context: { reducedMotion: 'reduce' } });

  /** What the learner sees of the walkthrough, and whether the page was reloaded since `markDocument`. */
  const state = () => session.page.evaluate(() => ({
    status: document.querySelector('[data-walk-status]')!.textContent,
    shown: [...document.querySelectorAll<HTMLElement>('[data-walk-step]')].filter((li) => !li.hidden).map((li) => Number(li.dataset.walkStep)),
    title: document.querySelector<HTMLElement>('[data-walk-step]:not([hidden]) h3')?.textContent,
    highlighted: [...document.querySelectorAll<HTMLElement>('[data-area][data-highlighted]')].map((el) => el.dataset.area),
    path: location.pathname,
    step: new URL(location.href).searchParams.get('step'),
    sameDocument: window.sameDocument === true,
  }));
  const markDocument = () => session.page.evaluate(() => { window.sameDocument = true; });
  const atStep = (n: number, lang: 'en' | 'ko' = 'en') => expect.objectContaining({
    status: lang === 'en' ? `Step ${n} of ${count}` : `${count}단계 중 ${n}단계`,
    shown: [n],
    title: (lang === 'en' ? en : ko)[n - 1]!.title.replace(/`/g, ''),
    highlighted: [en[n - 1]!.area],
    step: String(n),
  });

  it('the arrow keys and the buttons move between steps without a reload, and the URL follows', async () => {
    await session.page.goto(`${session.server.url}/lessons/like`);
    await markDocument();
    expect(await state()).toMatchObject({ status: `Step 1 of ${count}`, shown: [1], highlighted: [en[0]!.area], step: null });

    await session.page.keyboard.press('ArrowRight');
    expect(await state()).toEqual(atStep(2));
    // the live region says where the learner is now, title included
    expect(await session.page.getAttribute('.walk-status', 'aria-live')).toBe('polite');
    expect(await session.page.textContent('.walk-status')).toBe(`Step 2 of ${count}: ${en[1]!.title.replace(/`/g, '')}`);
    await session.page.click('[data-walk-next]');
    expect(await state()).toEqual(atStep(3));
    expect(await session.page.evaluate(() => document.activeElement?.hasAttribute('data-walk-next'))).toBe(true);
    await session.page.click('[data-walk-prev]');
    await session.page.keyboard.press('ArrowLeft');
    expect(await state()).toEqual(atStep(1));
    // nothing before step 1: Previous is disabled and the key does nothing
    expect(await session.page.getAttribute('[data-walk-prev]', 'aria-disabled')).toBe('true');
    expect(await session.page.getAttribute('[data-walk-prev]', 'href')).toBeNull();
    await session.page.keyboard.press('ArrowLeft');
    expect(await state()).toEqual(atStep(1));
    expect((await state()).sameDocument).toBe(true);
    expect(session.problems.list).toEqual([]);
  });

  it('a step\'s text comes when the step is shown, once, in place; all steps at once bring every text', async () => {
    const { page } = session;
    const fetched: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/_steps/')) fetched.push(new URL(request.url()).pathname); });
    await page.goto(`${session.server.url}/lessons/like?lang=ko`);
    await markDocument();
    /** The shown steps' text, as a reader sees it (title left out). */
    const texts = () => page.locator('[data-walk-step]:not([hidden])').evaluateAll((items) => items.map((item) =>
      [...item.children].slice(1).map((child) => child.textContent).join('\n').trim()));
    const textOf = (n: number) => ko[n - 1]!.html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
    expect(await texts()).toEqual([textOf(1)]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(texts).toEqual([textOf(2)]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect.poll(texts).toEqual([textOf(2)]);
    expect(fetched).toEqual(['/_steps/like/2']);
    await page.click('[data-walk-toggle]');
    await expect.poll(texts).toEqual(ko.map((_, index) => textOf(index + 1)));
    expect(fetched.sort()).toEqual([...Array(count - 1).keys()].map((index) => `/_steps/like/${index + 2}`));
    expect((await state()).sameDocument).toBe(true);
    expect(session.problems.list).toEqual([]);
  });

  it('Previous keeps working from the keyboard, and focus never lands on a dead button', async () => {
    await session.page.goto(`${session.server.url}/lessons/like?step=3`);
    await session.page.focus('[data-walk-prev]');
    await session.page.keyboard.press('Enter');
    expect(await state()).toEqual(atStep(2));
    await session.page.keyboard.press('Enter');
    expect(await state()).toEqual(atStep(1));
    // Previous went dead under the focus: it moved to Next
    expect(await session.page.evaluate(() => document.activeElement?.hasAttribute('data-walk-next'))).toBe(true);
  });

  it('ignores the arrow keys with a modifier held', async () => {
    await session.page.goto(`${session.server.url}/lessons/like`);
    for (const key of ['Shift+ArrowRight', 'Control+ArrowRight', 'Meta+ArrowRight']) await session.page.keyboard.press(key);
    expect((await state()).shown).toEqual([1]);
  });

  it('a reload keeps the step, its highlight and its links', async () => {
    await session.page.goto(`${session.server.url}/lessons/like`);
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    await session.page.reload();
    expect(await state()).toEqual(atStep(3));
    expect(await session.page.getAttribute('[data-walk-prev]', 'href')).toBe('/lessons/like?step=2');
  });

  it('the highlight moves to each step\'s area, and that area scrolls into view beside the step, never under it', async () => {
    await session.page.emulateMedia({ reducedMotion: 'no-preference' });
    await session.page.goto(`${session.server.url}/lessons/like`);
    for (let n = 2; n <= count; n++) {
      await session.page.keyboard.press('ArrowRight');
      expect((await state()).highlighted).toEqual([en[n - 1]!.area]);
      await expect.poll(() => session.page.evaluate(() => {
        const area = document.querySelector('[data-highlighted]')!.getBoundingClientRect();
        const panel = document.querySelector('[data-walkthrough]')!.getBoundingClientRect();
        return area.top < innerHeight && area.bottom > 0 && area.left >= panel.right;
      }), { timeout: 5000 }).toBe(true);
    }
    expect(session.problems.list).toEqual([]);
  });

  it('with reduced motion the page jumps to the area at once', async () => {
    await session.page.goto(`${session.server.url}/lessons/like?step=${count - 1}`);
    await session.page.keyboard.press('ArrowRight');
    expect(await session.page.evaluate(() => {
      const area = document.querySelector('[data-highlighted]')!.getBoundingClientRect();
      return area.top >= 0 && area.top < innerHeight;
    })).toBe(true);
  });

  it('keys typed into a field stay in the field', async () => {
    await session.page.goto(`${session.server.url}/lessons/echo`);
    await session.page.click('#echo-text');
    await session.page.keyboard.type('hello');
    await session.page.keyboard.press('ArrowLeft');
    await session.page.keyboard.press('ArrowLeft');
    await session.page.keyboard.type('X');
    await session.page.keyboard.press('ArrowRight');
    expect(await session.page.inputValue('#echo-text')).toBe('helXlo');
    expect((await state()).shown).toEqual([1]);
    // out of the field, the same key moves on
    await session.page.click('h1');
    await session.page.keyboard.press('ArrowRight');
    expect((await state()).shown).toEqual([2]);
    expect((await state()).highlighted).toEqual(['htmx-demo']);
  });

  it('speaks Korean, and the language switch keeps the step', async () => {
    await session.page.goto(`${session.server.url}/lessons/like`);
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    await Promise.all([session.page.waitForURL(/lang=ko/), session.page.click('a[data-keep-step][href*="lang=ko"]')]);
    expect(await state()).toEqual(atStep(3, 'ko'));
    await session.page.keyboard.press('ArrowRight');
    expect(await state()).toEqual(atStep(4, 'ko'));
    expect(await session.page.textContent('[data-walk-next] [data-walk-label]')).toBe('다음 단계');
    await Promise.all([session.page.waitForURL(/lang=en/), session.page.click('a[data-keep-step][href*="lang=en"]')]);
    expect(await state()).toEqual(atStep(4));
    expect(session.problems.list).toEqual([]);
  });

  it('"Show all notes" shows every step with no highlight, and goes back to the same step', async () => {
    await session.page.goto(`${session.server.url}/lessons/like?step=2`);
    await markDocument();
    await session.page.click('[data-walk-toggle]');
    expect(await state()).toMatchObject({ status: `All ${count} steps`, shown: en.map((_, i) => i + 1), highlighted: [], step: 'all', sameDocument: true });
    expect(await session.page.isVisible('.walk-nav')).toBe(false);
    await session.page.keyboard.press('ArrowRight');
    expect((await state()).step).toBe('all');
    await session.page.reload();
    expect((await state()).shown).toHaveLength(count);
    await session.page.click('[data-walk-toggle]');
    expect(await state()).toMatchObject({ shown: [1], step: '1' });
  });

  it('from the last step, Next goes on to the next lesson', async () => {
    await session.page.goto(`${session.server.url}/lessons/like?step=99`);
    expect(await state()).toEqual(atStep(count)); // clamped, and the address shows the real step
    expect(await session.page.textContent('[data-walk-next]')).toContain(`Next: ${echoLesson.number}. Echo`);
    await session.page.keyboard.press('ArrowRight'); // the keys stay within the lesson
    expect((await state()).path).toBe('/lessons/like');
    await Promise.all([session.page.waitForURL('**/lessons/echo'), session.page.click('[data-walk-next]')]);
    expect(await state()).toMatchObject({ status: 'Step 1 of 3', highlighted: ['controls'] });
  });

  it('Next and Previous add history: Back returns to the previous step, Forward comes back, no reload', async () => {
    await session.page.goto(`${session.server.url}/lessons/like`);
    await markDocument();
    await session.page.click('[data-walk-next]');
    await session.page.keyboard.press('ArrowRight');
    expect(await state()).toEqual(atStep(3));
    await session.page.goBack();
    await expect.poll(state).toEqual(atStep(2));
    await session.page.goBack();
    await expect.poll(state).toEqual(expect.objectContaining({ shown: [1], step: null, sameDocument: true }));
    await session.page.goForward();
    await expect.poll(state).toEqual(atStep(2));
    expect(session.problems.list).toEqual([]);
  });

  it('a link to a step opens with its outlined area in view and only that lane\'s code unfolded, with its files', async () => {
    const codeStep = en.findIndex((step) => step.area === 'json-code') + 1;
    expect(codeStep).toBeGreaterThan(0);
    const page = await session.open({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await page.goto(`${session.server.url}/lessons/like?step=${codeStep}`);
    await expect.poll(() => page.evaluate(() => {
      const area = document.querySelector('[data-highlighted]')!.getBoundingClientRect();
      return area.top >= 0 && area.top < innerHeight / 2;
    })).toBe(true);
    const open = (lane: string) => page.locator(`[data-code="${lane}"] details.code-file[open]`).count();
    expect(await open('json')).toBe(like.lanes.json.code!.length);
    expect(await open('htmx')).toBe(0);
    // a step about the htmx code folds the JSON files and unfolds the htmx ones
    const htmxStep = en.findIndex((step) => step.area === 'htmx-code') + 1;
    await page.goto(`${session.server.url}/lessons/like?step=${htmxStep - 1}`);
    await page.keyboard.press('ArrowRight');
    expect(await open('json')).toBe(0);
    expect(await open('htmx')).toBe(like.lanes.htmx.code!.length);
    // folded on that page, the htmx files come when the step unfolds them
    await expect.poll(() => page.locator('[data-code="htmx"] details.code-file[open] pre code[data-file]').count()).toBe(like.lanes.htmx.code!.length);
  });

  it('Reset keeps the step', async () => {
    await session.page.goto(`${session.server.url}/lessons/like`);
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    await Promise.all([session.page.waitForLoadState('load'), session.page.waitForURL(/step=3/), session.page.click('button.reset')]);
    expect(await state()).toEqual(atStep(3));
  });

  it('on a phone, the arrow keys bring the step text back into view', async () => {
    const page = await session.open({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await page.goto(`${session.server.url}/lessons/like`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => {
      const title = document.querySelector('[data-walk-step]:not([hidden]) h3')!.getBoundingClientRect();
      return title.top >= 0 && title.bottom <= innerHeight;
    })).toBe(true);
  });
});
