// The work pages would otherwise do at run time, done ahead: every lesson's code panel files highlighted, every
// notes file and the wrap-up's prose rendered, saved in dist/prebuilt/ for `serve` to start without either library;
// and the tool's own asset bundles minified (dist/assets.json).
import { existsSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { transform } from 'esbuild';
import { languages } from '../src/kit/i18n.js';
import { laneIds } from '../src/kit/types.js';
import { lessons } from '../src/lessons/index.js';
import { bundles, digestOf, joinBundle, type SavedBundles, savedBundlesFile } from '../src/workshop/assets.js';
import { codePanels } from '../src/workshop/code-panels.js';
import { lessonNotes, notesFile } from '../src/workshop/notes.js';
import { type Prebuilt, writePrebuilt } from '../src/workshop/prebuilt.js';
import { wrapUpFile, wrapUpProse } from '../src/workshop/wrap-up.js';

export async function prebuild(): Promise<void> {
  const codeFiles = lessons.flatMap((lesson) => laneIds.flatMap((lane) => (lesson.lanes[lane].code ?? []).map((file) => join(lesson.dir, file))));
  const notesFiles = lessons.flatMap((lesson) => languages.map((lang) => notesFile(lesson.dir, lang))).filter((path) => existsSync(path));
  const work: Array<[Prebuilt<unknown>, string[]]> = [
    [codePanels, [...new Set(codeFiles)]],
    [lessonNotes, notesFiles],
    [wrapUpProse, languages.map(wrapUpFile)],
  ];
  const saved = await Promise.all(work.map(async ([kind, paths]) => [kind.kind, await kind.build(paths)]));
  writePrebuilt(Object.fromEntries(saved));
}

/** Each bundle of the tool's own CSS and JS, minified; lesson files are never among them (they are shown as they are). */
export async function minifyBundles(): Promise<void> {
  const saved: SavedBundles = {};
  for (const name of Object.keys(bundles)) {
    const joined = joinBundle(name);
    const loader = extname(name) === '.css' ? 'css' : 'js';
    const { code } = await transform(joined, { loader, minify: true, legalComments: 'none', target: 'es2022' });
    saved[name] = { digest: digestOf(joined), text: code };
  }
  writeFileSync(savedBundlesFile, JSON.stringify(saved));
}
