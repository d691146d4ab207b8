// Where serve's own run-time files live: the page views and assets, and highlight.js's stylesheets.
import { join } from 'node:path';
import { browserFilesOf, packageRoot } from '../kit/paths.js';

export const templatesDir = join(packageRoot, 'templates');

/** highlight.js's stylesheets: the code panels are highlighted on the server and styled by these. */
export const highlightStylesDir = browserFilesOf('highlight.js', 'styles/github.css');
