// Where the app's files are: its views, its public files, its lessons, and htmx inside node_modules.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const viewsDir = join(projectRoot, 'views');
export const publicDir = join(projectRoot, 'public');
export const lessonsDir = join(projectRoot, 'src', 'lessons');

const require = createRequire(import.meta.url);

/** An installed library's version. */
export const versionOf = (library: string): string => (require(`${library}/package.json`) as { version: string }).version;

/** The folder of a library's browser file (e.g. 'htmx.org', 'dist/htmx.min.js'): served from there, never a CDN. */
export const browserFilesOf = (library: string, file: string): string => dirname(require.resolve(`${library}/${file}`));

/** htmx is served from the installed package: the app works offline. */
export const htmxDistDir = browserFilesOf('htmx.org', 'dist/htmx.min.js');
export const htmxVersion = versionOf('htmx.org');
