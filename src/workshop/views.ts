// serve's views: templates/views, compiled once, with the workshop's words.
import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import { createViews } from '../kit/views.js';
import { escapeLikeEjs } from './escape-html.js';
import { htmxVersion } from '../kit/paths.js';
import { templatesDir } from './paths.js';
import { workshopWords } from './words.js';

export const views = createViews({ dir: `${templatesDir}/views`, cache: true, words: workshopWords, locals: { htmxVersion } });

export const renderFile = views.file;
export const renderView = views.page;

/**
 * A view drawn many times a second (an inspector row, for every exchange of a watched visitor), compiled once
 * with only the named locals in scope: no `with` lookup for every name it uses, no copy of the request's whole
 * state for each render, a quicker escape, and no indentation sent. Compiled when first drawn, not at start-up.
 */
export function compileView<Locals extends object>(name: string, localNames: Array<keyof Locals & string>): (locals: Locals) => string {
  const file = `${templatesDir}/views/${name}.ejs`;
  const options = {
    filename: file, strict: true, _with: false, destructuredLocals: localNames, compileDebug: false, escape: escapeLikeEjs, rmWhitespace: true,
  };
  let compiled: ((locals: Locals) => string) | undefined;
  return (locals) => (compiled ??= ejs.compile(readFileSync(file, 'utf8'), options) as (locals: Locals) => string)(locals);
}
