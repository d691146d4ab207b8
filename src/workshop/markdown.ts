// marked, for notes and the wrap-up's prose: loaded only when one of them changed since the build.
export { marked } from 'marked';
