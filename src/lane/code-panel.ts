// The code panels: the lesson's own files, read from disk when the page is rendered, highlighted on the server.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';

// Highlighting lives in its own module, which a worker thread also runs while the server starts.
export { type CodeFile, readCodeFile } from './highlight.js';

/** Keyed by path; an edit on disk (a new mtime or size) is picked up on the next page load. */
const cache = new Map<string, { stamp: string; value: unknown }>();

function readCached<T>(file: string, build: (text: string) => T): T {
  const info = statSync(file);
  const stamp = `${info.mtimeMs}:${info.size}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = build(readFileSync(file, 'utf8'));
  cache.set(file, { stamp, value });
  return value;
}

/** A lesson's notes: Markdown written by the project (trusted), in the visitor's language. */
export function readNotes(lessonDir: string, lang: string): string {
  return readCached(join(lessonDir, `notes.${lang}.md`), (text) => marked.parse(text, { async: false }));
}
