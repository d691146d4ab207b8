// The code panels: the lesson's own files, read from disk when the page is rendered, highlighted on the server.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import { packageRoot } from '../server/paths.js';

hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('xml', xml);

/** EJS has no grammar of its own; its HTML is what a reader needs to see. */
const languageByExtension: Record<string, string> = { '.ts': 'typescript', '.js': 'javascript', '.ejs': 'xml', '.html': 'xml' };

export interface CodeFile {
  /** The path a reader can open in the repository, e.g. src/lessons/like/htmx.ts. */
  name: string;
  language: string;
  html: string;
}

/** Keyed by path; an edit on disk (a new mtime or size) is picked up on the next page load. Notes use it too. */
const cache = new Map<string, { stamp: string; value: unknown }>();

export function readCached<T>(file: string, build: (text: string) => T): T {
  const info = statSync(file);
  const stamp = `${info.mtimeMs}:${info.size}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = build(readFileSync(file, 'utf8'));
  cache.set(file, { stamp, value });
  return value;
}

export function readCodeFile(lessonDir: string, file: string): CodeFile {
  const path = join(lessonDir, file);
  const language = languageByExtension[extname(file)] ?? 'plaintext';
  const html = readCached(path, (text) =>
    language === 'plaintext' ? escapeHtml(text) : hljs.highlight(text, { language }).value,
  );
  return { name: relative(packageRoot, path).split('\\').join('/'), language, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
