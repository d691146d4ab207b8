// Code panels highlighted at build time: every lesson file is there, exactly as the server would highlight it,
// and a file the build did not see (or that changed since) is highlighted when a page needs it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { highlight, highlightedAtBuildFile, readCodeFile, type HighlightedAtBuild } from '../../dist/lane/highlight.js';
import { lessons } from '../../dist/lessons/index.js';
import { laneIds } from '../../dist/lane/types.js';
import { textOf } from '../support/http.js';

const saved = JSON.parse(readFileSync(highlightedAtBuildFile, 'utf8')) as HighlightedAtBuild;
const codeFiles = lessons.flatMap((lesson) =>
  laneIds.flatMap((lane) => lesson.lanes[lane].code.map((file) => ({ lesson, file, name: posix.join(`src/lessons/${lesson.id}`, file) }))),
);

describe('the build', () => {
  it('highlighted every file of every lesson code panel, with the installed highlight.js', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../node_modules/highlight.js/package.json', import.meta.url), 'utf8'));
    expect(saved.highlightJs).toBe(version);
    for (const { name } of codeFiles) expect(Object.keys(saved.files), name).toContain(name);
  });

  it('saved exactly what the server would make of each file now', () => {
    for (const { lesson, file, name } of codeFiles) {
      const language = file.endsWith('.ejs') ? 'xml' : file.endsWith('.ts') ? 'typescript' : 'javascript';
      expect(saved.files[name]!.html, name).toBe(highlight(readFileSync(join(lesson.dir, file), 'utf8'), language));
      expect(readCodeFile(lesson.dir, file).html, name).toBe(saved.files[name]!.html);
    }
  });
});

describe('a file the build did not highlight', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hxd-highlight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is highlighted when a page needs it, and again once edited', async () => {
    writeFileSync(join(dir, 'route.ts'), 'export const answer: number = 42;\n');
    const first = readCodeFile(dir, 'route.ts');
    expect(first.language).toBe('typescript');
    expect(first.html).toContain('<span class="hljs-keyword">export</span>');
    expect(textOf(first.html)).toBe('export const answer: number = 42;\n');

    await new Promise((resolve) => setTimeout(resolve, 20)); // a new mtime, whatever the file system's resolution
    writeFileSync(join(dir, 'route.ts'), 'export const answer = "<b>";\n');
    const edited = readCodeFile(dir, 'route.ts');
    expect(textOf(edited.html)).toBe('export const answer = "<b>";\n');
    expect(edited.html).not.toContain('<b>');
  });
});
