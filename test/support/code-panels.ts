// A lesson page's code panels, checked against its lesson's code[] lists and the files on disk. An unfolded
// panel's file is in the page; a folded one's is fetched as htmx fetches it when the panel is unfolded.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { attribute, textOf } from './http.js';

const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface Panel {
  lane: string;
  /** The name its summary shows. */
  name: string;
  /** The file the <code data-file> names. */
  file: string;
  /** The highlighted file: the <code>'s inner HTML. */
  html: string;
  /** The whole <pre>, as the page or the panel's own address has it. */
  pre: string;
  /** Unfolded, with its file in the page. */
  open: boolean;
  /** The panel's own address (a folded panel's hx-get, and its link for a browser without script). */
  href?: string;
}

const preOf = (text: string) => {
  const found = /<pre><code\b[^>]*\sdata-file="[^"]*"[^>]*>[\s\S]*?<\/code><\/pre>/.exec(text);
  if (!found) throw new Error(`no code panel <pre> in: ${text.slice(0, 200)}`);
  const [, open, html] = /^<pre>(<code\b[^>]*>)([\s\S]*)<\/code><\/pre>$/.exec(found[0])!;
  return { pre: found[0], file: attribute(open!, 'data-file')!, html: html! };
};

/** The `<pre>` a panel's own address answers htmx with (the request htmx sends when it is unfolded). */
export async function fetchPanel(baseUrl: string, href: string): Promise<string> {
  const res = await fetch(baseUrl + href, { headers: { 'HX-Request': 'true', Accept: 'text/html' } });
  expect(res.status, href).toBe(200);
  return res.text();
}

/** Every `<details class="code-file">` of the page's lanes, with its file: in the page, or fetched from its address. */
export async function panelsOf(page: string, baseUrl: string): Promise<Panel[]> {
  const panels: Panel[] = [];
  for (const section of page.split(/(?=<section class="lane )/).slice(1)) {
    const lane = /data-lane="([^"]+)"/.exec(section)![1]!;
    for (const [whole, tag] of section.matchAll(/(<details class="code-file"[^>]*>)[\s\S]*?<\/details>/g)) {
      const name = textOf(/<summary><code>([\s\S]*?)<\/code><\/summary>/.exec(whole)![1]!);
      const href = attribute(tag!, 'hx-get');
      const open = /\sopen[\s>]/.test(tag!);
      if (!open) {
        // Folded: the file is not in the page; a plain link to the same address stands in for it.
        expect(whole, name).not.toContain('<pre>');
        expect(href, name).toMatch(/^\/_code\//);
        expect(whole, name).toContain(`<a href="${href}">`);
      }
      panels.push({ lane, name, open, href, ...preOf(open ? whole : await fetchPanel(baseUrl, href!)) });
    }
  }
  return panels;
}

/** Each lane of the page shows its lesson's `code` files, in order, character for character. */
export async function expectCodePanelsOnDisk(page: string, lessonId: string, baseUrl: string): Promise<void> {
  const lesson = lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson called ${lessonId}`);
  const panels = await panelsOf(page, baseUrl);
  for (const lane of ['json', 'htmx'] as const) {
    const shown = panels.filter((panel) => panel.lane === lane);
    const files = shown.map((panel) => panel.file);
    expect(files).toEqual((lesson.lanes[lane].code ?? []).map((file) => posix.join(`src/lessons/${lessonId}`, file)));
    expect(shown.map((panel) => panel.name)).toEqual(files);
    for (const panel of shown) expect(textOf(panel.html), panel.file).toBe(readFileSync(repoFile(panel.file), 'utf8'));
  }
}
