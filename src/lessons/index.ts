// The ordered list of lessons: adding a lesson is one folder, its import here, and its place in the list.
import { join } from 'node:path';
import type { Lesson, LessonDefinition } from '../lane/types.js';
import { lessonsDir } from '../server/paths.js';
import like from './like/lesson.js';
import toggle from './toggle/lesson.js';
import payload from './payload/lesson.js';
import form from './form/lesson.js';
import search from './search/lesson.js';
import oob from './oob/lesson.js';
import failure from './failure/lesson.js';
import twoClients from './two-clients/lesson.js';

const definitions: LessonDefinition[] = [like, toggle, payload, form, search, oob, failure, twoClients];

export const lessons: Lesson[] = definitions.map((definition, index) => ({
  ...definition,
  number: index + 1,
  dir: join(lessonsDir, definition.id),
}));
