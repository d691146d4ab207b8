// The code panels' files, highlighted on the server: read from disk when a page is rendered (an edit shows on
// the next page load). Files as the build found them come highlighted already (prebuilt.ts), so `serve` starts
// without loading highlight.js; a file edited since is highlighted then, the same way. A folded panel's file is
// not in the page: it is fetched from its own address when the panel is unfolded.
import { extname, join } from 'node:path';
import type { LaneId, Lesson } from '../kit/types.js';
import { escapeHtml } from './escape-html.js';
import { prebuilt, repositoryPath } from './prebuilt.js';

type Highlighter = (typeof import('./highlighter.js'))['highlighter'];

export interface CodeFile {
  /** The path a reader can open in the repository, e.g. src/lessons/like/htmx.ts. */
  name: string;
  language: string;
  html: string;
}

/** EJS has no grammar of its own; its HTML is what a reader needs to see. */
const languageByExtension: Record<string, string> = { '.ts': 'typescript', '.js': 'javascript', '.ejs': 'xml', '.html': 'xml' };

const languageOf = (file: string) => languageByExtension[extname(file)] ?? 'plaintext';

/** highlight.js's loader: it and its grammars took a third of `serve`'s start-up, for files the build did already. */
export const loadHighlighter = async (): Promise<Highlighter> => (await import('./highlighter.js')).highlighter;

export function highlight(highlighter: Highlighter, text: string, language: string): string {
  return language === 'plaintext' ? escapeHtml(text) : highlighter.highlight(text, { language }).value;
}

/** Every code panel file, highlighted: by the build, or here if it changed since. */
export const codePanels = prebuilt({
  kind: 'code',
  library: 'highlight.js',
  load: loadHighlighter,
  make: (highlighter, text, path) => highlight(highlighter, text, languageOf(path)),
  plain: (text) => escapeHtml(text),
});

export function readCodeFile(lessonDir: string, file: string): CodeFile {
  const path = join(lessonDir, file);
  return { name: repositoryPath(path), language: languageOf(file), html: codePanels.read(path) };
}

/** One panel as the lesson page lists it: its file's name and own address, and the file itself if it is unfolded. */
export interface CodePanel {
  name: string;
  /** The panel on its own (parts-route.ts): what unfolding a folded panel fetches, and a page without script. */
  href: string;
  /** Rendered in the page (the panel is unfolded on load); a folded panel's is fetched from `href`. */
  file?: CodeFile;
}

export const codePanelPath = (lesson: Lesson, laneId: LaneId, index: number) => `/_code/${lesson.id}/${laneId}/${index}`;

/** A lane's panels, in its `code` order; the files of an `open` lane are read and highlighted into the page. */
export function codePanelsOf(lesson: Lesson, laneId: LaneId, open: boolean): CodePanel[] {
  return (lesson.lanes[laneId].code ?? []).map((file, index) => ({
    name: repositoryPath(join(lesson.dir, file)),
    href: codePanelPath(lesson, laneId, index),
    ...(open ? { file: readCodeFile(lesson.dir, file) } : {}),
  }));
}
