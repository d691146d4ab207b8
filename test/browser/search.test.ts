// Lesson 5 in Chromium: a learner types in both search boxes; results, marks, traffic, and no stale answer ever wins.
import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { expectCodePanelsOnDisk, hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';
import { startServer } from '../support/server.js';

const lanes = [
  { id: 'json', input: '#json-search-input', results: '#json-search-results', path: '/api/search' },
  { id: 'htmx', input: '#htmx-search-input', results: '#search-results', path: '/search/' },
] as const;
type Lane = (typeof lanes)[number];

describe.skipIf(!hasChromium)('lesson 5 (search) in Chromium', () => {
  const session = useBrowserSession();

  /** What the learner sees in a lane's result area. */
  const seen = (lane: Lane) => ({
    status: () => session.page.textContent(`${lane.results} .search-status`),
    names: () => session.page.locator(`${lane.results} li`).allTextContents(),
    marks: () => session.page.locator(`${lane.results} mark`).allTextContents(),
    more: () => session.page.locator(`${lane.results} .search-more`).allTextContents(),
  });

  it.each(lanes)('the $id lane searches as the learner types, marks the match, and shows the traffic', async (lane) => {
    const requests: string[] = [];
    session.page.on('request', (request) => { if (new URL(request.url()).pathname === lane.path) requests.push(request.url()); });
    await session.page.goto(session.server.url + '/lessons/search');
    const view = seen(lane);
    expect(await view.status()).toBe('Type part of a country’s name, in English or Korean.');

    await session.page.locator(lane.input).pressSequentially('kor', { delay: 40 });
    // Marked "Kor", not "Ko": the answer for the whole word (a slow machine may show the one for "ko" first).
    await expect.poll(view.marks).toEqual(['Kor', 'Kor']);
    expect(await view.names()).toEqual(['North Korea 북한', 'South Korea 대한민국']);
    expect(await view.status()).toBe('2 matches');
    // The answer replaced the list, not the box: the learner can keep typing.
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe(lane.input.slice(1));
    // Debounced: three quick keys, far fewer than three searches, and the last one is for the whole word.
    expect(requests.at(-1)).toMatch(/\?q=kor$/);
    expect(requests.length).toBeLessThan(3);

    // Korean text matches too (typed as text, as an IME hands it over), marked in the Korean name.
    await session.page.fill(lane.input, '대한');
    await expect.poll(view.names).toEqual(['South Korea 대한민국']);
    expect(await view.marks()).toEqual(['대한']);

    // Case and accents do not count.
    await session.page.fill(lane.input, 'COTE');
    await expect.poll(view.names).toEqual(['Côte d\'Ivoire 코트디부아르']);
    expect(await view.marks()).toEqual(['Côte']);

    // The inspector lists the lane's own GETs, newest first.
    const newest = session.page.locator(`#wire-search-${lane.id} li`).first();
    await expect.poll(() => newest.textContent()).toMatch(/200\s+GET\s+\/(api\/)?search\/?\?q=COTE/);
    if (lane.id === 'htmx') {
      expect(await newest.textContent()).toContain('HX-Request');
      expect(await newest.textContent()).toMatch(/vary\s*HX-Request/i);
      expect(await newest.locator('pre.body').first().textContent()).toContain('<mark>Côte</mark>');
    } else {
      expect(await newest.locator('pre.body').first().textContent()).toContain('"match": {');
    }
    await expect.poll(() => session.page.locator(`[data-steps="${lane.id}"] li.lit`).count()).toBe(4);
    expect(session.problems.list).toEqual([]);
  });

  it.each(lanes)('the $id lane says when nothing matches, counts what is not shown, and shows hostile text as text', async (lane) => {
    await session.page.goto(session.server.url + '/lessons/search');
    const view = seen(lane);

    await session.page.fill(lane.input, 'a');
    await expect.poll(view.status).toMatch(/^\d+ matches$/);
    const total = Number.parseInt((await view.status())!, 10);
    expect(total).toBeGreaterThan(100);
    expect(await view.names()).toHaveLength(20);
    expect(await view.more()).toEqual([`…and ${total - 20} more: keep typing to narrow the list.`]);

    await session.page.fill(lane.input, 'zzz');
    await expect.poll(view.status).toBe('No country matches “zzz”.');
    expect(await view.names()).toEqual([]);
    expect(await view.more()).toEqual([]);

    const hostile = '"><img src=x onerror=alert(1)>$&';
    await session.page.fill(lane.input, hostile);
    await expect.poll(view.status).toBe(`No country matches “${hostile}”.`);
    expect(await session.page.locator('[data-demo] img').count()).toBe(0);

    // Emptying the box brings the hint back.
    await session.page.fill(lane.input, '');
    await expect.poll(view.status).toBe('Type part of a country’s name, in English or Korean.');
    expect(session.problems.list).toEqual([]); // an alert() would be listed here
  });

  it.each(lanes)('the $id lane answers for the text in the box after Enter and after ✕, whatever it searched before', async (lane) => {
    await session.page.goto(session.server.url + '/lessons/search');
    const view = seen(lane);
    const box = session.page.locator(lane.input);

    // `kor` searched; then `ch` typed and Enter pressed before the pause ends; then `kor` again.
    await box.fill('kor');
    await expect.poll(view.status).toBe('2 matches');
    await box.fill('ch');
    await box.press('Enter');
    await expect.poll(view.status).toBe('6 matches');
    await box.fill('kor');
    await expect.poll(view.status).toBe('2 matches');
    expect(await view.names()).toEqual(['North Korea 북한', 'South Korea 대한민국']);

    // From a fresh page: `kor` searched, the box's ✕ (Escape does the same: `input`, then `search`), `kor` again.
    await session.page.reload();
    await box.fill('kor');
    await expect.poll(view.status).toBe('2 matches');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    await expect.poll(view.status).toBe('Type part of a country’s name, in English or Korean.');
    await box.fill('kor');
    await expect.poll(view.status).toBe('2 matches');
    expect(await view.names()).toEqual(['North Korea 북한', 'South Korea 대한민국']);
    expect(session.problems.list).toEqual([]);
  });

  it('with latency, typing fast never leaves a stale list on either lane', async () => {
    // Shorter queries answer slower, by more than the pause between keys: sent c, ch, chi, chin, the answers
    // would land chin, chi, ch, c. Without abort and ordering, "c" would be the list left on screen.
    const delays: Record<number, number> = { 1: 3000, 2: 2000, 3: 1000 };
    const answered: Array<Promise<void>> = [];
    const latencyMs = (ctx: Context) => {
      const q = typeof ctx.query.q === 'string' ? ctx.query.q : '';
      const ms = delays[q.length] ?? 0;
      answered.push(new Promise((resolve) => setTimeout(resolve, ms + 100)));
      return ms;
    };
    const slow = await startServer({ latencyMs });
    try {
      const sent: Record<string, string[]> = { json: [], htmx: [] };
      session.page.on('request', (request) => {
        const url = new URL(request.url());
        const lane = lanes.find((l) => url.pathname === l.path);
        if (lane) sent[lane.id]!.push(url.searchParams.get('q')!);
      });
      await session.page.goto(slow.url + '/lessons/search');
      for (const lane of lanes) {
        // A pause longer than the 300 ms debounce after each key: every prefix gets its own request.
        await session.page.locator(lane.input).pressSequentially('chin', { delay: 600 });
      }
      for (const lane of lanes) await expect.poll(seen(lane).names, { timeout: 5000 }).toEqual(['China 중국']);
      // Every slow answer has now been sent (to a browser that stopped listening); none of them may win.
      await Promise.all(answered);
      await session.page.waitForTimeout(300);
      for (const lane of lanes) {
        expect(sent[lane.id]!.length, `${lane.id}: several searches were on the wire`).toBeGreaterThan(1);
        expect(sent[lane.id]!.at(-1)).toBe('chin');
        expect(await seen(lane).names()).toEqual(['China 중국']);
        expect(await seen(lane).status()).toBe('1 match');
        expect(await seen(lane).marks()).toEqual(['Chin']);
        expect(await session.page.isHidden('#json-search-indicator')).toBe(true);
        expect(await session.page.getAttribute('#htmx-search-indicator', 'class')).not.toContain('htmx-request');
      }
      expect(session.problems.list).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('shows each lane\'s indicator while its search is on the wire', async () => {
    const slow = await startServer({ latencyMs: 800 });
    try {
      await session.page.goto(slow.url + '/lessons/search');
      await session.page.fill('#json-search-input', 'peru');
      await expect.poll(() => session.page.isVisible('#json-search-indicator')).toBe(true);
      await expect.poll(seen(lanes[0]).names, { timeout: 5000 }).toEqual(['Peru 페루']);
      expect(await session.page.isVisible('#json-search-indicator')).toBe(false);

      const htmxIndicator = session.page.locator('#htmx-search-indicator');
      await session.page.fill('#htmx-search-input', 'peru');
      await expect.poll(() => htmxIndicator.getAttribute('class')).toContain('htmx-request');
      await expect.poll(seen(lanes[1]).names, { timeout: 5000 }).toEqual(['Peru 페루']);
      await expect.poll(() => htmxIndicator.getAttribute('class')).not.toContain('htmx-request');
      expect(session.problems.list).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('a search URL opened in the address bar is the whole page with its results, and searching goes on from there', async () => {
    await session.page.goto(session.server.url + '/search/?q=guinea');
    expect(await session.page.title()).toContain('Active search');
    expect(await session.page.inputValue('#htmx-search-input')).toBe('guinea');
    const view = seen(lanes[1]);
    expect(await view.names()).toEqual(['Guinea 기니', 'Guinea-Bissau 기니비사우', 'Equatorial Guinea 적도 기니', 'Papua New Guinea 파푸아뉴기니']);
    await session.page.locator('#htmx-search-input').press('End');
    await session.page.locator('#htmx-search-input').pressSequentially('-');
    await expect.poll(view.names).toEqual(['Guinea-Bissau 기니비사우']);
    expect(session.problems.list).toEqual([]);
  });

  it('speaks Korean: Korean names first, Korean words, Korean order', async () => {
    await session.page.goto(session.server.url + '/lessons/search?lang=ko');
    for (const lane of lanes) {
      const view = seen(lane);
      expect(await view.status()).toBe('나라 이름의 일부를 영어나 한국어로 입력하세요.');
      await session.page.fill(lane.input, '공화국');
      await expect.poll(view.status).toBe('검색 결과 5개');
      expect(await view.names()).toEqual([
        '남아프리카 공화국 South Africa', '도미니카 공화국 Dominican Republic', '중앙아프리카 공화국 Central African Republic',
        '콩고 공화국 Congo', '콩고 민주 공화국 DR Congo',
      ]);
      await session.page.fill(lane.input, 'xyz');
      await expect.poll(view.status).toBe('“xyz”에 맞는 나라가 없습니다.');
    }
    expect(session.problems.list).toEqual([]);
  });

  it('the code panels show the very files that run, and the page looks right', async () => {
    await session.page.goto(session.server.url + '/lessons/search');
    await expectCodePanelsOnDisk(session.page, ['src/lessons/search/public/search.js', 'src/lessons/search/views/htmx.ejs', 'src/lessons/search/views/_results.ejs']);
    for (const lane of lanes) await session.page.fill(lane.input, 'an');
    for (const lane of lanes) await expect.poll(seen(lane).more).toHaveLength(1);
    await saveScreenshot(session.page, 'lesson-search', { fullPage: true });
    expect(session.problems.list).toEqual([]);
  });
});
