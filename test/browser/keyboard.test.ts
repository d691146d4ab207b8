// Every lesson done with the keyboard alone, on both lanes: Tab and Shift+Tab to reach each control from the top of
// the page, Enter, Space and typing to use it. Each step checks what the learner sees change, and where focus went:
// on a control, drawn visibly, never dropped to <body> by a swap.
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserSession } from '../support/browser.js';

interface FocusState {
  /** The focused element matches the selector asked about (inside the named lane's frame, for lesson 9). */
  on: boolean;
  /** It draws a focus ring: :focus-visible with an outline a learner can see. */
  ringed: boolean;
  /** What has focus, for a failure message: `button#id.class "text"`. */
  what: string;
}

describe.skipIf(!hasChromium)('every lesson by keyboard alone', () => {
  const session = useBrowserSession();
  const text = (selector: string) => session.page.textContent(selector);

  /** Starts at the top of a lesson page, nothing focused: the one thing this test does not do by keyboard. */
  async function openLesson(id: string): Promise<void> {
    await session.page.goto(`${session.server.url}/lessons/${id}`);
    await session.page.waitForLoadState('load');
  }

  function focusState(selector: string, frame?: string): Promise<FocusState> {
    return session.page.evaluate(([selector, frame]) => {
      let element = document.activeElement;
      if (frame) {
        element = element instanceof HTMLIFrameElement && element.dataset.frame === frame ? element.contentDocument?.activeElement ?? null : null;
      }
      if (!element || element === element.ownerDocument.body) return { on: false, ringed: false, what: element ? 'body' : 'nothing' };
      const style = element.ownerDocument.defaultView!.getComputedStyle(element);
      const ringed = element.matches(':focus-visible') && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      const what = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
      return { on: element.matches(selector), ringed, what };
    }, [selector, frame ?? ''] as const);
  }

  /** Presses Tab (Shift+Tab with `back`) until `selector` has focus, and checks its focus ring shows. */
  async function tabTo(selector: string, { back = false, frame }: { back?: boolean; frame?: string } = {}): Promise<void> {
    const trail: string[] = [];
    for (let presses = 0; presses < 120; presses++) {
      const state = await focusState(selector, frame);
      if (state.on) {
        expect(state.ringed, `focus ring on ${state.what}`).toBe(true);
        return;
      }
      trail.push(state.what);
      await session.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${selector}${frame ? ` in the ${frame} frame` : ''}: ${trail.slice(-8).join(' → ')}`);
  }

  /** After a swap: focus is (still, or again) on `selector`, with its ring showing. */
  async function expectFocusOn(selector: string, frame?: string): Promise<void> {
    const where = async () => {
      const state = await focusState(selector, frame);
      return state.on && state.ringed ? 'there, ringed' : `${state.what}${state.on ? ', no ring' : ''}`;
    };
    await expect.poll(where, { message: `focus on ${selector}${frame ? ` in the ${frame} frame` : ''}` }).toBe('there, ringed');
  }

  const press = (key: string) => session.page.keyboard.press(key);
  const type = (words: string) => session.page.keyboard.type(words);
  const unexpected = (expected: RegExp[] = []) => session.problems.list.filter((line) => !expected.some((pattern) => pattern.test(line)));

  it('lesson 1, like: the menu opens and closes, each lane counts by Enter and Space, focus stays on the button', async () => {
    await openLesson('like');
    await tabTo('.lesson-menu summary');
    await press('Enter');
    expect(await session.page.locator('.lesson-menu').getAttribute('open')).toBe('');
    await press('Escape');
    expect(await session.page.locator('.lesson-menu').getAttribute('open')).toBeNull();

    await tabTo('#like-button');
    await press('Enter');
    await expect.poll(() => text('#count')).toBe('1');
    await press('Space');
    await expect.poll(() => text('#count')).toBe('2');

    await tabTo('#like-section button');
    await press('Enter');
    await expect.poll(() => text('#like-section button')).toContain('(1)');
    // outerHTML swapped the focused button away: focus is on the new one, so the next key works too
    await expectFocusOn('#like-section button');
    await press('Space');
    await expect.poll(() => text('#like-section button')).toContain('(2)');
    await expectFocusOn('#like-section button');

    await press('ArrowRight'); // the walkthrough's next step, from wherever focus is
    expect(new URL(session.page.url()).searchParams.get('step')).toBe('2');
    expect(unexpected()).toEqual([]);
  });

  it('lesson 2, toggle: the signed-out switch by Space, log in, like and unlike on each lane by Enter', async () => {
    await openLesson('toggle');
    const signedOut = () => session.page.isChecked('#signed-out');
    await tabTo('#signed-out');
    await press('Space');
    await expect.poll(signedOut).toBe(true);
    await expectFocusOn('#signed-out'); // the switch was swapped for a new one, and focus went with it

    // The htmx lane finds out when it next asks: the server answers with a log-in button, then logs in.
    const htmxButton = '#toggle-section button';
    await tabTo(htmxButton);
    await press('Enter');
    await expect.poll(() => text(htmxButton)).toContain('Log in to like');
    await expectFocusOn(htmxButton);
    await press('Enter');
    await expect.poll(() => text(htmxButton)).toContain('Like (0)');
    await expect.poll(signedOut).toBe(false);
    await press('Enter');
    await expect.poll(() => text(htmxButton)).toContain('Unlike (1)');
    await expectFocusOn(htmxButton);
    await press('Space');
    await expect.poll(() => text(htmxButton)).toContain('Like (0)');
    await expectFocusOn(htmxButton);

    await tabTo('#json-toggle-button', { back: true });
    await press('Enter');
    await expect.poll(() => text('#json-toggle-button')).toContain('Unlike (1)');
    await expectFocusOn('#json-toggle-button');
    // the like sent while signed out: the server's 401 is what brought the log-in button
    expect(unexpected([/^HTTP 401: .*\/toggle\/like$/, /^console error: Failed to load resource: .* 401/])).toEqual([]);
  });

  it('lesson 3, payload: name, comment and a tag typed and ticked, posted from each lane', async () => {
    await openLesson('payload');
    for (const lane of ['json', 'htmx'] as const) {
      await tabTo(`#payload-${lane}-name`);
      await type(`Ann ${lane}`);
      await tabTo(`#payload-${lane}-text`);
      await type('Typed, not clicked.');
      await tabTo(`[data-demo="${lane}"] input[name="tags"]`);
      await press('Space');
      await tabTo(`[data-demo="${lane}"] form button[type="submit"]`);
      await press('Enter');
      const comments = `#payload-${lane}-comments`;
      await expect.poll(() => text(comments)).toContain(`Ann ${lane}`);
      expect(await text(comments)).toContain('Typed, not clicked.');
      expect(await session.page.locator(`${comments} .tag`).count()).toBe(1);
      // still inside the lane's form, whatever the answer replaced
      await expectFocusOn(`[data-demo="${lane}"] form *`);
    }
    expect(unexpected()).toEqual([]);
  });

  it('lesson 4, form: a bad email is marked and focused, fixed by keyboard, and the sign-up welcomed', async () => {
    await openLesson('form');
    for (const lane of ['json', 'htmx'] as const) {
      await tabTo(`#signup-${lane}-name`);
      await type(`ann${lane}`);
      await press('Tab');
      await type('not-an-email');
      await press('Tab');
      await type('long enough');
      await press('Enter');
      await expect.poll(() => text(`#signup-${lane}-email-error`)).toMatch(/does not look like an email/);
      await expectFocusOn(`#signup-${lane}-email`); // the first bad field, ready to fix
      await press('Control+A');
      await type('ann@example.com');
      await tabTo(`#signup-${lane}-password`);
      if (lane === 'htmx') await type('long enough'); // the server never sends the password back
      await press('Enter');
      await expect.poll(() => text(`[data-demo="${lane}"] .welcome`)).toBe(`Welcome, ann${lane}! Your account is ready.`);
      await expectFocusOn(`[data-demo="${lane}"] form *`);
    }
    expect(unexpected([/^HTTP 422: .*\/form\/signups$/, /^console error: Failed to load resource: .* 422/])).toEqual([]);
  });

  it('lesson 5, search: typing in each lane\'s box lists the matches, and the box keeps focus', async () => {
    await openLesson('search');
    for (const [input, results] of [['#json-search-input', '#json-search-results'], ['#htmx-search-input', '#search-results']]) {
      await tabTo(input!);
      await type('kor');
      await expect.poll(() => session.page.locator(`${results} li`).count()).toBeGreaterThan(0);
      expect(await text(`${results} li`)).toMatch(/Korea/);
      await expectFocusOn(input!);
    }
    expect(unexpected()).toEqual([]);
  });

  it('lesson 6, out of band: add by Enter, remove by Tab and Enter; focus never falls to the page', async () => {
    await openLesson('oob');
    for (const lane of ['json', 'htmx'] as const) {
      await tabTo(`#oob-text-${lane}`);
      await type(`milk ${lane}`);
      await press('Enter');
      await expect.poll(() => text(`#oob-list-${lane}`)).toContain(`milk ${lane}`);
      expect(await text(`#oob-count-${lane}`)).toBe('1');
      await expectFocusOn(`#oob-text-${lane}`); // ready for the next item
      await type(`eggs ${lane}`);
      await press('Enter');
      await expect.poll(() => text(`#oob-count-${lane}`)).toBe('2');

      await tabTo(`#oob-list-${lane} li:first-child button`);
      await press('Enter');
      await expect.poll(() => text(`#oob-count-${lane}`)).toBe('1');
      expect(await text(`#oob-list-${lane}`)).not.toContain(`milk ${lane}`);
      // the focused button went with its item: focus is on a control of the lane, not lost
      await expectFocusOn(`[data-demo="${lane}"] input, [data-demo="${lane}"] button`);
    }
    expect(unexpected()).toEqual([]);
  });

  it('lesson 7, failure: a switch armed by Enter, the 500 and then the news on each lane', async () => {
    await openLesson('failure');
    for (const lane of ['json', 'htmx'] as const) {
      await tabTo('#switch-fail', { back: lane === 'htmx' }); // back up from the JSON lane to the strip above
      await press('Enter');
      await expect.poll(() => session.page.getAttribute('#switch-fail', 'aria-pressed')).toBe('true');
      await expectFocusOn('#switch-fail');

      const button = lane === 'json' ? '#json-news-button' : '#htmx-news-demo button';
      await tabTo(button);
      await press('Enter');
      await expect.poll(() => text(`#${lane}-news-error`)).toMatch(/500/);
      await expectFocusOn(button); // the button was disabled while it waited, and has focus again
      await press('Enter');
      await expect.poll(() => session.page.locator(`#${lane}-news time`).count()).toBe(1);
      await expectFocusOn(button);
    }
    expect(unexpected([/^HTTP 500: .*\/failure\/news$/, /^console error: Failed to load resource: .* 500/])).toEqual([]);
  });

  it('lesson 8, two clients: open a task and mark it done on each lane, focus kept through each redraw', async () => {
    await openLesson('two-clients');
    for (const lane of ['json', 'htmx'] as const) {
      const task = lane === 'json' ? '#json-task-list li:first-child button' : '#htmx-tasks li:first-child a';
      const detail = lane === 'json' ? '#json-task' : '#htmx-tasks .task-detail';
      await tabTo(task);
      await press('Enter');
      await expect.poll(() => session.page.locator(`${detail} h4`).count()).toBe(1);
      await expectFocusOn(task);
      await tabTo(`#${lane}-task-toggle`);
      const before = await text(task);
      await press('Enter');
      await expect.poll(() => text(task)).not.toBe(before); // ○ became ✓, or back
      await expectFocusOn(`#${lane}-task-toggle`);
    }
    expect(unexpected()).toEqual([]);
  });

  it('lesson 9, htmx 2 and 4: each frame\'s cases by keyboard, and the compatibility switch keeps focus', async () => {
    await openLesson('htmx2-vs-4');
    for (const frame of ['json', 'htmx']) {
      await tabTo('#like-fixed button', { frame });
      await press('Enter');
      await expect.poll(() => session.page.frameLocator(`iframe[data-frame="${frame}"]`).locator('#like-fixed button').textContent()).toContain('Like (1)');
      await expectFocusOn('#like-fixed button', frame);
      await tabTo('#name-aimed-input', { frame });
      await type('Ann');
      await press('Enter');
      await expect.poll(() => session.page.frameLocator(`iframe[data-frame="${frame}"]`).locator('#name-aimed-result').textContent()).toContain('Ann');
      await tabTo('#add-item', { frame });
      await press('Space');
      await expect.poll(() => session.page.frameLocator(`iframe[data-frame="${frame}"]`).locator('#item-count').textContent()).toBe('1');
    }
    await tabTo('#compat-switch', { back: true });
    await press('Enter');
    await expect.poll(() => session.page.getAttribute('#compat-switch', 'aria-pressed')).toBe('true');
    await expectFocusOn('#compat-switch');
    await press('Enter');
    await expect.poll(() => session.page.getAttribute('#compat-switch', 'aria-pressed')).toBe('false');
    await expectFocusOn('#compat-switch');
    expect(unexpected()).toEqual([]);
  });
});
