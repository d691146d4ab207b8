// A lesson's notes as walkthrough steps: `## Title`, an optional `<!-- highlight: AREA -->`, then paragraphs.
// The build renders them ahead (prebuilt.ts), so `serve` starts without marked; notes edited since are rendered here.
import { join } from 'node:path';
import { escapeHtml } from './escape-html.js';
import { prebuilt } from './prebuilt.js';

export type Marked = (typeof import('./markdown.js'))['marked'];

/** marked, loaded on first use: only notes edited since the build need it. */
export const loadMarked = async (): Promise<Marked> => (await import('./markdown.js')).marked;

/** The page areas a step may point at: each is a `data-area` on the lesson page. */
export const pageAreas = [
  'controls', 'lanes', 'json-demo', 'htmx-demo', 'json-steps', 'htmx-steps', 'json-wire', 'htmx-wire', 'json-code', 'htmx-code',
] as const;
export type PageArea = (typeof pageAreas)[number];

export interface NoteStep {
  /** The heading's text as written (Markdown), e.g. "Read the `hx-post`". */
  title: string;
  /** The heading rendered inline (trusted: the notes are the project's own files). */
  titleHtml: string;
  /** The area named by the step's highlight comment, as written (a page without that area highlights nothing). */
  area?: string;
  html: string;
}

const heading = /^##(?!#)\s*(.*?)\s*#*\s*$/;
const highlight = /^\s*<!--\s*highlight:\s*([\w-]+)\s*-->\s*$/;
const fence = /^\s*(```|~~~)/;

/** Splits notes at their `##` headings (not inside code fences); text before the first heading is an untitled step. */
export function parseNotes(marked: Marked, markdown: string): NoteStep[] {
  return splitNotes(markdown, (title) => marked.parseInline(title, { async: false }), (body) => marked.parse(body, { async: false }));
}

/** The steps as plain text, for the moment before marked has loaded (notes edited since the build). */
const plainNotes = (markdown: string) => splitNotes(markdown, escapeHtml, (body) => `<pre>${escapeHtml(body.trim())}</pre>`);

function splitNotes(markdown: string, inline: (text: string) => string, block: (text: string) => string): NoteStep[] {
  const chunks: Array<{ title: string; lines: string[] }> = [];
  let chunk = { title: '', lines: [] as string[] };
  let inFence = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence.test(line)) inFence = !inFence;
    const found = inFence ? null : heading.exec(line);
    if (found) {
      chunks.push(chunk);
      chunk = { title: found[1]!, lines: [] };
    } else {
      chunk.lines.push(line);
    }
  }
  chunks.push(chunk);
  return chunks
    .filter((c, index) => index > 0 || c.lines.some((line) => line.trim() !== ''))
    .map(({ title, lines }) => {
      const areaLine = lines.findIndex((line) => highlight.test(line));
      const area = areaLine >= 0 ? highlight.exec(lines[areaLine]!)![1] : undefined;
      const body = lines.filter((_, index) => index !== areaLine).join('\n');
      return {
        title,
        titleHtml: inline(title),
        ...(area ? { area } : {}),
        html: block(body),
      };
    });
}

/** Every lesson's notes as steps: parsed by the build, or here if they changed since. */
export const lessonNotes = prebuilt({
  kind: 'notes',
  library: 'marked',
  load: loadMarked,
  make: (marked, text) => parseNotes(marked, text),
  plain: plainNotes,
});

/** Where a lesson's notes in one language are. */
export const notesFile = (lessonDir: string, lang: string) => join(lessonDir, `notes.${lang}.md`);

/** The steps of a lesson's notes in one language; a lesson without notes in that language has none. */
export function readNotes(lessonDir: string, lang: string): NoteStep[] {
  try {
    return lessonNotes.read(notesFile(lessonDir, lang));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
