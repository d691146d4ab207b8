// Where the package's run-time files live, whether running from dist/ or from src/.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: dist/kit and src/kit both sit two levels below it. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const templatesDir = join(packageRoot, 'templates');
export const lessonsDir = join(packageRoot, 'src', 'lessons');

const require = createRequire(import.meta.url);

/** htmx's own dist/ folder inside node_modules: the only place htmx is served from. */
export const htmxDistDir = dirname(require.resolve('htmx.org/dist/htmx.min.js'));
export const htmxVersion: string = require('htmx.org/package.json').version;

/** highlight.js's stylesheets: the code panels are highlighted on the server and styled by these. */
export const highlightStylesDir = dirname(require.resolve('highlight.js/styles/github.css'));
