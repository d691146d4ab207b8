// The walkthrough with JavaScript off: ?step=N renders that step, its highlight and real Previous/Next links;
// junk falls back to a real step, never an error; ?step=all shows every step; both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarked, parseNotes } from '../../src/workshop/notes.js';
import { lessons } from '../../src/lessons/index.js';
import { lessonsWithEcho } from '../fixtures/echo/registered.js';
import { useServer } from '../support/suite.js';
import { walkState } from '../support/walkthrough.js';

const marked = await loadMarked();

const like = lessons.find((lesson) => lesson.id === 'like')!;
const notes = (dir: string, lang: string) => parseNotes(marked, readFileSync(join(dir, `notes.${lang}.md`), 'utf8'));
const likeSteps = { en: notes(like.dir, 'en'), ko: notes(like.dir, 'ko') };
const count = likeSteps.en.length;

const server = useServer({ lessons: lessonsWithEcho });

async function page(path: string): Promise<string> {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

describe('one step at a time', () => {
  it('with no ?step, the page shows step 1 and highlights its area', async () => {
    const walk = walkState(await page('/lessons/like'));
    expect(walk.status).toBe(`Step 1 of ${count}`);
    expect(walk.mode).toBe('one');
    expect(walk.shown).toEqual([1]);
    expect(walk.titles).toEqual([likeSteps.en[0]!.title]);
    expect(walk.highlighted).toEqual([likeSteps.en[0]!.area]);
    expect(walk.prevHref).toBeUndefined();
    expect(walk.nextHref).toBe('/lessons/like?step=2');
    expect(walk.toggleHref).toBe('/lessons/like?step=all');
  });

  it.each(likeSteps.en.map((step, index) => [index + 1, step.area]))('?step=%i shows that step, highlights %s, and links to its neighbours', async (n) => {
    const walk = walkState(await page(`/lessons/like?step=${n}`));
    expect(walk.status).toBe(`Step ${n} of ${count}`);
    expect(walk.shown).toEqual([n]);
    expect(walk.titles).toEqual([likeSteps.en[n - 1]!.title.replace(/`/g, '')]);
    expect(walk.highlighted).toEqual([likeSteps.en[n - 1]!.area]);
    expect(walk.prevHref).toBe(n > 1 ? `/lessons/like?step=${n - 1}` : undefined);
    if (n < count) expect(walk.nextHref).toBe(`/lessons/like?step=${n + 1}`);
  });

  it('from the last step, Next leads to the next lesson, and from the last lesson to the wrap-up', async () => {
    const likeEnd = walkState(await page(`/lessons/like?step=${count}`));
    const second = lessonsWithEcho[1]!;
    expect(likeEnd.nextHref).toBe(`/lessons/${second.id}`);
    expect(likeEnd.nextLabel).toBe(`Next: 2. ${second.title.en}`);
    const echoEnd = walkState(await page('/lessons/echo?step=3'));
    expect(echoEnd.nextHref).toBe('/wrap-up');
    expect(echoEnd.nextLabel).toBe('Next: When to use which');
  });

  it('on the home page the step links stay on the home page', async () => {
    const walk = walkState(await page('/?step=2'));
    expect(walk.shown).toEqual([2]);
    expect([walk.prevHref, walk.nextHref]).toEqual(['/?step=1', '/?step=3']);
  });
});

describe('a junk or out-of-range step is a real step, never an error', () => {
  it.each([
    ['', 1], ['abc', 1], ['-1', 1], ['0', 1], ['2.5', 1], ['1e2', 1], ['ALL', 1], ['2&step=3', 1], ['%3Cscript%3E', 1],
    ['99', 'last'], ['99999999999', 1],
  ] as const)('?step=%s shows step %s', async (value, expected) => {
    const walk = walkState(await page(`/lessons/like?step=${value}`));
    const n = expected === 'last' ? count : expected;
    expect(walk.shown).toEqual([n]);
    expect(walk.status).toBe(`Step ${n} of ${count}`);
    expect(walk.highlighted).toEqual([likeSteps.en[n - 1]!.area]);
  });
});

describe('all steps at once', () => {
  it('?step=all shows every step, highlights nothing and hides the step buttons', async () => {
    const html = await page('/lessons/like?step=all');
    const walk = walkState(html);
    expect(walk.mode).toBe('all');
    expect(walk.status).toBe(`All ${count} steps`);
    expect(walk.shown).toEqual(likeSteps.en.map((_, index) => index + 1));
    expect(walk.titles).toEqual(likeSteps.en.map((step) => step.title.replace(/`/g, '')));
    expect(walk.highlighted).toEqual([]);
    expect(walk.toggleHref).toBe('/lessons/like?step=1');
    expect(html).toMatch(/<nav class="walk-nav" [^>]*hidden>/);
  });
});

describe('in Korean', () => {
  it('?lang=ko&step=3 shows the Korean step 3, with the same highlight as the English one', async () => {
    const html = await page('/lessons/like?lang=ko&step=3');
    const walk = walkState(html);
    expect(walk.status).toBe(`${count}단계 중 3단계`);
    expect(walk.titles).toEqual([likeSteps.ko[2]!.title.replace(/`/g, '')]);
    expect(walk.highlighted).toEqual([likeSteps.en[2]!.area]);
    expect(html).toContain('<span aria-hidden="true">←</span> 이전 단계</a>');
    expect(html).toContain('<span data-walk-label>다음 단계</span>');
    expect(walkState(await page('/lessons/like?lang=ko&step=all')).status).toBe(`전체 ${count}단계`);
  });

  it('the language and text-size switches keep the step that is shown', async () => {
    const html = await page('/lessons/like?step=4');
    expect(html).toContain('href="?lang=ko&amp;step=4"');
    expect(html).toContain('href="?lang=en&amp;step=4"');
    // the text-size toggle is a button in a GET form: its step field carries the step
    expect(html).toMatch(/<input type="hidden" name="text" value="large">\s*<input type="hidden" name="step" value="4" data-keep-step>/);
    expect(await page('/lessons/like?step=all')).toContain('href="?lang=ko&amp;step=all"');
    // no ?step, nothing added; junk is kept as the step it showed
    expect(await page('/lessons/like')).toContain('href="?lang=ko"');
    expect(await page('/lessons/like?step=junk')).toContain('href="?lang=ko&amp;step=1"');
  });
});

describe('every area a step can name is on the page, once', () => {
  it.each(['/lessons/like', '/lessons/echo'])('%s', async (path) => {
    const html = await page(path);
    const areas = [...html.matchAll(/data-area="([^"]+)"/g)].map((m) => m[1]);
    const expected = ['lanes', 'json-demo', 'json-steps', 'json-wire', 'json-code', 'htmx-demo', 'htmx-steps', 'htmx-wire', 'htmx-code'];
    if (path.endsWith('echo')) expected.unshift('controls');
    expect(areas).toEqual(expected);
  });
});

describe('a hidden step\'s text', () => {
  /** Each step's <li> of the page: its opening tag and what follows its title. */
  const stepsOf = (html: string) => [...html.matchAll(/(<li class="walk-step"[^>]*>)\s*<h3[^>]*>[\s\S]*?<\/h3>\s*([\s\S]*?)\s*<\/li>/g)]
    .map(([, tag, body]) => ({ tag: tag!, body: body! }));

  it.each(['en', 'ko'] as const)('comes from its own address, as the page renders the step it opens on (%s)', async (lang) => {
    const first = stepsOf(await page(`/lessons/like?lang=${lang}`));
    expect(first).toHaveLength(count);
    expect(first[0]!.body).toBe(likeSteps[lang][0]!.html.trim());
    for (const [index, step] of first.entries()) {
      if (index === 0) continue;
      // Not in the page: a link to the step as a page of its own stands in for it (JavaScript off).
      expect(step.body).not.toContain(likeSteps[lang][index]!.html.trim());
      expect(step.body).toContain(`<a href="/lessons/like?step=${index + 1}">`);
      const href = /hx-get="([^"]+)"/.exec(step.tag)![1]!;
      expect(href).toBe(`/_steps/like/${index + 1}?lang=${lang}`);
      const res = await fetch(server.url + href, { headers: { 'HX-Request': 'true' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toMatch(/HX-Request/i);
      const shown = stepsOf(await page(`/lessons/like?lang=${lang}&step=${index + 1}`))[index]!.body;
      expect((await res.text()).trim()).toBe(shown);
      expect(shown).toBe(likeSteps[lang][index]!.html.trim());
    }
  });

  it('opened without htmx, is the lesson page at that step', async () => {
    const res = await fetch(`${server.url}/_steps/like/3`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lessons/like?step=3');
  });

  it.each(['/_steps/like/0', `/_steps/like/${count + 1}`, '/_steps/like/two', '/_steps/nowhere/1', '/_steps/like/constructor'])(
    '%s is a small 404', async (path) => {
      const res = await fetch(server.url + path, { headers: { 'HX-Request': 'true' } });
      expect(res.status).toBe(404);
      expect((await res.text()).length).toBeLessThan(4000);
    },
  );
});
