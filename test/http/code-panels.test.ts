// Code panels: what the page shows for each lane is exactly the lesson's files on disk, the code that runs. Only
// the lane the shown step points at has its files in the page; a folded panel's file comes from its own address,
// the very <pre> an unfolded panel has in the page.
import { posix } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { readNotes } from '../../src/workshop/notes.js';
import { textOf } from '../support/http.js';
import { fetchPanel, type Panel, panelsOf } from '../support/code-panels.js';
import { useServer } from '../support/suite.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const server = useServer();

// Every lesson's page in both languages, and the home page (the first lesson).
const pages = [
  { lesson: lessons[0]!, path: '/' },
  ...lessons.flatMap((lesson) => ['', '?lang=ko'].map((query) => ({ lesson, path: `/lessons/${lesson.id}${query}` }))),
];

describe.each(pages)('$path', ({ lesson, path }) => {
  let panels: Panel[] = [];
  beforeAll(async () => { panels = await panelsOf(await (await fetch(server.url + path)).text(), server.url); });

  it('each lane shows the files its lesson lists, in order', () => {
    for (const lane of ['json', 'htmx'] as const) {
      const shown = panels.filter((p) => p.lane === lane);
      const listed = (lesson.lanes[lane].code ?? []).map((file) => posix.join(`src/lessons/${lesson.id}`, file));
      expect(shown.map((p) => p.name)).toEqual(listed);
      expect(shown.map((p) => p.file)).toEqual(listed);
    }
  });

  it('every panel is the file on disk, character for character', () => {
    expect(panels.length).toBeGreaterThan(0);
    for (const panel of panels) {
      expect(panel.file).toMatch(new RegExp(`^src/lessons/(${lesson.id}|shared)/|^src/kit/errors\\.ts$`));
      expect(textOf(panel.html), panel.file).toBe(readFileSync(repo(panel.file), 'utf8'));
    }
  });
});

describe('a step that points at a lane\'s code', () => {
  const like = lessons.find((l) => l.id === 'like')!;
  const steps = readNotes(like.dir, 'en');
  const stepOf = (area: string) => steps.findIndex((step) => step.area === area) + 1;

  it('has that lane\'s files unfolded in the page and the other lane\'s folded; the first step has every file folded', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      expect(stepOf(`${lane}-code`)).toBeGreaterThan(0);
      const panels = await panelsOf(await (await fetch(`${server.url}/lessons/like?step=${stepOf(`${lane}-code`)}`)).text(), server.url);
      expect(panels.filter((p) => p.open).map((p) => p.lane)).toEqual(like.lanes[lane].code!.map(() => lane));
    }
    const first = await panelsOf(await (await fetch(`${server.url}/lessons/like`)).text(), server.url);
    expect(first.filter((p) => p.open)).toEqual([]);
  });

  it('renders the same <pre> as each folded panel\'s own address answers htmx', async () => {
    for (const lane of ['json', 'htmx'] as const) {
      const unfolded = (await panelsOf(await (await fetch(`${server.url}/lessons/like?step=${stepOf(`${lane}-code`)}`)).text(), server.url))
        .filter((p) => p.open);
      const folded = (await panelsOf(await (await fetch(`${server.url}/lessons/like`)).text(), server.url)).filter((p) => p.lane === lane);
      expect(unfolded.length).toBe(folded.length);
      for (const [index, panel] of folded.entries()) {
        expect(panel.pre).toMatch(/class="hljs language-\w+"/);
        expect(panel.pre, panel.file).toBe(unfolded[index]!.pre);
        // The fragment is the <pre> and nothing else: it replaces the panel's placeholder as it is.
        expect((await fetchPanel(server.url, panel.href!)).trim()).toBe(panel.pre);
      }
    }
  });
});

describe('a panel\'s own address', () => {
  it('answers a browser without script with a page of its own: the file, highlighted, and the way back', async () => {
    const res = await fetch(`${server.url}/_code/like/htmx/0?lang=ko`);
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/HX-Request/i);
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<a href="/lessons/like">레슨으로 돌아가기');
    const fragment = await fetchPanel(server.url, '/_code/like/htmx/0');
    expect(page).toContain(fragment.trim());
    expect(textOf(/<code class[^>]*>([\s\S]*?)<\/code>/.exec(page)![1]!)).toBe(readFileSync(repo('src/lessons/like/views/htmx.ejs'), 'utf8'));
  });

  it.each([
    '/_code/no-such-lesson/htmx/0', '/_code/like/other/0', '/_code/like/htmx/99', '/_code/like/htmx/-1',
    '/_code/like/htmx/1.5', '/_code/like/htmx/constructor', '/_code/like/__proto__/0',
  ])('%s is a small 404', async (path) => {
    for (const headers of [{}, { 'HX-Request': 'true' }] as Array<Record<string, string>>) {
      const res = await fetch(server.url + path, { headers });
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body.length).toBeLessThan(4000);
      expect(body).not.toMatch(/at \w+ \(|node_modules/);
    }
  });
});
