// Notes become walkthrough steps; a step number in the URL is read strictly and never fails the page.
import { describe, expect, it } from 'vitest';
import { loadMarked, parseNotes } from '../../src/workshop/notes.js';
import { chooseStep, fillIn } from '../../src/workshop/walkthrough.js';

const marked = await loadMarked();

describe('parseNotes', () => {
  it('one step per ## heading, with its highlight area and its paragraphs as HTML', () => {
    const steps = parseNotes(marked, [
      '## Click the `htmx` button',
      '<!-- highlight: htmx-demo -->',
      'First paragraph.',
      '',
      'Second *paragraph*.',
      '',
      '## No highlight here',
      'Just text.',
    ].join('\n'));
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatchObject({ title: 'Click the `htmx` button', titleHtml: 'Click the <code>htmx</code> button', area: 'htmx-demo' });
    expect(steps[0]!.html).toBe('<p>First paragraph.</p>\n<p>Second <em>paragraph</em>.</p>\n');
    expect(steps[0]!.html).not.toContain('highlight');
    expect(steps[1]).toMatchObject({ title: 'No highlight here', html: '<p>Just text.</p>\n' });
    expect(steps[1]!.area).toBeUndefined();
  });

  it('reads Windows line ends, ignores ## inside a code fence, and keeps ### as part of a step', () => {
    const steps = parseNotes(marked, '## One\r\n<!-- highlight: lanes -->\r\n```\r\n## not a step\r\n```\r\n### A sub-heading\r\n## Two\r\ntext\r\n');
    expect(steps.map((step) => step.title)).toEqual(['One', 'Two']);
    expect(steps[0]!.area).toBe('lanes');
    expect(steps[0]!.html).toContain('## not a step');
    expect(steps[0]!.html).toContain('<h3>A sub-heading</h3>');
  });

  it('text before the first heading is kept as an untitled step; blank lines before it are not a step', () => {
    expect(parseNotes(marked, 'Intro.\n\n## Step\nBody.').map((step) => step.title)).toEqual(['', 'Step']);
    expect(parseNotes(marked, '\n\n## Step\nBody.').map((step) => step.title)).toEqual(['Step']);
    expect(parseNotes(marked, '')).toEqual([]);
  });
});

describe('chooseStep', () => {
  it('takes a step number and clamps it into the lesson\'s steps', () => {
    expect(chooseStep('3', 5)).toEqual({ all: false, current: 3 });
    expect(chooseStep('5', 5)).toEqual({ all: false, current: 5 });
    expect(chooseStep('6', 5)).toEqual({ all: false, current: 5 });
    expect(chooseStep('99999', 5)).toEqual({ all: false, current: 5 });
    expect(chooseStep('0', 5)).toEqual({ all: false, current: 1 });
    expect(chooseStep('007', 5)).toEqual({ all: false, current: 5 });
  });

  it('"all" shows every step', () => {
    expect(chooseStep('all', 5)).toEqual({ all: true, current: 1 });
  });

  it('anything else is step 1', () => {
    for (const junk of [undefined, '', 'two', '-2', '2.5', '1e3', ' 2', '0x2', 'ALL', '99999999999999999999', ['2', '3'], {}]) {
      expect(chooseStep(junk, 5), String(junk)).toEqual({ all: false, current: 1 });
    }
  });
});

describe('fillIn', () => {
  it('puts values into a phrase, in either word order', () => {
    expect(fillIn('Step {n} of {count}', { n: 2, count: 5 })).toBe('Step 2 of 5');
    expect(fillIn('{count}단계 중 {n}단계', { n: 2, count: 5 })).toBe('5단계 중 2단계');
  });
});
