// Lesson 6 in a real browser: one "Add" on each lane updates the lane's list and the badge in the header line
// above the lanes; removals and refusals too. Hostile text stays text.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

describe.skipIf(!hasChromium)('lesson 6 in Chromium', () => {
  const session = useBrowserSession({ path: '/lessons/oob' });

  type Lane = 'json' | 'htmx';
  const itemsOf = (lane: Lane) => session.page.locator(`#oob-list-${lane} li span`).allTextContents();
  const badgeOf = (lane: Lane) => session.page.textContent(`#oob-count-${lane}`);

  /** Types an item and presses Add, as a learner would; resolves with the answer. */
  async function add(lane: Lane, text: string) {
    await session.page.fill(`#oob-text-${lane}`, text);
    const [response] = await Promise.all([
      session.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`${lane === 'json' ? '/api' : ''}/oob/items`)),
      session.page.click(`#oob-form-${lane} button`),
    ]);
    return response;
  }

  it('one Add updates two places on each lane: the list, and the badge in the header', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      expect(await badgeOf(lane)).toBe('0');
      expect(await session.page.locator(`#oob-list-${lane}`).evaluate((list) => getComputedStyle(list, '::before').content)).toContain('Nothing on the list yet.');
      await add(lane, 'milk');
      await expect.poll(() => itemsOf(lane)).toEqual(['milk']);
      await expect.poll(() => badgeOf(lane)).toBe('1');
      await add(lane, '우유 🥛');
      await expect.poll(() => itemsOf(lane)).toEqual(['milk', '우유 🥛']);
      await expect.poll(() => badgeOf(lane)).toBe('2');
      // The form is ready for the next item: empty, with the cursor in it.
      expect(await session.page.inputValue(`#oob-text-${lane}`)).toBe('');
      await expect.poll(() => session.page.evaluate(() => document.activeElement?.id)).toBe(`oob-text-${lane}`);
    }
    // The badges sit outside both lanes, in the lesson-wide area above them.
    expect(await session.page.locator('[data-area="controls"] #oob-count-htmx').count()).toBe(1);
    expect(await session.page.locator('[data-demo] .badge').count()).toBe(0);
    // htmx swapped the form; the list and the badge were updated out of band, not replaced by it.
    expect(await session.page.locator('#oob-form-htmx').count()).toBe(1);
    expect(await session.page.locator('[hx-swap-oob]').count()).toBe(0);

    const htmxItem = session.page.locator('#wire-oob-htmx li').first();
    await expect.poll(() => htmxItem.textContent(), { timeout: 5000 }).toMatch(/POST\s+\/oob\/items\s+201/);
    expect(await htmxItem.locator('pre').last().textContent()).toMatch(/hx-swap-oob="beforeend:#oob-list-htmx"[\s\S]*<span id="oob-count-htmx" class="badge" hx-swap-oob="true">2<\/span>/);
    const jsonItem = session.page.locator('#wire-oob-json li').first();
    await expect.poll(() => jsonItem.textContent(), { timeout: 5000 }).toMatch(/POST\s+\/api\/oob\/items\s+201/);
    expect(await jsonItem.textContent()).toMatch(/"count": 2/);
    for (const lane of ['json', 'htmx']) expect(await session.page.locator(`[data-steps="${lane}"] li.lit`).count()).toBe(4);

    await saveScreenshot(session.page, 'lesson-oob', { fullPage: true });
    expect(session.problems.list).toEqual([]);
  });

  it('Remove takes the item off the list and the badge down, on both lanes', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      for (const text of ['milk', 'eggs', 'tea']) await add(lane, text);
      await expect.poll(() => badgeOf(lane)).toBe('3');
      const [response] = await Promise.all([
        session.page.waitForResponse((r) => r.request().method() === 'DELETE'),
        session.page.click(`#oob-list-${lane} li:nth-child(2) button`),
      ]);
      expect(response.status()).toBe(200);
      await expect.poll(() => itemsOf(lane)).toEqual(['milk', 'tea']);
      await expect.poll(() => badgeOf(lane)).toBe('2');
    }
    await session.page.reload();
    for (const lane of ['json', 'htmx'] as const) {
      expect(await itemsOf(lane)).toEqual(['milk', 'tea']);
      expect(await badgeOf(lane)).toBe('2');
    }
    expect(session.problems.list).toEqual([]);
  });

  it('hostile text is shown as text on both lanes, before and after a reload', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      for (const text of hostile) await add(lane, text);
      await expect.poll(() => itemsOf(lane)).toEqual(hostile);
    }
    await session.page.reload();
    for (const lane of ['json', 'htmx'] as const) expect(await itemsOf(lane)).toEqual(hostile);
    expect(await session.page.locator('main img, main script:not([src])').count()).toBe(0);
    expect(await session.page.getAttribute('#oob-list-json li:first-child button', 'aria-label')).toBe(`Remove: ${hostile[0]}`);
    expect(session.problems.list).toEqual([]);
  });

  it('a refused item: htmx swaps in the form with its message, JSON shows its own; the badges stay', async () => {
    await add('htmx', 'milk');
    await add('json', 'milk');
    const refused = await add('htmx', '   ');
    expect(refused.status()).toBe(422);
    await expect.poll(() => session.page.textContent('#oob-problem-htmx')).toBe('Type an item first.');
    expect(await session.page.getAttribute('#oob-text-htmx', 'aria-invalid')).toBe('true');
    const jsonRefused = await add('json', '   ');
    expect(jsonRefused.status()).toBe(422);
    await expect.poll(() => session.page.textContent('#oob-problem-json')).toBe('Type an item first.');
    expect(await badgeOf('htmx')).toBe('1');
    expect(await badgeOf('json')).toBe('1');

    // The next good item clears the message on both.
    await add('htmx', 'eggs');
    await expect.poll(() => session.page.locator('#oob-problem-htmx').count()).toBe(0);
    await add('json', 'eggs');
    await expect.poll(() => session.page.isHidden('#oob-problem-json')).toBe(true);
    expect(session.problems.list.filter((line) => !/422/.test(line))).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 422'))).toHaveLength(2);
  });

  it('the notes\' HX-Trigger alternative works for the lesson\'s own ✕: the badge refreshes through the event', async () => {
    // The trigger the notes tell the learner to write, in both languages (the same one).
    const notesDir = join(import.meta.dirname, '..', '..', 'src', 'lessons', 'oob');
    const written = await Promise.all(['en', 'ko'].map(async (lang) => {
      const notes = await readFile(join(notesDir, `notes.${lang}.md`), 'utf8');
      return /hx-trigger="(list-changed from:[^"]+)"/.exec(notes)?.[1];
    }));
    expect(written[0]).toBeDefined();
    expect(written[1]).toBe(written[0]);

    // The alternative as the notes describe it: the removal answers `HX-Trigger: list-changed`, and a badge
    // fetches itself with hx-get on that trigger (its GET answered here: the lesson itself uses out-of-band).
    const fetched: string[] = [];
    await session.page.route('**/oob/items/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'hx-trigger': 'list-changed' } });
    });
    await session.page.route('**/oob/badge', async (route) => {
      fetched.push(route.request().url());
      await route.fulfill({ contentType: 'text/html', body: String(await itemsOf('htmx').then((items) => items.length)) });
    });
    await add('htmx', 'milk');
    await add('htmx', 'eggs');
    await expect.poll(() => itemsOf('htmx')).toEqual(['milk', 'eggs']);
    await session.page.evaluate((trigger) => {
      const badge = document.createElement('span');
      badge.id = 'event-badge';
      badge.setAttribute('hx-get', '/oob/badge');
      badge.setAttribute('hx-trigger', trigger);
      badge.textContent = '2';
      document.querySelector('.oob-header')!.append(badge);
      (window as unknown as { htmx: { process(element: Element): void } }).htmx.process(badge);
    }, written[0]!);

    await session.page.click('#oob-list-htmx li:first-child button');
    await expect.poll(() => itemsOf('htmx')).toEqual(['eggs']);
    await expect.poll(() => session.page.textContent('#event-badge')).toBe('1');
    expect(fetched).toHaveLength(1);
    expect(session.problems.list).toEqual([]);
  });

  it('works from the keyboard: Enter adds, and adds again', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      await session.page.focus(`#oob-text-${lane}`);
      for (const text of ['bread', 'butter']) {
        await session.page.keyboard.type(text);
        await session.page.keyboard.press('Enter');
        await expect.poll(() => itemsOf(lane).then((items) => items.at(-1))).toBe(text);
      }
      expect(await badgeOf(lane)).toBe('2');
    }
    expect(session.problems.list).toEqual([]);
  });

  it('speaks Korean', async () => {
    await session.page.goto(session.server.url + '/lessons/oob?lang=ko');
    expect(await session.page.textContent('.oob-header')).toContain('장보기 목록');
    await add('htmx', '두부');
    await expect.poll(() => badgeOf('htmx')).toBe('1');
    await add('json', ' ');
    await expect.poll(() => session.page.textContent('#oob-problem-json')).toBe('먼저 항목을 입력하세요.');
    expect(await session.page.getAttribute('#oob-list-htmx li button', 'aria-label')).toBe('삭제: 두부');
  });
});
