// Work the build does ahead for files a page shows (code panels highlighted, notes rendered), so `serve` starts
// without loading the library that does it: saved in dist/ by repository path with a digest of the text. A file
// still as the build saw it comes from there; one edited since is made live, the same way, on the next page load.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot, versionOf } from '../kit/paths.js';

/** What the build saved for one kind of work: the library version it used, and each file's result. */
export interface Saved<T> {
  version: string;
  files: Record<string, { digest: string; value: T }>;
}

export interface Prebuilt<T> {
  kind: string;
  /**
   * What the file makes now: the build's result if its text is the one the build saw, else made live. Until the
   * library has loaded (see ready), a file edited since the build shows as `plain` makes it.
   */
  read(path: string): T;
  /** Loads the library if any of these files has changed since the build: a page awaits this before it renders. */
  ready(paths: string[]): Promise<void>;
  /** For the build: each file made, to save under `kind`. */
  build(paths: string[]): Promise<Saved<T>>;
}

/**
 * Where the build leaves its results: one file per lesson folder, and one for the files outside them, each
 * { [kind]: Saved }. A page reads only its lesson's file and the tool's, not every lesson's highlighted code.
 */
export const prebuiltDir = join(packageRoot, 'dist', 'prebuilt');
const toolGroup = '_tool'; // no lesson id starts with an underscore
const groupOf = (repoPath: string) => /^src\/lessons\/([\w-]+)\//.exec(repoPath)?.[1] ?? toolGroup;
const groupFile = (dir: string, repoPath: string) => join(dir, `${groupOf(repoPath)}.json`);

/** The path a reader can open in the repository, e.g. src/lessons/like/htmx.ts: what results are saved by. */
export const repositoryPath = (path: string) => relative(packageRoot, path).split('\\').join('/');
const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** For the build: every kind's results, written into prebuiltDir by group. */
export function writePrebuilt(saved: Record<string, Saved<unknown>>, dir = prebuiltDir): void {
  const groups = new Map<string, Record<string, Saved<unknown>>>();
  for (const [kind, { version, files }] of Object.entries(saved)) {
    for (const [repoPath, file] of Object.entries(files)) {
      const path = groupFile(dir, repoPath);
      const group = groups.get(path) ?? {};
      (group[kind] ??= { version, files: {} }).files[repoPath] = file;
      groups.set(path, group);
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, group] of groups) writeFileSync(file, JSON.stringify(group));
}

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

export interface PrebuiltOptions<T, L> {
  /** What the results are saved under, e.g. "notes". */
  kind: string;
  /** The package `make` uses: results saved with another version of it are made again. */
  library: string;
  /** Loads what `make` needs (a chunk of its own in the bundle): only when a file needs making. */
  load: () => Promise<L>;
  /** Turns a file's text into what the page shows. */
  make: (library: L, text: string, path: string) => T;
  /** What a changed file shows as in the moment before the library has loaded (the text, escaped). */
  plain: (text: string, path: string) => T;
  /** One file that holds every saved result (a test's); unless given, the build's, in prebuiltDir by group. */
  savedFile?: string;
}

/** Results are cached by path; an edit on disk (a new mtime or size) is picked up on the next read. */
export function prebuilt<T, L>({ kind, library: libraryName, load, make, plain, savedFile }: PrebuiltOptions<T, L>): Prebuilt<T> {
  const savedFileOf = (repoPath: string) => savedFile ?? groupFile(prebuiltDir, repoPath);
  let loaded: L | undefined;
  let loading: Promise<L> | undefined;
  const cache = new Map<string, { stamp: string; value: T; live: boolean }>();
  const loadLibrary = () => (loading ??= load().then((library) => (loaded = library)));

  /** The build's result for this text, if it saved one. */
  const atBuild = (path: string, text: string): T | undefined => {
    const repoPath = repositoryPath(path);
    const saved = savedFiles(savedFileOf(repoPath), kind, libraryName)[repoPath];
    return saved?.digest === digest(text) ? (saved.value as T) : undefined;
  };

  const stampOf = (path: string) => {
    const info = statSync(path);
    return `${info.mtimeMs}:${info.size}`;
  };

  const read = (path: string): T => {
    const stamp = stampOf(path);
    const hit = cache.get(path);
    if (hit?.stamp === stamp && (hit.live || !loaded)) return hit.value;
    const text = readFileSync(path, 'utf8');
    const saved = atBuild(path, text);
    if (saved !== undefined) {
      cache.set(path, { stamp, value: saved, live: true });
      return saved;
    }
    if (!loaded) void loadLibrary();
    const value = loaded ? make(loaded, text, path) : plain(text, path);
    cache.set(path, { stamp, value, live: Boolean(loaded) });
    return value;
  };

  return {
    kind,
    read,
    async ready(paths) {
      if (loaded) return;
      const stale = paths.some((path) => {
        try {
          const stamp = stampOf(path);
          const hit = cache.get(path);
          if (hit?.live && hit.stamp === stamp) return false;
          const saved = atBuild(path, readFileSync(path, 'utf8'));
          if (saved === undefined) return true;
          cache.set(path, { stamp, value: saved, live: true }); // what read() would find: the page reads it next
          return false;
        } catch {
          return false; // a missing file is the reader's to report
        }
      });
      if (stale) await loadLibrary();
    },
    async build(paths) {
      const library = await loadLibrary();
      const made: Saved<T>['files'] = {};
      for (const path of paths) {
        const text = readFileSync(path, 'utf8');
        made[repositoryPath(path)] = { digest: digest(text), value: make(library, text, path) };
      }
      return { version: versionOf(libraryName), files: made };
    },
  };
}
