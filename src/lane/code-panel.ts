// The code panels: the lesson's own files, read from disk when the page is rendered, highlighted on the server.
import { readFileSync, statSync } from 'node:fs';

// Highlighting lives in its own module (highlight.ts), so the build can run it ahead of time.
export { type CodeFile, readCodeFile } from './highlight.js';

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
