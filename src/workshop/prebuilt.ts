// Work the build does ahead for files a page shows (code panels highlighted, notes rendered), so `serve` starts
// without loading the library that does it: saved in dist/ by repository path with a digest of the text. A file
// still as the build saw it comes from there; one edited since is made live, the same way, on the next page load.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { packageRoot } from '../kit/paths.js';

/** What the build saved for one kind of work: the library version it used, and each file's result. */
export interface Saved<T> {
  version: string;
  files: Record<string, { digest: string; value: T }>;
}

export interface Prebuilt<T> {
  kind: string;
  /** What the file makes now: the build's result if its text is the one the build saw, else made live. */
  read(path: string): T;
  /** For the build: each file made, to save under `kind`. */
  build(paths: string[]): Saved<T>;
}

/** Where the build leaves every kind's results: { [kind]: Saved }. */
export const prebuiltFile = join(packageRoot, 'dist', 'prebuilt.json');

const require = createRequire(import.meta.url);

/** The path a reader can open in the repository, e.g. src/lessons/like/htmx.ts: what results are saved by. */
export const repositoryPath = (path: string) => relative(packageRoot, path).split('\\').join('/');
const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
const versionOf = (library: string) => (require(`${library}/package.json`) as { version: string }).version;

/** Each saved file as read, once: { [kind]: Saved }. */
const savedByFile = new Map<string, Record<string, Saved<unknown>>>();

function savedFiles(savedFile: string, kind: string, library: string): Saved<unknown>['files'] {
  let saved = savedByFile.get(savedFile);
  if (!saved) {
    try {
      saved = JSON.parse(readFileSync(savedFile, 'utf8')) as Record<string, Saved<unknown>>;
    } catch {
      saved = {}; // not built (a test run from the sources, say): everything is made live
    }
    savedByFile.set(savedFile, saved);
  }
  const found = saved[kind];
  return found?.version === versionOf(library) ? found.files : {};
}

export interface PrebuiltOptions<T> {
  /** What the results are saved under, e.g. "notes". */
  kind: string;
  /** The package `make` uses: results saved with another version of it are made again. */
  library: string;
  /** Turns a file's text into what the page shows; loads `library` itself, so only when it runs. */
  make: (text: string, path: string) => T;
  /** Where the build saved them: prebuiltFile, unless a test says otherwise. */
  savedFile?: string;
}

/** Results are cached by path; an edit on disk (a new mtime or size) is picked up on the next read. */
export function prebuilt<T>({ kind, library, make, savedFile = prebuiltFile }: PrebuiltOptions<T>): Prebuilt<T> {
  let files: Saved<unknown>['files'] | undefined;
  const cache = new Map<string, { stamp: string; value: T }>();
  return {
    kind,
    read(path) {
      const info = statSync(path);
      const stamp = `${info.mtimeMs}:${info.size}`;
      const hit = cache.get(path);
      if (hit?.stamp === stamp) return hit.value;
      const text = readFileSync(path, 'utf8');
      const atBuild = (files ??= savedFiles(savedFile, kind, library))[repositoryPath(path)];
      const value = atBuild?.digest === digest(text) ? (atBuild.value as T) : make(text, path);
      cache.set(path, { stamp, value });
      return value;
    },
    build(paths) {
      const made: Saved<T>['files'] = {};
      for (const path of paths) {
        const text = readFileSync(path, 'utf8');
        made[repositoryPath(path)] = { digest: digest(text), value: make(text, path) };
      }
      return { version: versionOf(library), files: made };
    },
  };
}
