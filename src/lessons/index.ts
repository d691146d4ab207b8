// The ordered list of lessons: adding a lesson is one folder and one line here.
import { join } from 'node:path';
import type { Lesson, LessonDefinition } from '../lane/types.js';
import { lessonsDir } from '../server/paths.js';
import like from './like/lesson.js';
import oob from './oob/lesson.js';
import toggle from './toggle/lesson.js';

const definitions: LessonDefinition[] = [
  like,
  toggle,
  oob,
];

export const lessons: Lesson[] = definitions.map((definition, index) => ({
  ...definition,
  number: index + 1,
  dir: join(lessonsDir, definition.id),
}));
