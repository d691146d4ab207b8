// The code panels' files, highlighted on the server: read from disk when a page is rendered (an edit shows on
// the next page load). Files as the build found them come highlighted already (prebuilt.ts), so `serve` starts
// without loading highlight.js; a file edited since is highlighted then, the same way.
import { extname, join } from 'node:path';
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
