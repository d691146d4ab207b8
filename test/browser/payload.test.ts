// Lesson 3 in a real browser: a learner posts one comment on each lane and compares what the server received.
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

const name = '<b>Ana</b>';
const text = '"><img src=x onerror=alert(1)> <script>alert(2)</script>';

describe.skipIf(!hasChromium)('lesson 3 in Chromium', () => {
  const session = useBrowserSession();

  /** Fills a lane's comment form as a learner would, and posts it; resolves with the lane's response. */
  async function post(lane: 'json' | 'htmx', tags: string[]) {
    await session.page.fill(`#payload-${lane}-name`, name);
    await session.page.fill(`#payload-${lane}-text`, text);
    for (const tag of tags) await session.page.check(`[data-demo="${lane}"] input[name="tags"][value="${tag}"]`);
    const [response] = await Promise.all([
      session.page.waitForResponse((r) => r.url().endsWith(lane === 'json' ? '/api/payload/comments' : '/payload/comments')),
      session.page.click(`[data-demo="${lane}"] button[type="submit"]`),
    ]);
    return response;
  }
  const received = async (lane: string) => JSON.parse((await session.page.textContent(`#payload-${lane}-received`))!);

  it('both lanes show the comment as text and the value the server received; the wire shows JSON versus form encoding', async () => {
    await session.page.goto(session.server.url + '/lessons/payload');

    const json = await post('json', ['idea', 'bug']);
    expect(json.status()).toBe(201);
    await expect.poll(() => session.page.locator('#payload-json-comments li').count()).toBe(1);
    const nested = { thread: 3, author: { name }, comment: { text, tags: ['idea', 'bug'] } };
    expect(json.request().headers()['content-type']).toBe('application/json');
    expect(json.request().postData()).toBe(JSON.stringify(nested));
    expect(await received('json')).toEqual(nested);
    expect(await session.page.textContent('#payload-json-type')).toBe('application/json');

    const htmx = await post('htmx', ['idea', 'bug']);
    expect(htmx.status()).toBe(201);
    await expect.poll(() => session.page.locator('#payload-htmx-comments li').count()).toBe(1);
    const encoded = new URLSearchParams([['text', text], ['tags', 'idea'], ['tags', 'bug'], ['name', name], ['thread', '3']]).toString();
    expect(htmx.request().headers()['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(htmx.request().postData()).toBe(encoded);
    expect(await received('htmx')).toEqual({ text, tags: ['idea', 'bug'], name, thread: '3' });
    expect(await session.page.textContent('#payload-htmx-type')).toBe('application/x-www-form-urlencoded');

    // The comment is text on both lanes: no markup from it reached the DOM.
    for (const lane of ['json', 'htmx']) {
      const item = session.page.locator(`#payload-${lane}-comments li`);
      expect(await item.locator('strong').textContent()).toBe(name);
      expect(await item.locator('p').textContent()).toBe(text);
      expect(await item.locator('.tag').allTextContents()).toEqual(['#idea', '#bug']);
    }
    expect(await session.page.locator('[data-demo] b, [data-demo] img, .comments script').count()).toBe(0);

    // Both forms are ready for the next comment: text and tags cleared, the name kept.
    for (const lane of ['json', 'htmx']) {
      expect(await session.page.inputValue(`#payload-${lane}-text`)).toBe('');
      expect(await session.page.locator(`[data-demo="${lane}"] input[name="tags"]:checked`).count()).toBe(0);
      expect(await session.page.inputValue(`#payload-${lane}-name`)).toBe(name);
    }
    // The htmx lane's form was replaced by the server's: focus went on to its comment field.
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('payload-htmx-text');

    // The inspector shows each raw body: one JSON object, and flat form-encoded pairs.
    const jsonItem = session.page.locator('#wire-payload-json li').first();
    const htmxItem = session.page.locator('#wire-payload-htmx li').first();
    await expect.poll(() => htmxItem.textContent()).toContain('/payload/comments');
    await expect.poll(() => jsonItem.textContent()).toContain('/api/payload/comments');
    // (the request body comes last in an entry, after the response)
    expect(await jsonItem.locator('pre.body').last().textContent()).toBe(JSON.stringify(nested));
    expect(await jsonItem.textContent()).toMatch(/Content-Type\s*application\/json/);
    expect(await htmxItem.locator('pre.body').last().textContent()).toBe(encoded);
    expect(await htmxItem.textContent()).toMatch(/Content-Type\s*application\/x-www-form-urlencoded/);
    expect(await htmxItem.textContent()).toMatch(/201\s+POST\s+\/payload\/comments/);

    // the two demos side by side, as a learner sees them (the whole page with its code panels is slow to capture)
    await session.page.evaluate(() => document.querySelector('.lanes')!.scrollIntoView());
    await saveScreenshot(session.page, 'lesson-payload');
    expect(session.problems.list).toEqual([]);
  });

  it('one ticked tag arrives as a string from the form and as a list from JSON; a reload shows both again', async () => {
    await session.page.goto(session.server.url + '/lessons/payload');
    await post('json', ['question']);
    await post('htmx', ['question']);
    await expect.poll(() => received('htmx').catch(() => null)).toMatchObject({ tags: 'question' });
    expect((await received('json')).comment.tags).toEqual(['question']);
    await session.page.reload();
    expect((await received('htmx')).tags).toBe('question');
    expect((await received('json')).comment.tags).toEqual(['question']);
    expect(await session.page.locator('.comments li').count()).toBe(2);
    expect(session.problems.list).toEqual([]);
  });

  it('the browser asks for a name before either lane sends anything', async () => {
    await session.page.goto(session.server.url + '/lessons/payload');
    const sent: string[] = [];
    session.page.on('request', (request) => { if (request.method() === 'POST') sent.push(request.url()); });
    for (const lane of ['json', 'htmx']) {
      await session.page.fill(`#payload-${lane}-text`, 'no name');
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
      // the name field sits outside the form: the script (JSON) and hx-include (htmx) both check it
      await expect.poll(() => session.page.evaluate(() => document.activeElement?.id)).toBe(`payload-${lane}-name`);
    }
    await session.page.waitForTimeout(300);
    expect(sent).toEqual([]);
    expect(session.problems.list).toEqual([]);
  });

  it('a comment of spaces passes the browser but not the server: each lane shows the 422 message', async () => {
    await session.page.goto(session.server.url + '/lessons/payload');
    for (const lane of ['json', 'htmx'] as const) {
      await session.page.fill(`#payload-${lane}-name`, 'Ana');
      await session.page.fill(`#payload-${lane}-text`, '   ');
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
    }
    await expect.poll(() => session.page.textContent('#payload-json-error')).toBe('Write a comment.');
    await expect.poll(() => session.page.textContent('#lane-errors-htmx')).toMatch(/422\s*Write a comment\./);
    expect(await session.page.locator('.comments li').count()).toBe(0);
    // the two refusals are the only red lines
    expect(session.problems.list.filter((line) => !/422/.test(line))).toEqual([]);
    expect(session.problems.list.filter((line) => line.startsWith('HTTP 422'))).toHaveLength(2);
  });

  it('speaks Korean', async () => {
    await session.page.goto(session.server.url + '/lessons/payload?lang=ko');
    expect(await session.page.textContent('[data-demo="htmx"] button[type="submit"]')).toBe('댓글 달기');
    await session.page.fill('#payload-htmx-name', '민지');
    await session.page.fill('#payload-htmx-text', '안녕하세요');
    await session.page.click('[data-demo="htmx"] button[type="submit"]');
    await expect.poll(() => session.page.textContent('#payload-htmx-comments li p')).toBe('안녕하세요');
    expect(await session.page.textContent('[data-demo="htmx"] h4')).toContain('서버가 받은 값');
    expect(session.problems.list).toEqual([]);
  });
});
