// The projector test: at 1280x720 (normal text) and 1920x1080 (Large text), after the demo is used once, every
// lesson shows without scrolling the current step, both demos, both four-step strips, each lane's newest wire
// status line and both lane headings; the walkthrough never covers a lane. Measured as element boxes.
// (Lesson 9 has no four steps: its strips are not asked for.)
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { hasChromium, useBrowserSession } from '../support/browser.js';
import { useDemoOnce } from '../support/use-demo.js';

interface Box { name: string; top: number; bottom: number; left: number; right: number }

const screens = [
  { name: '1280x720 normal', viewport: { width: 1280, height: 720 }, text: 'normal' },
  { name: '1920x1080 large', viewport: { width: 1920, height: 1080 }, text: 'large' },
];

describe.skipIf(!hasChromium)('the lesson page on a projector', () => {
  const session = useBrowserSession();

  for (const screen of screens) {
    it(`${screen.name}: the comparison fits one screen on every lesson`, async () => {
      const page = await session.open({ viewport: screen.viewport });
      const problems: string[] = [];
      for (const lesson of lessons) {
        await page.goto(`${session.server.url}/lessons/${lesson.id}?text=${screen.text}`);
        await useDemoOnce(page, lesson);
        await page.evaluate(() => window.scrollTo(0, 0));
        const measured = await page.evaluate((lessonId) => {
          const box = (name: string, selector: string) => {
            const element = document.querySelector(selector);
            if (!element) return { name, top: NaN, bottom: NaN, left: NaN, right: NaN };
            const { top, bottom, left, right } = element.getBoundingClientRect();
            return { name, top, bottom, left, right };
          };
          const lanes = ['json', 'htmx'].flatMap((lane) => [
            box(`${lane} heading`, `#lane-${lane}-title`),
            box(`${lane} demo`, `[data-demo="${lane}"]`),
            box(`${lane} four steps`, `[data-steps="${lane}"]`),
            box(`${lane} newest wire status`, `#wire-${lessonId}-${lane} > li:first-child summary`),
          ]);
          const step = [
            box('step title', '[data-walk-step]:not([hidden]) h3'),
            box('step text', '[data-walk-step]:not([hidden]) > :nth-child(2)'),
            box('step buttons', '.walk-nav'),
          ];
          return {
            boxes: [...step, ...lanes],
            walkthrough: box('walkthrough', '.walkthrough'),
            laneBoxes: [box('json lane', '.lane-json'), box('htmx lane', '.lane-htmx')],
            scrollY: window.scrollY,
            viewport: { width: innerWidth, height: innerHeight },
          };
        }, lesson.id);
        // A lesson without the four steps (lesson 9 compares two htmx versions, not two lanes) has no strips.
        if (lesson.fourSteps === false) measured.boxes = measured.boxes.filter((b: Box) => !b.name.endsWith('four steps'));
        if (measured.scrollY !== 0) problems.push(`${lesson.id}: scrolled to ${measured.scrollY}`);
        const off = measured.boxes.filter((b: Box) => !(b.top >= 0 && b.left >= 0 && b.bottom <= measured.viewport.height && b.right <= measured.viewport.width));
        problems.push(...off.map((b: Box) => `${lesson.id}: ${b.name} at ${Math.round(b.top)}–${Math.round(b.bottom)}`));
        for (const lane of measured.laneBoxes) {
          const w = measured.walkthrough;
          if (w.left < lane.right && lane.left < w.right && w.top < lane.bottom && lane.top < w.bottom) problems.push(`${lesson.id}: the walkthrough covers the ${lane.name}`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
