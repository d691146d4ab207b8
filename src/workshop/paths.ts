// Where serve's own run-time files live: the page views and assets, and highlight.js's stylesheets.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../kit/paths.js';

export const templatesDir = join(packageRoot, 'templates');

/** highlight.js's stylesheets: the code panels are highlighted on the server and styled by these. */
export const highlightStylesDir = dirname(createRequire(import.meta.url).resolve('highlight.js/styles/github.css'));
