// Lesson 3 in a real browser: a learner posts one comment on each lane and compares what the server received.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../dist/lessons/index.js';
import { hasChromium, launchChromium, type PageProblems, watchPage } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';

const screenshotDir = join(import.meta.dirname, '..', '..', 'test-output');
const name = '<b>Ana</b>';
const text = '"><img src=x onerror=alert(1)> <script>alert(2)</script>';

describe.skipIf(!hasChromium)('lesson 3 in Chromium', () => {
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

  /** Fills a lane's comment form as a learner would, and posts it; resolves with the lane's response. */
  async function post(lane: 'json' | 'htmx', tags: string[]) {
    await page.fill(`#payload-${lane}-name`, name);
    await page.fill(`#payload-${lane}-text`, text);
    for (const tag of tags) await page.check(`[data-demo="${lane}"] input[name="tags"][value="${tag}"]`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(lane === 'json' ? '/api/payload/comments' : '/payload/comments')),
      page.click(`[data-demo="${lane}"] button[type="submit"]`),
    ]);
    return response;
  }
  const received = async (lane: string) => JSON.parse((await page.textContent(`#payload-${lane}-received`))!);

  it('both lanes show the comment as text and the value the server received; the wire shows JSON versus form encoding', async () => {
    await page.goto(server.url + '/lessons/payload');

    const json = await post('json', ['idea', 'bug']);
    expect(json.status()).toBe(201);
    await expect.poll(() => page.locator('#payload-json-comments li').count()).toBe(1);
    const nested = { thread: 3, author: { name }, comment: { text, tags: ['idea', 'bug'] } };
    expect(json.request().headers()['content-type']).toBe('application/json');
    expect(json.request().postData()).toBe(JSON.stringify(nested));
    expect(await received('json')).toEqual(nested);
    expect(await page.textContent('#payload-json-type')).toBe('application/json');

    const htmx = await post('htmx', ['idea', 'bug']);
    expect(htmx.status()).toBe(201);
    await expect.poll(() => page.locator('#payload-htmx-comments li').count()).toBe(1);
    const encoded = new URLSearchParams([['text', text], ['tags', 'idea'], ['tags', 'bug'], ['name', name], ['thread', '3']]).toString();
    expect(htmx.request().headers()['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(htmx.request().postData()).toBe(encoded);
    expect(await received('htmx')).toEqual({ text, tags: ['idea', 'bug'], name, thread: '3' });
    expect(await page.textContent('#payload-htmx-type')).toBe('application/x-www-form-urlencoded');

    // The comment is text on both lanes: no markup from it reached the DOM.
    for (const lane of ['json', 'htmx']) {
      const item = page.locator(`#payload-${lane}-comments li`);
      expect(await item.locator('strong').textContent()).toBe(name);
      expect(await item.locator('p').textContent()).toBe(text);
      expect(await item.locator('.tag').allTextContents()).toEqual(['#idea', '#bug']);
    }
    expect(await page.locator('[data-demo] b, [data-demo] img, .comments script').count()).toBe(0);

    // Both forms are ready for the next comment: text and tags cleared, the name kept.
    for (const lane of ['json', 'htmx']) {
      expect(await page.inputValue(`#payload-${lane}-text`)).toBe('');
      expect(await page.locator(`[data-demo="${lane}"] input[name="tags"]:checked`).count()).toBe(0);
      expect(await page.inputValue(`#payload-${lane}-name`)).toBe(name);
    }
    // The htmx lane's form was replaced by the server's: focus went on to its comment field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('payload-htmx-text');

    // The inspector shows each raw body: one JSON object, and flat form-encoded pairs.
    const jsonItem = page.locator('#wire-payload-json li').first();
    const htmxItem = page.locator('#wire-payload-htmx li').first();
    await expect.poll(() => htmxItem.textContent()).toContain('/payload/comments');
    await expect.poll(() => jsonItem.textContent()).toContain('/api/payload/comments');
    expect(await jsonItem.locator('pre.body').first().textContent()).toBe(JSON.stringify(nested));
    expect(await jsonItem.textContent()).toMatch(/Content-Type\s*application\/json/);
    expect(await htmxItem.locator('pre.body').first().textContent()).toBe(encoded);
    expect(await htmxItem.textContent()).toMatch(/Content-Type\s*application\/x-www-form-urlencoded/);
    expect(await htmxItem.textContent()).toMatch(/POST\s+\/payload\/comments\s+201/);

    await mkdir(screenshotDir, { recursive: true });
    // the two demos side by side, as a learner sees them (the whole page with its code panels is slow to capture)
    await page.evaluate(() => document.querySelector('.lanes')!.scrollIntoView());
    await page.screenshot({ path: join(screenshotDir, 'lesson-payload.png') });
    expect(problems.list).toEqual([]);
  });

  it('one ticked tag arrives as a string from the form and as a list from JSON; a reload shows both again', async () => {
    await page.goto(server.url + '/lessons/payload');
    await post('json', ['question']);
    await post('htmx', ['question']);
    await expect.poll(() => received('htmx').catch(() => null)).toMatchObject({ tags: 'question' });
    expect((await received('json')).comment.tags).toEqual(['question']);
    await page.reload();
    expect((await received('htmx')).tags).toBe('question');
    expect((await received('json')).comment.tags).toEqual(['question']);
    expect(await page.locator('.comments li').count()).toBe(2);
    expect(problems.list).toEqual([]);
  });

  it('the browser asks for a name before either lane sends anything', async () => {
    await page.goto(server.url + '/lessons/payload');
    const sent: string[] = [];
    page.on('request', (request) => { if (request.method() === 'POST') sent.push(request.url()); });
    for (const lane of ['json', 'htmx']) {
      await page.fill(`#payload-${lane}-text`, 'no name');
      await page.click(`[data-demo="${lane}"] button[type="submit"]`);
      // the name field sits outside the form: the script (JSON) and hx-include (htmx) both check it
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`payload-${lane}-name`);
    }
    await page.waitForTimeout(300);
    expect(sent).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  it('a comment of spaces passes the browser but not the server: each lane shows the 422 message', async () => {
    await page.goto(server.url + '/lessons/payload');
    for (const lane of ['json', 'htmx'] as const) {
      await page.fill(`#payload-${lane}-name`, 'Ana');
      await page.fill(`#payload-${lane}-text`, '   ');
      await page.click(`[data-demo="${lane}"] button[type="submit"]`);
    }
    await expect.poll(() => page.textContent('#payload-json-error')).toBe('Write a comment.');
    await expect.poll(() => page.textContent('#lane-errors-htmx')).toMatch(/422\s*Write a comment\./);
    expect(await page.locator('.comments li').count()).toBe(0);
    // the two refusals are the only red lines
    expect(problems.list.filter((line) => !/422/.test(line))).toEqual([]);
    expect(problems.list.filter((line) => line.startsWith('HTTP 422'))).toHaveLength(2);
  });

  it('speaks Korean', async () => {
    await page.goto(server.url + '/lessons/payload?lang=ko');
    expect(await page.textContent('[data-demo="htmx"] button[type="submit"]')).toBe('댓글 달기');
    await page.fill('#payload-htmx-name', '민지');
    await page.fill('#payload-htmx-text', '안녕하세요');
    await page.click('[data-demo="htmx"] button[type="submit"]');
    await expect.poll(() => page.textContent('#payload-htmx-comments li p')).toBe('안녕하세요');
    expect(await page.textContent('[data-demo="htmx"] h4')).toContain('서버가 받은 값');
    expect(problems.list).toEqual([]);
  });
});
