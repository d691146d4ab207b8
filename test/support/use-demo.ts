// Uses a lesson's demo once on each lane, as a learner would, and waits for each lane's first wire entry.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Lesson } from '../../src/kit/types.js';

const sample: Record<string, string> = { email: 'ann@example.com', password: 'long-enough-1', search: 'ko' };

/** Fills the lane's empty fields with plausible values, then presses its first button or link (or just types, for a search box). */
export async function useDemoOnce(page: Page, lesson: Lesson): Promise<void> {
  for (const lane of ['json', 'htmx'] as const) {
    // A lane may run in a frame of its own (lesson 9's two htmx versions): use the demo inside it.
    const framed = await page.locator(`[data-demo="${lane}"] iframe`).count();
    const demo = framed ? page.frameLocator(`[data-demo="${lane}"] iframe`).locator('body') : page.locator(`[data-demo="${lane}"]`);
    const fields = demo.locator('input:visible:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea:visible');
    for (let index = 0; index < await fields.count(); index++) {
      const field = fields.nth(index);
      if (await field.inputValue()) continue;
      const type = (await field.getAttribute('type')) ?? 'text';
      await field.fill(sample[type] ?? `ann${index}`);
    }
    const button = demo.locator('button:visible, a[href]:visible').first();
    if (await button.count()) await button.click();
    await expect.poll(() => page.locator(`#wire-${lesson.id}-${lane} > li`).count(), { timeout: 8000, message: `${lesson.id} ${lane}: no request on the wire` }).toBeGreaterThan(0);
  }
}
