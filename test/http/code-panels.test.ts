// Code panels: what the page shows for each lane is exactly the lesson's files on disk, the code that runs.
import { posix } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { attribute, textOf } from '../support/http.js';
import { useServer } from '../support/suite.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const server = useServer();

interface Panel { lane: string; file: string; html: string }

/** Every `<code data-file="...">` panel, with the lane section it sits in. */
function panelsOf(page: string): Panel[] {
  const panels: Panel[] = [];
  for (const section of page.split(/(?=<section class="lane )/).slice(1)) {
    const lane = /data-lane="([^"]+)"/.exec(section)![1]!;
    for (const found of section.matchAll(/(<code\b[^>]*\sdata-file="[^"]*"[^>]*>)([\s\S]*?)<\/code>/g)) {
      panels.push({ lane, file: attribute(found[1]!, 'data-file')!, html: found[2]! });
    }
  }
  return panels;
}

// Every lesson's page in both languages, and the home page (the first lesson).
const pages = [
  { lesson: lessons[0]!, path: '/' },
  ...lessons.flatMap((lesson) => ['', '?lang=ko'].map((query) => ({ lesson, path: `/lessons/${lesson.id}${query}` }))),
];

describe.each(pages)('$path', ({ lesson, path }) => {
  let panels: Panel[] = [];
  beforeAll(async () => { panels = panelsOf(await (await fetch(server.url + path)).text()); });

  it('each lane shows the files its lesson lists, in order', () => {
    for (const lane of ['json', 'htmx'] as const) {
      expect(panels.filter((p) => p.lane === lane).map((p) => p.file)).toEqual(
        (lesson.lanes[lane].code ?? []).map((file) => posix.join(`src/lessons/${lesson.id}`, file)),
      );
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
