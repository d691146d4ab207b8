// What a starter project is made of: which file goes where, and from which source. planStarter() is pure.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../../kit/i18n.js';
import { type ExerciseLesson, exercisesFile, exercisesReadme, exercisesTemplateDir, type LessonExercises, planExercises, replacedByExercises } from './exercises.js';

/** A file of the new project: copied from `from` (through `edit` if any), or written from `content`. */
export type PlannedFile =
  | { path: string; from: string; edit?: (text: string) => string }
  | { path: string; content: string };

/** Where the starter's own files (app, page views, README, tests) live in this package. */
export const starterTemplateDir = 'templates/starter';

/**
 * Files the starter shares with `serve`, copied as they are (package path, project path), besides src/kit, which
 * it receives whole: one source, so the starter's security, errors and lane mounting are the very code `serve` runs.
 */
export const sharedSources: ReadonlyArray<readonly [string, string]> = [
  ['templates/views/error-fragment.ejs', 'views/error-fragment.ejs'],
  ['templates/assets/app.css', 'public/app.css'],
  ['templates/assets/favicon.svg', 'public/favicon.svg'],
];

/** A lesson's notes in the starter's language become its notes.md; the other language's are left out. */
const notesFile = /^notes\.([a-z]+)\.md$/;

/** npm drops dotfiles when publishing: the template carries `_gitignore`, and it is renamed on write. */
const renamedOnWrite: Record<string, string> = { _gitignore: '.gitignore' };

export interface StarterLesson {
  id: string;
  /** The lesson's folder in this package. */
  dir: string;
  /** Its files, relative to `dir`, with / separators. */
  files: string[];
  /** Its title in the starter's language. */
  title?: string;
  /** Its exercises, when the starter is asked for them and the lesson has some. */
  exercises?: LessonExercises;
}

export interface StarterInputs {
  packageRoot: string;
  /** The files of templates/starter, relative, with / separators. */
  templateFiles: string[];
  /** The files of src/kit, relative, with / separators. */
  kitFiles: string[];
  /** The files of src/lessons/shared (the lesson kit), relative, with / separators. */
  sharedFiles: string[];
  /** The chosen lessons, in the order of the lesson list. */
  lessons: StarterLesson[];
  /** The package name (the folder's name). */
  name: string;
  /** The UI language until a visitor picks one. */
  lang: Lang;
  /** With --exercises: the files of templates/exercises (the test and the solution script). */
  exerciseTemplateFiles?: string[];
}

export function planStarter(inputs: StarterInputs): PlannedFile[] {
  const { packageRoot, lessons } = inputs;
  const templateDir = join(packageRoot, starterTemplateDir);
  const lessonsDir = join(packageRoot, 'src', 'lessons');
  const edits = templateEdits(inputs);
  const files: PlannedFile[] = [
    ...inputs.templateFiles.map((file) => ({ path: renamed(file), from: join(templateDir, file), edit: edits[file] })),
    ...sharedSources.map(([from, path]) => ({ path, from: join(packageRoot, from) })),
    ...inputs.kitFiles.map((file) => ({ path: `src/kit/${file}`, from: join(packageRoot, 'src', 'kit', file) })),
    ...inputs.sharedFiles.map((file) => ({ path: `src/lessons/shared/${file}`, from: join(lessonsDir, 'shared', file) })),
    ...lessons.flatMap((lesson) =>
      lesson.files.filter((file) => file !== exercisesFile && !replacedByExercises(lesson, file)).flatMap((file) => lessonFile(lesson, file, inputs.lang)),
    ),
    { path: 'src/lessons/index.ts', content: lessonIndexSource(lessons.map((lesson) => lesson.id)) },
    ...(inputs.exerciseTemplateFiles ? planExercises(practised(inputs), join(packageRoot, exercisesTemplateDir), inputs.exerciseTemplateFiles, inputs.lang) : []),
  ];
  const seen = new Set<string>();
  for (const { path } of files) {
    if (seen.has(path)) throw new Error(`two starter files would be written to ${path}`);
    seen.add(path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A lesson's file on its way into the starter: as it is, but for its notes and its lesson.ts. */
function lessonFile(lesson: StarterLesson, file: string, lang: Lang): PlannedFile[] {
  const from = join(lesson.dir, file);
  const notes = notesFile.exec(file);
  if (notes) return notes[1] === lang ? [{ path: `src/lessons/${lesson.id}/notes.md`, from, edit: notesForStarter }] : [];
  return [{ path: `src/lessons/${lesson.id}/${file}`, from, edit: file === 'lesson.ts' ? withoutCodeLists : undefined }];
}

/** The `code:` lists name the files serve's code panels show; a starter has no code panels. */
export function withoutCodeLists(text: string): string {
  return text.replace(/, code: \[[^\]]*\]/g, '').replace(/^\s*code: \[[^\]]*\],?\n/gm, '');
}

/** serve's walkthrough marks which part of its page each step lights up; in a plain markdown file those marks are noise. */
export function notesForStarter(text: string): string {
  return text.replace(/^<!--[^\n]*-->\n/gm, '');
}

function renamed(file: string): string {
  const parts = file.split('/');
  const last = parts.pop()!;
  return [...parts, renamedOnWrite[last] ?? last].join('/');
}

/** The lessons whose exercises the starter gets. */
function practised({ lessons }: StarterInputs): ExerciseLesson[] {
  return lessons.flatMap(({ id, dir, title, exercises }) => (exercises ? [{ id, dir, title: title ?? id, exercises }] : []));
}

/** The template files that are changed on their way: the project's name, the app's language, and the exercises. */
function templateEdits(inputs: StarterInputs): Record<string, (text: string) => string> {
  const { name, lang } = inputs;
  const exercises = inputs.exerciseTemplateFiles ? practised(inputs) : [];
  const scripts = (pkg: { scripts: object }) => (exercises.length ? { ...pkg.scripts, solution: 'tsx scripts/solution.ts' } : pkg.scripts);
  return {
    'package.json': (text) => {
      const pkg = JSON.parse(text);
      return `${JSON.stringify({ ...pkg, name, scripts: scripts(pkg) }, null, 2)}\n`;
    },
    'src/main.ts': (text) => replaceOnce(text, "createApp({ lang: 'en',", `createApp({ lang: '${lang}',`),
    'README.md': (text) => {
      const titled = replaceOnce(text, '# htmx-demo-starter\n', `# ${name}\n`);
      if (!exercises.length) return titled;
      return replaceOnce(titled, '\n## Follow a like', `${exercisesReadme(exercises, lang)}\n## Follow a like`);
    },
  };
}

function replaceOnce(text: string, search: string, replacement: string): string {
  if (text.split(search).length !== 2) throw new Error(`the starter template no longer has ${search} exactly once`);
  return text.replace(search, () => replacement);
}

/** The starter's lesson list: the same shape as this package's src/lessons/index.ts, with the chosen lessons. */
export function lessonIndexSource(ids: string[]): string {
  return [
    '// The ordered list of lessons: adding a lesson is one folder and one line here.',
    "import { join } from 'node:path';",
    "import type { Lesson } from '../kit/types.js';",
    "import { lessonsDir } from '../kit/paths.js';",
    '',
    '// Loaded side by side, numbered in this order.',
    'const modules = await Promise.all([',
    ...ids.map((id) => `  import('./${id}/lesson.js'),`),
    ']);',
    '',
    'export const lessons: Lesson[] = modules.map(({ default: definition }, index) => ({',
    '  ...definition,',
    '  number: index + 1,',
    '  dir: join(lessonsDir, definition.id),',
    '}));',
    '',
  ].join('\n');
}

/** Every file under `dir`, relative, with / separators, sorted. (Walked by hand: Node 20.0 has no recursive readdir.) */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.isFile()) files.push(`${prefix}${entry.name}`);
  }
  return files.sort();
}
