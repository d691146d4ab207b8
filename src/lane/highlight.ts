// The code panels' files, highlighted on the server: read from disk when a page is rendered (an edit shows on
// the next page load). Files as the build found them come highlighted already, so `serve` starts without
// loading highlight.js; a file edited since is highlighted then, the same way.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import type { HLJSApi } from 'highlight.js';
import { packageRoot } from '../server/paths.js';

export interface CodeFile {
  /** The path a reader can open in the repository, e.g. src/lessons/like/htmx.ts. */
  name: string;
  language: string;
  html: string;
}

/** EJS has no grammar of its own; its HTML is what a reader needs to see. */
const languageByExtension: Record<string, string> = { '.ts': 'typescript', '.js': 'javascript', '.ejs': 'xml', '.html': 'xml' };

const languageOf = (file: string) => languageByExtension[extname(file)] ?? 'plaintext';
const nameOf = (path: string) => relative(packageRoot, path).split('\\').join('/');
const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

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

/** Where the build leaves the highlighted files: by repository path, with a digest of the text it highlighted. */
export const highlightedAtBuildFile = join(packageRoot, 'dist', 'highlighted.json');

export interface HighlightedAtBuild {
  highlightJs: string;
  files: Record<string, { digest: string; html: string }>;
}

let atBuild: HighlightedAtBuild['files'] | undefined;

/** What the build highlighted, if it was this very text and this highlight.js; else nothing. */
function highlightedAtBuild(path: string, text: string): string | undefined {
  if (!atBuild) {
    try {
      const saved = JSON.parse(readFileSync(highlightedAtBuildFile, 'utf8')) as HighlightedAtBuild;
      const version = (require('highlight.js/package.json') as { version: string }).version;
      atBuild = saved.highlightJs === version ? saved.files : {};
    } catch {
      atBuild = {}; // not built with it (a test run from the sources, say): highlight everything here
    }
  }
  const saved = atBuild[nameOf(path)];
  return saved?.digest === digest(text) ? saved.html : undefined;
}

/** Highlights `paths` as readCodeFile would, for the build to save. */
export function highlightForBuild(paths: string[]): HighlightedAtBuild {
  const files: HighlightedAtBuild['files'] = {};
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    files[nameOf(path)] = { digest: digest(text), html: highlight(text, languageOf(path)) };
  }
  return { highlightJs: (require('highlight.js/package.json') as { version: string }).version, files };
}

/** Keyed by path; an edit on disk (a new mtime or size) is picked up on the next page load. */
const cache = new Map<string, { stamp: string; html: string }>();

export function readCodeFile(lessonDir: string, file: string): CodeFile {
  const path = join(lessonDir, file);
  const language = languageOf(file);
  const info = statSync(path);
  const stamp = `${info.mtimeMs}:${info.size}`;
  let hit = cache.get(path);
  if (hit?.stamp !== stamp) {
    const text = readFileSync(path, 'utf8');
    hit = { stamp, html: highlightedAtBuild(path, text) ?? highlight(text, language) };
    cache.set(path, hit);
  }
  return { name: nameOf(path), language, html: hit.html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
