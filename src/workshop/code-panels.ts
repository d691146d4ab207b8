// The code panels' files, highlighted on the server: read from disk when a page is rendered (an edit shows on
// the next page load). Files as the build found them come highlighted already (prebuilt.ts), so `serve` starts
// without loading highlight.js; a file edited since is highlighted then, the same way.
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import type { HLJSApi } from 'highlight.js';
import { prebuilt, repositoryPath } from './prebuilt.js';

export interface CodeFile {
  /** The path a reader can open in the repository, e.g. src/lessons/like/htmx.ts. */
  name: string;
  language: string;
  html: string;
}

/** EJS has no grammar of its own; its HTML is what a reader needs to see. */
const languageByExtension: Record<string, string> = { '.ts': 'typescript', '.js': 'javascript', '.ejs': 'xml', '.html': 'xml' };

const languageOf = (file: string) => languageByExtension[extname(file)] ?? 'plaintext';

const require = createRequire(import.meta.url);
let hljs: HLJSApi | undefined;

/**
 * highlight.js and its three grammars, loaded on first use: loading them and compiling each grammar on its
 * first file took a third of `serve`'s start-up, for files that have not changed since the build.
 */
function highlighter(): HLJSApi {
  if (hljs) return hljs;
  const core = require('highlight.js/lib/core') as HLJSApi;
  for (const language of ['javascript', 'typescript', 'xml']) core.registerLanguage(language, require(`highlight.js/lib/languages/${language}`));
  return (hljs = core);
}

export function highlight(text: string, language: string): string {
  return language === 'plaintext' ? escapeHtml(text) : highlighter().highlight(text, { language }).value;
}

/** Every code panel file, highlighted: by the build, or here if it changed since. */
export const codePanels = prebuilt({
  kind: 'code',
  library: 'highlight.js',
  make: (text, path) => highlight(text, languageOf(path)),
});

export function readCodeFile(lessonDir: string, file: string): CodeFile {
  const path = join(lessonDir, file);
  return { name: repositoryPath(path), language: languageOf(file), html: codePanels.read(path) };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
