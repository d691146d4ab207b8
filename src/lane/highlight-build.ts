// Build step (npm run build): highlights every lesson's code panel files into dist/, for `serve` to start without highlight.js.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessons } from '../lessons/index.js';
import { highlightedAtBuildFile, highlightForBuild } from './highlight.js';
import { laneIds } from './types.js';

const paths = lessons.flatMap((lesson) => laneIds.flatMap((lane) => lesson.lanes[lane].code.map((file) => join(lesson.dir, file))));
writeFileSync(highlightedAtBuildFile, JSON.stringify(highlightForBuild([...new Set(paths)])));
