// Where an app's run-time files live (this package's from src/ or its published bundle in dist/, or a starter's), and htmx.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by the build (esbuild's `define`) in the published bundle, where no library is installed beside it. */
declare const HTMX_DEMO_BUNDLE: { versions: Record<string, string> } | undefined;
export const bundle = typeof HTMX_DEMO_BUNDLE === 'undefined' ? undefined : HTMX_DEMO_BUNDLE;

/** The package (or starter project) root: the nearest folder above this file with a package.json. */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return dir;
  }
}

export const lessonsDir = join(packageRoot, 'src', 'lessons');

/** Libraries' own files the page loads, copied into dist/vendor/ by the build; from node_modules in a clone. */
const vendorDir = join(packageRoot, 'dist', 'vendor');
const require = createRequire(import.meta.url);

/** A library's version: fixed by the build in the bundle, else read from its installed package.json. */
export function versionOf(library: string): string {
  return bundle?.versions[library] ?? (require(`${library}/package.json`) as { version: string }).version;
}

/** The folder of a library's browser file (e.g. 'htmx.org', 'dist/htmx.min.js'): served from there, never a CDN. */
export function browserFilesOf(library: string, file: string): string {
  return bundle ? join(vendorDir, library) : dirname(require.resolve(`${library}/${file}`));
}

/** htmx's own dist/ folder: the only place htmx is served from. */
export const htmxDistDir = browserFilesOf('htmx.org', 'dist/htmx.min.js');
export const htmxVersion = versionOf('htmx.org');
