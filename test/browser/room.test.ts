// A workshop room in Chromium: one instructor (the key, then the cookie) and three learners, each in a context of
// their own. Follow, the pulse, the room's slow motion, who may reset what, and the console as projected.
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { hasChromium, launchChromium, saveScreenshot, watchPage, type PageProblems } from '../support/browser.js';
import { useServer } from '../support/suite.js';

const key = 'room-test-key';

// Four browsers at once on a shared two-core machine: each test gets a minute, each wait a few seconds.
describe.skipIf(!hasChromium)('a workshop room in Chromium', { timeout: 60_000 }, () => {
  const server = useServer({ instructorKey: key });
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let watched: PageProblems[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(() => {
    for (const lesson of lessons) lesson.reset?.();
    server.demo.room.setLatency(0);
    server.demo.room.leader = undefined; // no instructor yet: learners stay where they open
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    // Nothing red in any DevTools: no console error, no CSP violation, no failed request.
    expect(watched.flatMap((problems) => problems.list)).toEqual([]);
    watched = [];
  });

  async function person(path: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    watched.push(await watchPage(page));
    await page.goto(server.url + path);
    return page;
  }

  /** The instructor: the key once (the address bar then shows /present, no key), then lesson pages lead the room. */
  async function instructor(path = '/lessons/like?step=1'): Promise<{ page: Page; console: Page }> {
    const console = await person(`/present?key=${key}`);
    expect(new URL(console.url()).search).toBe('');
    const page = await console.context().newPage();
    await page.goto(server.url + path);
    await expect.poll(() => server.demo.room.leader?.step, { timeout: 5000 }).toBe(new URL(server.url + path).searchParams.get('step'));
    return { page, console };
  }

  /** Three learners on `path`, each counted by the room before the test goes on. */
  async function learners(path = '/lessons/like'): Promise<Page[]> {
    const pages = await Promise.all([1, 2, 3].map(() => person(path)));
    await expect.poll(() => server.demo.room.learnerCount(), { timeout: 5000 }).toBe(3);
    return pages;
  }

  const where = (page: Page) => page.evaluate(() => location.pathname + location.search);

  /** Every request the server is sent, with when and whose cookie: when a follower's page asks for a new lesson. */
  const requests: Array<{ at: number; url: string; cookie: string }> = [];
  beforeAll(() => {
    server.server.on('request', (req) => requests.push({ at: performance.now(), url: req.url ?? '', cookie: req.headers.cookie ?? '' }));
  });

  /**
   * Does `move` (the instructor's) and says, counted from when the room heard the instructor's new place and as the
   * server saw it (the click's own time left out): when the last of `followers` moved (asked for the new page, or
   * took the step in place) and when the last one's page told the room it is there.
   */
  async function followTime(move: () => Promise<unknown>, lesson: string, step: string, followers: Page[]): Promise<{ moved: number; joined: number }> {
    const { room } = server.demo;
    const ids = await Promise.all(followers.map(async (page) => (await page.context().cookies()).find((c) => c.name === 'hxd_visitor')!.value));
    const path = `/lessons/${lesson}?step=${step}`;
    let led: number | undefined;
    let joined: number | undefined;
    const watch = setInterval(() => {
      if (led === undefined && room.leader?.lesson === lesson && room.leader.step === step) led = performance.now();
      const spot = room.spots().find((s) => s.lesson === lesson && s.step === step);
      if (led !== undefined && joined === undefined && spot?.learners === followers.length) joined = performance.now();
    }, 5);
    try {
      await move();
      await expect.poll(() => joined, { timeout: 8000, interval: 20 }).toBeDefined();
    } finally {
      clearInterval(watch);
    }
    // A page load starts with the page's request; a step in place is there when the room hears of it.
    const asked = ids.map((id) => requests.find((r) => r.at >= led! && r.url === path && r.cookie.includes(`hxd_visitor=${id}`))?.at);
    const moved = asked.every((at) => at !== undefined) ? Math.max(...(asked as number[])) : joined!;
    return { moved: moved - led!, joined: joined! - led! };
  }

  it('learners who follow reach the instructor\'s step and lesson within a second; one who opted out stays put', async () => {
    const { page: lead } = await instructor();
    const [a, b, c] = await learners();
    await expect(a!.textContent('#room-bar')).resolves.toContain('Following the instructor');

    await c!.click('#follow-toggle button');
    await c!.waitForSelector('#follow-toggle[data-following="false"]');
    expect(await c!.textContent('#follow-toggle')).toContain('Not following the instructor');

    // A step in place: the instructor's Next.
    const inPlace = await followTime(() => lead.click('[data-walk-next]'), 'like', '2', [a!, b!]);
    expect(inPlace.moved).toBeLessThan(1000);
    for (const page of [a!, b!]) {
      expect(await where(page)).toBe('/lessons/like?step=2');
      expect(await page.textContent('[data-walk-status]')).toMatch(/^Step 2 of \d+$/);
    }

    // Another lesson: the followers' pages load it.
    const newPage = await followTime(() => lead.goto(`${server.url}/lessons/oob?step=3`), 'oob', '3', [a!, b!]);
    expect(newPage.moved).toBeLessThan(1000);
    for (const page of [a!, b!]) {
      await expect.poll(() => where(page)).toBe('/lessons/oob?step=3');
      expect(await page.textContent('[data-walk-status]')).toMatch(/^Step 3 of \d+$/);
    }
    console.info(`follow: a step in place ${Math.round(inPlace.joined)} ms; another lesson asked for after ${Math.round(newPage.moved)} ms, `
      + `its page in the room after ${Math.round(newPage.joined)} ms`);

    // The one who stopped following is where they were, and the choice is remembered on a reload.
    expect(await where(c!)).toBe('/lessons/like');
    await c!.reload();
    await c!.waitForTimeout(300);
    expect(await where(c!)).toBe('/lessons/like');
    expect(await c!.getAttribute('#follow-toggle', 'data-following')).toBe('false');

    // Turning it back on goes to the instructor at once.
    await c!.click('#follow-toggle button');
    await expect.poll(() => where(c!), { timeout: 3000 }).toBe('/lessons/oob?step=3');
  });

  it('the console counts Done and Stuck for the instructor\'s step, and clears them when the step changes', async () => {
    const { page: lead, console } = await instructor();
    const [a, b, c] = await learners();
    const counts = async () => ({
      learners: await console.textContent('[data-learner-count]'),
      done: await console.textContent('[data-pulse-done] b'),
      stuck: await console.textContent('[data-pulse-stuck] b'),
      waiting: (await console.textContent('[data-pulse-waiting]'))!.trim(),
    });

    await a!.click('#pulse .pulse-done');
    await b!.click('#pulse .pulse-done');
    await c!.click('#pulse .pulse-stuck');
    await a!.waitForSelector('#pulse .pulse-done[aria-pressed="true"]');
    await c!.waitForSelector('#pulse .pulse-stuck[aria-pressed="true"]');
    await expect.poll(counts, { timeout: 3000 }).toEqual({ learners: '3', done: '2', stuck: '1', waiting: '0 not yet' });
    expect(await console.textContent('tr.spot-leader')).toMatch(/step 1\s+3\s+2\s+1/);

    // A learner changes their mind: the counts still add up to the room.
    await a!.click('#pulse .pulse-stuck');
    await a!.waitForSelector('#pulse .pulse-stuck[aria-pressed="true"]');
    await expect.poll(counts, { timeout: 3000 }).toEqual({ learners: '3', done: '1', stuck: '2', waiting: '0 not yet' });
    await saveScreenshot(console, 'present-pulse');

    // The instructor moves on: the counts and every learner's buttons are cleared.
    await lead.click('[data-walk-next]');
    await expect.poll(counts, { timeout: 3000 }).toEqual({ learners: '3', done: '0', stuck: '0', waiting: '3 not yet' });
    for (const page of [a!, b!, c!]) {
      await expect.poll(() => page.locator('#pulse [aria-pressed="true"]').count()).toBe(0);
      expect(await page.inputValue('#pulse input[name="step"]')).toBe('2');
    }
  });

  it('room slow motion set on the console shows on a learner\'s banner and in their round trip', async () => {
    const { console } = await instructor();
    const [a] = await learners();
    expect(await a!.isVisible('[data-slow-motion]')).toBe(false);

    await console.click('#present-latency button[value="800"]');
    await console.waitForSelector('#present-latency button[value="800"][aria-pressed="true"]');
    await expect.poll(() => a!.textContent('[data-slow-motion]')).toBe('Slow motion: 800 ms');
    expect(await a!.isVisible('[data-slow-motion]')).toBe(true);

    await a!.click('#like-section button');
    const roundTrip = a!.locator('#wire-like-htmx [data-round-trip]').first();
    await expect.poll(() => roundTrip.textContent(), { timeout: 5000 }).toMatch(/round trip \d+ ms/);
    expect(Number(/(\d+) ms/.exec((await roundTrip.textContent())!)![1])).toBeGreaterThanOrEqual(800);
    await saveScreenshot(a!, 'room-learner-slow-motion');

    await console.click('#present-latency button[value="0"]');
    await expect.poll(() => a!.isVisible('[data-slow-motion]')).toBe(false);
  });

  it('a learner gets 403 on the console and on a shared reset, and sees only their own reset', async () => {
    const [a] = await learners('/lessons/toggle');
    expect((await a!.goto(`${server.url}/present`))!.status()).toBe(403);
    expect((await a!.goto(`${server.url}/present?key=not-the-key`))!.status()).toBe(403);
    await a!.goto(`${server.url}/lessons/toggle`);
    expect(await a!.locator('form[action$="/reset"] button').allTextContents()).toEqual(['Reset my state']);
    expect(await a!.textContent('.lesson-state')).toContain('Shared with everyone:');
    const status = await a!.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
      const res = await fetch('/lessons/toggle/reset', { method: 'POST', headers: { 'X-CSRF-Token': token } });
      return res.status;
    });
    expect(status).toBe(403);
    // The two 403s above are this test's own doing.
    for (const problems of watched) problems.list = problems.list.filter((line) => !/HTTP 403|status of 403/.test(line));
  });

  it('a learner\'s reset leaves another learner\'s list alone', async () => {
    const [a, b] = await learners('/lessons/oob');
    for (const [page, text] of [[a!, 'milk from A'], [b!, 'bread from B']] as const) {
      await page.fill('#oob-text-htmx', text);
      await page.click('#oob-form-htmx button');
      await expect.poll(() => page.textContent('#oob-list-htmx')).toContain(text);
    }
    await b!.click('form[action="/lessons/oob/reset"] button');
    await b!.waitForURL(/\/lessons\/oob(\?step=\w+)?$/); // the reset keeps the walkthrough's step
    expect(await b!.textContent('#oob-list-htmx')).not.toContain('bread from B');
    await a!.reload();
    expect(await a!.textContent('#oob-list-htmx')).toContain('milk from A');
  });

  it('the console, projected at 1280x720 and on a phone', async () => {
    const { console } = await instructor('/lessons/like?step=2');
    const [a, b] = await learners();
    await a!.click('#pulse .pulse-done');
    await b!.click('#pulse .pulse-stuck');
    await person('/lessons/oob?step=1');
    await console.click('#present-latency button[value="800"]');
    await expect.poll(() => console.textContent('[data-learner-count]'), { timeout: 3000 }).toBe('4');
    await expect.poll(() => console.textContent('[data-pulse-stuck] b'), { timeout: 3000 }).toBe('1');
    await saveScreenshot(console, 'present-1280');
    await console.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(console, 'present-390', { fullPage: true });
  });
});
