// Which step of a lesson's notes a page shows: `?step=N` (clamped), `?step=all`, anything else step 1.
import type { WorkshopWords } from './words.js';
import type { NoteStep } from './notes.js';
import type { PageLink } from './lesson-links.js';

export interface Walkthrough {
  steps: NoteStep[];
  /** 1-based; in "all" mode, the step a "one at a time" link goes back to. */
  current: number;
  all: boolean;
  /** The page's own path; each step is `${path}?step=N`. */
  path: string;
  /** Where "Next" leads from the last step: the next lesson, or the wrap-up. */
  leave?: PageLink;
  /** "Step 2 of 5" (one mode) or "All 5 steps". */
  status: string;
  /** The page area the shown step points at, highlighted on the page. */
  highlight?: string;
}

/** A junk value (a word, a negative, a fraction, a repeated parameter) means step 1; a number out of range is clamped. */
export function chooseStep(asked: unknown, count: number): { all: boolean; current: number } {
  if (asked === 'all') return { all: true, current: 1 };
  const number = typeof asked === 'string' && /^\d{1,9}$/.test(asked) ? Number(asked) : 1;
  return { all: false, current: Math.min(Math.max(number, 1), Math.max(count, 1)) };
}

export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** Undefined for a lesson without notes: the page then shows no walkthrough. */
export function walkthroughFor(steps: NoteStep[], asked: unknown, path: string, t: WorkshopWords, leave?: PageLink): Walkthrough | undefined {
  if (steps.length === 0) return undefined;
  const { all, current } = chooseStep(asked, steps.length);
  const count = steps.length;
  return {
    steps,
    current,
    all,
    path,
    leave,
    status: all ? fillIn(t.walkAll, { count }) : fillIn(t.walkStatus, { n: current, count }),
    highlight: all ? undefined : steps[current - 1]!.area,
  };
}
