// A lesson page's code panels, checked against its lesson's code[] lists and the files on disk.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { attribute, textOf } from './http.js';

const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Each lane of the page shows its lesson's `code` files, in order, character for character. */
export function expectCodePanelsOnDisk(page: string, lessonId: string): void {
  const lesson = lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson called ${lessonId}`);
  const sections = page.split(/(?=<section class="lane )/).slice(1);
  expect(sections).toHaveLength(2);
  for (const section of sections) {
    const lane = /data-lane="(json|htmx)"/.exec(section)![1] as 'json' | 'htmx';
    const panels = [...section.matchAll(/(<code\b[^>]*\sdata-file="[^"]*"[^>]*>)([\s\S]*?)<\/code>/g)];
    const files = panels.map((m) => attribute(m[1]!, 'data-file')!);
    expect(files).toEqual(lesson.lanes[lane].code!.map((file) => posix.join(`src/lessons/${lessonId}`, file)));
    for (const [index, file] of files.entries()) {
      expect(textOf(panels[index]![2]!), file).toBe(readFileSync(repoFile(file), 'utf8'));
    }
  }
}
