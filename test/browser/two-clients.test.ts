// Lesson 8 in a real browser: the same tasks through the JSON API and through HTML, the curl line, and a fragment
// URL opened directly (with and without JavaScript).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../dist/lessons/index.js';
import { hasChromium, launchChromium, type PageProblems, watchPage } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('lesson 8 in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    for (const lesson of lessons) lesson.reset();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    problems = await watchPage(page);
  });
  afterEach(async () => {
    await context.close();
  });

  const jsonList = () => page.locator('#json-task-list button').allTextContents();
  const htmxList = () => page.locator('#htmx-tasks .task-list a').allTextContents();

  it('both lanes show the same tasks: the JSON lane draws what /api/v1 sends, the htmx lane swaps HTML', async () => {
    await page.goto(server.url + '/lessons/two-clients');
    await expect.poll(jsonList).toHaveLength(5);
    expect(await jsonList()).toEqual(await htmxList());

    const [jsonResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/tasks/2')),
      page.click('#json-task-list button >> nth=1'),
    ]);
    expect(await jsonResponse.json()).toEqual({ id: 2, title: 'Start htmx-demo', done: false });
    await expect.poll(() => page.textContent('#json-task h4')).toBe('Start htmx-demo');
    expect(await page.getAttribute('#json-task-list button >> nth=1', 'aria-current')).toBe('true');

    const [htmxResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/two-clients/tasks/2')),
      page.click('#htmx-task-2'),
    ]);
    expect(htmxResponse.request().headers()['hx-request']).toBe('true');
    expect(htmxResponse.headers()['vary']).toMatch(/HX-Request/i);
    await expect.poll(() => page.textContent('#htmx-tasks h4')).toBe('Start htmx-demo');
    expect(page.url()).toBe(server.url + '/lessons/two-clients'); // a swap, not a navigation
    expect(await page.getAttribute('#htmx-task-2', 'aria-current')).toBe('true');

    await expect.poll(() => page.locator('#wire-two-clients-json li').first().textContent()).toMatch(/GET\s+\/api\/v1\/tasks\/2\s+200/);
    await expect.poll(() => page.locator('#wire-two-clients-htmx li').first().textContent()).toMatch(/GET\s+\/two-clients\/tasks\/2\s+200[\s\S]*vary\s*HX-Request/i);
    expect(problems.list).toEqual([]);
  });

  it('a change through one client shows in the other once it asks again; the JSON lane\'s copy goes stale until then', async () => {
    await page.goto(server.url + '/lessons/two-clients');
    await expect.poll(jsonList).toHaveLength(5);
    await page.click('#htmx-task-3');
    await page.click('#htmx-task-toggle');
    await expect.poll(() => page.textContent('#htmx-task-3')).toBe('✓ Compare the two lanes');
    expect((await jsonList())[2]).toBe('○ Compare the two lanes'); // the script's own copy
    await page.click('#json-tasks-reload');
    await expect.poll(async () => (await jsonList())[2]).toBe('✓ Compare the two lanes');

    const [patch] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'PATCH'),
      (async () => {
        await page.click('#json-task-list button >> nth=0');
        await page.waitForSelector('#json-task-toggle');
        await page.click('#json-task-toggle');
      })(),
    ]);
    expect(patch.url()).toBe(server.url + '/api/v1/tasks/1');
    expect(patch.headers()['x-csrf-token']).toMatch(/\S/);
    expect(patch.postDataJSON()).toEqual({ done: true });
    await expect.poll(async () => (await jsonList())[0]).toBe('✓ Bring a laptop with Node 20');
    expect(await page.textContent('#json-task-toggle')).toBe('Mark not done');
    await page.reload();
    expect((await htmxList())[0]).toBe('✓ Bring a laptop with Node 20');
    expect(problems.list).toEqual([]);
  });

  it('the curl line names this server and answers what the JSON lane shows', async () => {
    await page.goto(server.url + '/lessons/two-clients');
    const line = (await page.textContent('#curl-line'))!;
    expect(line).toBe(`curl ${server.url}/api/v1/tasks`);
    // One click selects the whole line, ready to copy.
    await page.click('#curl-line');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(line);
    const viaCurl = (await (await fetch(line.replace(/^curl /, ''))).json()) as { tasks: Array<{ title: string; done: boolean }> };
    await expect.poll(jsonList).toEqual(viaCurl.tasks.map((t) => `${t.done ? '✓' : '○'} ${t.title}`));
    expect(problems.list).toEqual([]);
  });

  it('opening the fragment URL directly gives the whole page, with that task open', async () => {
    await page.goto(server.url + '/lessons/two-clients');
    await page.click('#htmx-task-4');
    await page.waitForSelector('.fragment-url a');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('.fragment-url a')]);
    expect(page.url()).toBe(server.url + '/two-clients/tasks/4');
    expect(response!.headers()['vary']).toMatch(/HX-Request/i);
    expect(await page.title()).toBe('One backend, two clients · htmx-demo');
    expect(await page.textContent('#htmx-tasks h4')).toBe('Try the network-down switch');
    expect(await page.locator('.lesson-nav').count()).toBe(1);
    await expect.poll(jsonList).toHaveLength(5); // the whole page, JSON lane and all
    // The same from the address bar.
    await page.goto(server.url + '/two-clients/tasks');
    expect(await page.locator('.lanes .lane').count()).toBe(2);
    expect(await page.textContent('#htmx-tasks .task-detail')).toBe('Pick a task to see it.');
    expect(problems.list).toEqual([]);
  });

  it('with JavaScript off, the htmx lane\'s links and form still work: every answer is a whole page', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(server.url + '/lessons/two-clients');
      await plain.click('#htmx-task-5');
      expect(plain.url()).toBe(server.url + '/two-clients/tasks/5');
      expect(await plain.textContent('#htmx-tasks h4')).toBe('Write down one question');
      await plain.click('#htmx-task-toggle');
      await plain.waitForURL(server.url + '/two-clients/tasks/5');
      expect(await plain.textContent('#htmx-task-5')).toBe('✓ Write down one question');
      expect(await plain.textContent('#htmx-task-toggle')).toBe('Mark not done');
    } finally {
      await noScript.close();
    }
  });

  it('speaks Korean, down to the words the JSON lane\'s script writes, and fits a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + '/lessons/two-clients?lang=ko');
    await expect.poll(async () => (await jsonList())[0]).toBe('○ Node 20이 설치된 노트북 가져오기');
    await page.click('#json-task-list button >> nth=1');
    await expect.poll(() => page.textContent('#json-task-toggle')).toBe('완료로 표시');
    await page.click('#htmx-task-2');
    await expect.poll(() => page.textContent('#htmx-task-toggle')).toBe('완료로 표시');
    expect(await page.textContent('#curl-line')).toBe(`curl ${server.url}/api/v1/tasks?lang=ko`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems.list).toEqual([]);
  });
});
