// Preload (node --import) for start-up tests: loading marked or highlight.js throws, by import or require, from
// node_modules or as the bundle's own file of them (dist/markdown.cjs, dist/highlighter.cjs). Their
// package.json (read for the version a build used) stays readable.
import Module, { register } from 'node:module';

const refused = /^(marked|highlight\.js)(\/(?!package\.json$).*)?$|(^|\/)(markdown|highlighter)\.cjs$/;
const message = (specifier) => `refused to load ${specifier}: serve should not need it for files the build prepared`;

const load = Module._load;
Module._load = function (request, ...rest) {
  if (refused.test(request)) throw new Error(message(request));
  return load.call(this, request, ...rest);
};

const hooks = `export async function resolve(specifier, context, next) {
  if (${refused}.test(specifier)) throw new Error(${JSON.stringify(message('SPECIFIER'))}.replace('SPECIFIER', specifier));
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
