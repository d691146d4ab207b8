// serve's views: templates/views, compiled once, with the workshop's words.
import { createViews } from '../kit/views.js';
import { htmxVersion } from '../kit/paths.js';
import { templatesDir } from './paths.js';
import { workshopWords } from './words.js';

export const views = createViews({ dir: `${templatesDir}/views`, cache: true, words: workshopWords, locals: { htmxVersion } });

export const renderFile = views.file;
export const renderView = views.page;
