// Build step (npm run build): highlights every lesson's code panel files and renders every notes file and the
// wrap-up's prose into dist/prebuilt.json, for `serve` to start without highlight.js or marked.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessons } from '../lessons/index.js';
import { languages } from '../server/i18n.js';
import { codePanels } from './highlight.js';
import { lessonNotes } from './notes.js';
import { type Prebuilt, prebuiltFile } from './prebuilt.js';
import { laneIds } from './types.js';
import { wrapUpFile, wrapUpProse } from './wrap-up.js';

const codeFiles = lessons.flatMap((lesson) => laneIds.flatMap((lane) => lesson.lanes[lane].code.map((file) => join(lesson.dir, file))));
const notesFiles = lessons.flatMap((lesson) => languages.map((lang) => join(lesson.dir, `notes.${lang}.md`))).filter((path) => existsSync(path));

const work: Array<[Prebuilt<unknown>, string[]]> = [
  [codePanels, [...new Set(codeFiles)]],
  [lessonNotes, notesFiles],
  [wrapUpProse, languages.map(wrapUpFile)],
];
writeFileSync(prebuiltFile, JSON.stringify(Object.fromEntries(work.map(([kind, paths]) => [kind.kind, kind.build(paths)]))));
