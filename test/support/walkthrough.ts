// Reads a lesson page's walkthrough as a learner would see it with JavaScript off: the status, the shown steps,
// the highlighted area and where the step links lead.
import { attribute, tagsNamed, textOf } from './http.js';

export interface WalkState {
  status: string;
  mode: string | undefined;
  /** The numbers of the steps not hidden. */
  shown: number[];
  /** The area each step names, in order (undefined for none). */
  areas: Array<string | undefined>;
  /** Every element marked as highlighted, by its data-area. */
  highlighted: string[];
  prevHref: string | undefined;
  nextHref: string | undefined;
  nextLabel: string;
  toggleHref: string | undefined;
  /** The shown steps' titles, as text. */
  titles: string[];
}

export function walkState(html: string): WalkState {
  const section = /<section class="walkthrough"[\s\S]*?<\/section>/.exec(html)?.[0];
  if (!section) throw new Error('page has no walkthrough');
  const steps = [...section.matchAll(/(<li class="walk-step"[^>]*>)\s*<h3[^>]*>([\s\S]*?)<\/h3>/g)];
  const shownSteps = steps.filter(([, tag]) => !/\shidden\b/.test(tag!));
  const link = (marker: string) => tagsNamed(section, 'a').find((tag) => tag.includes(marker));
  const next = /<a [^>]*data-walk-next[\s\S]*?<\/a>/.exec(section)![0];
  return {
    status: textOf(/<span data-walk-status>([\s\S]*?)<\/span>/.exec(section)![1]!),
    mode: attribute(/<section[^>]*>/.exec(section)![0], 'data-mode'),
    shown: shownSteps.map(([, tag]) => Number(attribute(tag!, 'data-walk-step'))),
    areas: steps.map(([, tag]) => attribute(tag!, 'data-highlight')),
    highlighted: [...html.matchAll(/data-area="([^"]+)" data-highlighted/g)].map((m) => m[1]!),
    prevHref: attribute(link('data-walk-prev')!, 'href'),
    nextHref: attribute(link('data-walk-next')!, 'href'),
    nextLabel: textOf(/<span data-walk-label>([\s\S]*?)<\/span>/.exec(next)![1]!),
    toggleHref: attribute(link('data-walk-toggle')!, 'href'),
    titles: shownSteps.map(([, , title]) => textOf(title!).trim()),
  };
}
