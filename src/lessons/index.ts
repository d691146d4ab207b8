// The ordered list of lessons: adding a lesson is one folder and one line here.
import { join } from 'node:path';
import type { Lesson } from '../kit/types.js';
import { lessonsDir } from '../kit/paths.js';

// Loaded side by side, numbered in this order.
const modules = await Promise.all([
  import('./like/lesson.js'),
  import('./toggle/lesson.js'),
  import('./payload/lesson.js'),
  import('./form/lesson.js'),
  import('./search/lesson.js'),
  import('./oob/lesson.js'),
  import('./failure/lesson.js'),
  import('./two-clients/lesson.js'),
  import('./htmx2-vs-4/lesson.js'),
]);

export const lessons: Lesson[] = modules.map(({ default: definition }, index) => ({
  ...definition,
  number: index + 1,
  dir: join(lessonsDir, definition.id),
}));
