// Where the app's files are: its views, its public files, its lessons, and htmx inside node_modules.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const viewsDir = join(projectRoot, 'views');
export const publicDir = join(projectRoot, 'public');
export const lessonsDir = join(projectRoot, 'src', 'lessons');

const require = createRequire(import.meta.url);

/** htmx is served from the installed package (never a CDN): the app works offline. */
export const htmxDistDir = dirname(require.resolve('htmx.org/dist/htmx.min.js'));
export const htmxVersion: string = require('htmx.org/package.json').version;
