// axe-core on every page (each lesson after its demo is used once, the wrap-up, a code file's own page), in both
// languages and both text sizes: no serious or critical violation. Plus the toggles are buttons (every lesson by
// keyboard: keyboard.test.ts).
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { hasChromium, useBrowserSession } from '../support/browser.js';
import { useDemoOnce } from '../support/use-demo.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }

/** Serious and critical violations on the page, every fold opened (code files, headers), one line each. */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  await page.evaluate(() => { for (const fold of document.querySelectorAll<HTMLDetailsElement>('main details')) fold.open = true; });
  // A folded code panel's file comes when it is unfolded: axe checks it highlighted, as a reader sees it.
  await page.waitForFunction(() => !document.querySelector('details.code-file:not(:has(pre code.hljs))'));
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) on ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
}

describe.skipIf(!hasChromium)('accessibility', () => {
  // axe is injected as a script: the page's CSP (rightly) refuses inline script, so this context bypasses it.
  const session = useBrowserSession({ context: { bypassCSP: true } });

  for (const lang of ['en', 'ko']) {
    for (const text of ['normal', 'large']) {
      it(`axe finds nothing serious on any page (${lang}, ${text} text)`, async () => {
        const page = session.page;
        const problems: string[] = [];
        for (const lesson of lessons) {
          await page.goto(`${session.server.url}/lessons/${lesson.id}?lang=${lang}&text=${text}`);
          await useDemoOnce(page, lesson);
          problems.push(...await axeProblems(page, lesson.id));
        }
        await page.goto(`${session.server.url}/wrap-up?lang=${lang}&text=${text}`);
        problems.push(...await axeProblems(page, 'wrap-up'));
        // the lesson menu, open
        await page.click('.lesson-menu summary');
        problems.push(...await axeProblems(page, 'lesson menu'));
        // a code file on a page of its own (a folded panel's link, without script)
        await page.goto(`${session.server.url}/_code/like/htmx/0?lang=${lang}&text=${text}`);
        problems.push(...await axeProblems(page, 'code file page'));
        expect(problems).toEqual([]);
      }, 180_000);
    }
  }

  it('the Large text toggle is a button that says whether it is on, and keeps the step', async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/lessons/like?step=3`);
    const toggle = page.locator('.text-size button');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('ArrowRight'); // step 4, in place
    await Promise.all([page.waitForURL(/text=large/), toggle.click()]);
    expect(await page.locator('.text-size button').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getAttribute('html', 'class')).toBe('text-large');
    expect(new URL(page.url()).searchParams.get('step')).toBe('4');
  });
});
