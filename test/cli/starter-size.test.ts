// The like-only starter reads in ten minutes: following a like from the click to the swap takes at most 400 lines.
// Every code file of the starter is either on that path or set aside by name, so no file can slip out of the count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { listFiles, planStarter } from '../../src/cli/scaffold/plan.js';
import { repoRoot } from './scaffold-support.js';

/** The files a learner opens to follow a like: the page, the lesson, the request's way through the server. */
const likePath = [
  'views/lesson.ejs', 'views/_top.ejs', 'views/_bottom.ejs', 'src/page.ts',
  'src/lessons/like/lesson.ts', 'src/lessons/like/counts.ts', 'src/lessons/like/htmx.ts', 'src/lessons/like/json.ts',
  'src/lessons/like/views/htmx.ejs', 'src/lessons/like/views/_like_button.ejs', 'src/lessons/like/views/json.ejs',
  'src/lessons/like/public/like.js', 'src/lessons/shared/public/send.js',
  'src/app.ts', 'src/kit/mount.ts', 'src/kit/views.ts',
];

/** Read along the way, but not the like's own path: the lesson types (erased at run time), every htmx lane's helper. */
const alongside = ['src/kit/types.ts', 'src/lessons/shared/public/htmx-lane.js'];

/** Set aside, by name: tests and the spec checker, the security kit, and what is not on a like's way. */
const aside = [
  /\.test\.ts$/, /^test\//, /^src\/kit\/spec\//, /\/spec\.ts$/,
  /^src\/kit\/(security|hosts|visitor|errors|static|body-parser|state|text)\.ts$/, /^views\/error-(page|fragment)\.ejs$/,
  /^src\/main\.ts$/, /^src\/kit\/(address|paths|i18n)\.ts$/, /^src\/lessons\/index\.ts$/, // start-up, folders and words
  /^src\/lessons\/shared\/[^/]+\.ts$/, // per-visitor state and bodies: lessons 2 to 8 use them, the like does not
  /^src\/kit\/lane-match\.ts$/, // which lane a path is for, remembered: speed, not the like's way
];

it('following a like takes at most 400 lines, and every other code file is set aside by name', async () => {
  const like = lessons.find((lesson) => lesson.id === 'like')!;
  const plan = planStarter({
    packageRoot: repoRoot,
    templateFiles: await listFiles(join(repoRoot, 'templates/starter')),
    kitFiles: await listFiles(join(repoRoot, 'src/kit')),
    sharedFiles: await listFiles(join(repoRoot, 'src/lessons/shared')),
    lessons: [{ id: like.id, dir: like.dir, files: await listFiles(like.dir) }], // exercises/ stays out without --exercises
    name: 'x',
    lang: 'en',
  });
  const text = (path: string) => {
    const file = plan.find((f) => f.path === path);
    if (!file) throw new Error(`the starter has no ${path}`);
    return 'content' in file ? file.content : (file.edit ?? String)(readFileSync(file.from, 'utf8'));
  };
  const code = plan.map((file) => file.path).filter((path) => /\.(ts|js|ejs)$/.test(path));
  expect(code.filter((path) => ![...likePath, ...alongside].includes(path) && !aside.some((pattern) => pattern.test(path)))).toEqual([]);
  const count = (paths: string[]) => Object.fromEntries(paths.map((path) => [path, text(path).trimEnd().split('\n').length]));
  const sum = (lines: Record<string, number>) => Object.values(lines).reduce((total, n) => total + n, 0);
  const lines = count(likePath);
  const total = sum(lines);
  console.log(`a like, click to swap: ${total} lines in ${likePath.length} files (${total + sum(count(alongside))} with ${alongside.join(' and ')})`, lines);
  expect(total).toBeLessThanOrEqual(400);
});
