// Build step (npm run build): highlights every lesson's code panel files and renders every notes file and the
// wrap-up's prose into dist/prebuilt.json, for `serve` to start without highlight.js or marked.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessons } from '../src/lessons/index.js';
import { languages } from '../src/kit/i18n.js';
import { codePanels } from '../src/workshop/code-panels.js';
import { lessonNotes } from '../src/workshop/notes.js';
import { type Prebuilt, prebuiltFile } from '../src/workshop/prebuilt.js';
import { laneIds } from '../src/kit/types.js';
import { wrapUpFile, wrapUpProse } from '../src/workshop/wrap-up.js';

const codeFiles = lessons.flatMap((lesson) => laneIds.flatMap((lane) => (lesson.lanes[lane].code ?? []).map((file) => join(lesson.dir, file))));
const notesFiles = lessons.flatMap((lesson) => languages.map((lang) => join(lesson.dir, `notes.${lang}.md`))).filter((path) => existsSync(path));

const work: Array<[Prebuilt<unknown>, string[]]> = [
  [codePanels, [...new Set(codeFiles)]],
  [lessonNotes, notesFiles],
  [wrapUpProse, languages.map(wrapUpFile)],
];
writeFileSync(prebuiltFile, JSON.stringify(Object.fromEntries(work.map(([kind, paths]) => [kind.kind, kind.build(paths)]))));
