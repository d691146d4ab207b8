// Lesson 8 in a real browser: the same tasks through the JSON API and through HTML, the curl line, and a fragment
// URL opened directly (with and without JavaScript).
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserSession } from '../support/browser.js';

describe.skipIf(!hasChromium)('lesson 8 in Chromium', () => {
  const session = useBrowserSession();

  const jsonList = () => session.page.locator('#json-task-list button').allTextContents();
  const htmxList = () => session.page.locator('#htmx-tasks .task-list a').allTextContents();

  it('both lanes show the same tasks: the JSON lane draws what /api/v1 sends, the htmx lane swaps HTML', async () => {
    await session.page.goto(session.server.url + '/lessons/two-clients');
    await expect.poll(jsonList).toHaveLength(5);
    expect(await jsonList()).toEqual(await htmxList());

    const [jsonResponse] = await Promise.all([
      session.page.waitForResponse((r) => r.url().endsWith('/api/v1/tasks/2')),
      session.page.click('#json-task-list button >> nth=1'),
    ]);
    expect(await jsonResponse.json()).toEqual({ id: 2, title: 'Start htmx-demo', done: false });
    await expect.poll(() => session.page.textContent('#json-task h4')).toBe('Start htmx-demo');
    expect(await session.page.getAttribute('#json-task-list button >> nth=1', 'aria-current')).toBe('true');

    const [htmxResponse] = await Promise.all([
      session.page.waitForResponse((r) => r.url().endsWith('/two-clients/tasks/2')),
      session.page.click('#htmx-task-2'),
    ]);
    expect(htmxResponse.request().headers()['hx-request']).toBe('true');
    expect(htmxResponse.headers()['vary']).toMatch(/HX-Request/i);
    await expect.poll(() => session.page.textContent('#htmx-tasks h4')).toBe('Start htmx-demo');
    expect(session.page.url()).toBe(session.server.url + '/lessons/two-clients'); // a swap, not a navigation
    expect(await session.page.getAttribute('#htmx-task-2', 'aria-current')).toBe('true');

    await expect.poll(() => session.page.locator('#wire-two-clients-json li').first().textContent()).toMatch(/GET\s+\/api\/v1\/tasks\/2\s+200/);
    await expect.poll(() => session.page.locator('#wire-two-clients-htmx li').first().textContent()).toMatch(/GET\s+\/two-clients\/tasks\/2\s+200[\s\S]*vary\s*HX-Request/i);
    expect(session.problems.list).toEqual([]);
  });

  it('a change through one client shows in the other once it asks again; the JSON lane\'s copy goes stale until then', async () => {
    await session.page.goto(session.server.url + '/lessons/two-clients');
    await expect.poll(jsonList).toHaveLength(5);
    await session.page.click('#htmx-task-3');
    await session.page.click('#htmx-task-toggle');
    await expect.poll(() => session.page.textContent('#htmx-task-3')).toBe('✓ Compare the two lanes');
    expect((await jsonList())[2]).toBe('○ Compare the two lanes'); // the script's own copy
    await session.page.click('#json-tasks-reload');
    await expect.poll(async () => (await jsonList())[2]).toBe('✓ Compare the two lanes');

    const [patch] = await Promise.all([
      session.page.waitForRequest((r) => r.method() === 'PATCH'),
      (async () => {
        await session.page.click('#json-task-list button >> nth=0');
        await session.page.waitForSelector('#json-task-toggle');
        await session.page.click('#json-task-toggle');
      })(),
    ]);
    expect(patch.url()).toBe(session.server.url + '/api/v1/tasks/1');
    expect(patch.headers()['x-csrf-token']).toMatch(/\S/);
    expect(patch.postDataJSON()).toEqual({ done: true });
    await expect.poll(async () => (await jsonList())[0]).toBe('✓ Bring a laptop with Node 20');
    expect(await session.page.textContent('#json-task-toggle')).toBe('Mark not done');
    await session.page.reload();
    expect((await htmxList())[0]).toBe('✓ Bring a laptop with Node 20');
    expect(session.problems.list).toEqual([]);
  });

  it('the curl line names this server and answers what the JSON lane shows', async () => {
    await session.page.goto(session.server.url + '/lessons/two-clients');
    const line = (await session.page.textContent('#curl-line'))!;
    expect(line).toBe(`curl '${session.server.url}/api/v1/tasks'`);
    // One click selects the whole line, ready to copy.
    await session.page.click('#curl-line');
    expect(await session.page.evaluate(() => window.getSelection()?.toString())).toBe(line);
    const viaCurl = (await (await fetch(/^curl '([^']+)'$/.exec(line)![1]!)).json()) as { tasks: Array<{ title: string; done: boolean }> };
    await expect.poll(jsonList).toEqual(viaCurl.tasks.map((t) => `${t.done ? '✓' : '○'} ${t.title}`));
    expect(session.problems.list).toEqual([]);
  });

  it('opening the fragment URL directly gives the whole page, with that task open', async () => {
    await session.page.goto(session.server.url + '/lessons/two-clients');
    await session.page.click('#htmx-task-4');
    await session.page.waitForSelector('.fragment-url a');
    const [response] = await Promise.all([session.page.waitForNavigation(), session.page.click('.fragment-url a')]);
    expect(session.page.url()).toBe(session.server.url + '/two-clients/tasks/4');
    expect(response!.headers()['vary']).toMatch(/HX-Request/i);
    expect(await session.page.title()).toBe('One backend, two clients · htmx-demo');
    expect(await session.page.textContent('#htmx-tasks h4')).toBe('Try the network-down switch');
    expect(await session.page.locator('.lesson-nav').count()).toBe(1);
    await expect.poll(jsonList).toHaveLength(5); // the whole page, JSON lane and all
    // The same from the address bar.
    await session.page.goto(session.server.url + '/two-clients/tasks');
    expect(await session.page.locator('.lanes .lane').count()).toBe(2);
    expect(await session.page.textContent('#htmx-tasks .task-detail')).toBe('Pick a task to see it.');
    expect(session.problems.list).toEqual([]);
  });

  it('with JavaScript off, the htmx lane\'s links and form still work: every answer is a whole page', async () => {
    const plain = await session.open({ javaScriptEnabled: false }, '/lessons/two-clients');
    await plain.click('#htmx-task-5');
    expect(plain.url()).toBe(session.server.url + '/two-clients/tasks/5');
    expect(await plain.textContent('#htmx-tasks h4')).toBe('Write down one question');
    await plain.click('#htmx-task-toggle');
    await plain.waitForURL(session.server.url + '/two-clients/tasks/5');
    expect(await plain.textContent('#htmx-task-5')).toBe('✓ Write down one question');
    expect(await plain.textContent('#htmx-task-toggle')).toBe('Mark not done');
    expect(session.problems.list).toEqual([]);
  });

  it('speaks Korean, down to the words the JSON lane\'s script writes, and fits a phone', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(session.server.url + '/lessons/two-clients?lang=ko');
    await expect.poll(async () => (await jsonList())[0]).toBe('○ Node 20이 설치된 노트북 가져오기');
    await session.page.click('#json-task-list button >> nth=1');
    await expect.poll(() => session.page.textContent('#json-task-toggle')).toBe('완료로 표시');
    await session.page.click('#htmx-task-2');
    await expect.poll(() => session.page.textContent('#htmx-task-toggle')).toBe('완료로 표시');
    expect(await session.page.textContent('#curl-line')).toBe(`curl '${session.server.url}/api/v1/tasks?lang=ko'`);
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(session.problems.list).toEqual([]);
  });
});
