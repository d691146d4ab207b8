// Where an app's run-time files live (this package's, or a starter's: both keep src/kit two levels down), and htmx.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package or project root: dist/kit and src/kit both sit two levels below it. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const lessonsDir = join(packageRoot, 'src', 'lessons');

const require = createRequire(import.meta.url);

/** htmx's own dist/ folder inside node_modules: the only place htmx is served from. */
export const htmxDistDir = dirname(require.resolve('htmx.org/dist/htmx.min.js'));
export const htmxVersion: string = require('htmx.org/package.json').version;
