// scaffold --exercises: a lesson's files with numbered TODO holes (made from the lesson's own files by the holes its
// exercises.json lists), the solutions beside them, the tests that name each unfinished one, and `npm run solution`. planExercises() is pure.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../../kit/i18n.js';

/** One TODO hole: where a lesson file's `find` (once in it) is replaced by `replace`, which carries the TODO comment. */
export interface Hole {
  /** Relative to the lesson folder, with / separators. */
  file: string;
  find: string;
  replace: string;
}

/** One exercise, as src/lessons/<id>/exercises.json lists it. */
export interface Exercise {
  number: number;
  /** The lesson spec's check that passes once it is done. */
  check: string;
  title: Record<Lang, string>;
  hint: Record<Lang, string>;
  holes?: Hole[];
}

export interface LessonExercises {
  list: Array<Exercise & { file: string }>;
  /** Each holed file's text as the learner gets it, by its path in the lesson folder. */
  holed: Record<string, string>;
}

/** Where the exercises' own files (the test, the solution script) live in this package. */
export const exercisesTemplateDir = 'templates/exercises';
/** The list of a lesson's exercises, in its folder; the holed files are made from the lesson's own ones. */
export const exercisesFile = 'exercises.json';

/** A lesson's exercises, or undefined when it has none yet. */
export async function readExercises(lessonDir: string, files: string[]): Promise<LessonExercises | undefined> {
  if (!files.includes(exercisesFile)) return undefined;
  const { exercises } = JSON.parse(await readFile(join(lessonDir, exercisesFile), 'utf8')) as { exercises: Exercise[] };
  const holes = exercises.flatMap((exercise) => exercise.holes ?? []);
  const sources = Object.fromEntries(await Promise.all([...new Set(holes.map((hole) => hole.file))].map(async (file) => [file, await readFile(join(lessonDir, file), 'utf8')] as const)));
  const holed = applyHoles(sources, holes);
  const list = exercises.map((exercise) => {
    const file = holes.find((hole) => hole.replace.includes(`TODO ${exercise.number}:`))?.file;
    if (!file) throw new Error(`${join(lessonDir, exercisesFile)}: no hole carries TODO ${exercise.number}:`);
    return { ...exercise, file };
  });
  return { list, holed };
}

/** The learner's version of each file: every hole applied in turn, each `find` present exactly once when it applies. */
export function applyHoles(sources: Record<string, string>, holes: Hole[]): Record<string, string> {
  const holed = { ...sources };
  for (const { file, find, replace } of holes) {
    const text = holed[file]!;
    const at = text.indexOf(find);
    if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`${file}: an exercise's hole must match its text once, ${at < 0 ? 'found none' : 'found it twice'}: ${JSON.stringify(find.slice(0, 60))}`);
    holed[file] = text.slice(0, at) + replace + text.slice(at + find.length);
  }
  return holed;
}

interface PlannedCopy {
  path: string;
  from: string;
}

export interface ExerciseLesson {
  id: string;
  dir: string;
  title: string;
  exercises: LessonExercises;
}

/**
 * For each lesson with exercises: its holed files where the lesson's own would go, the lesson's own files under
 * solutions/<id>/, and exercises.json (what the starter's test reads), in the starter's language.
 */
export function planExercises(lessons: ExerciseLesson[], templateDir: string, templateFiles: string[], lang: Lang): Array<PlannedCopy | { path: string; content: string }> {
  const list = lessons.map(({ id, title, exercises }) => ({
    id,
    title,
    exercises: exercises.list.map(({ number, file, check, title: name, hint }) => ({ number, file, check, title: name[lang], hint: hint[lang] })),
  }));
  return [
    ...templateFiles.map((file) => ({ path: file, from: join(templateDir, file) })),
    ...lessons.flatMap(({ id, dir, exercises }) =>
      Object.entries(exercises.holed).flatMap(([file, content]) => [
        { path: `src/lessons/${id}/${file}`, content },
        { path: `solutions/${id}/${file}`, from: join(dir, file) },
      ]),
    ),
    { path: 'exercises.json', content: `${JSON.stringify({ lang, lessons: list }, null, 2)}\n` },
  ];
}

/** The lesson files an exercise starter leaves out: the holed ones' originals, and the lesson's own test. */
export function replacedByExercises(lesson: { id: string; exercises?: LessonExercises }, file: string): boolean {
  if (!lesson.exercises) return false;
  return file in lesson.exercises.holed || file === `${lesson.id}.test.ts`;
}

/** The README's section for a starter with exercises, in its language. */
export function exercisesReadme(lessons: ExerciseLesson[], lang: Lang): string {
  const names = lessons.map(({ id }) => id).join(', ');
  if (lang === 'ko') {
    return `
## 연습

이 프로젝트의 레슨 (${names})에는 번호 붙은 \`TODO\`가 있습니다. 레슨이 가르치는 바로 그 자리입니다. 나머지는 모두 완성되어
돌아갑니다.

\`\`\`sh
npm test                          # 아직 안 끝난 연습마다 이름과 힌트를 보여 줍니다; 모두 끝나면 통과합니다
npm run solution -- like          # 내 파일과 답의 차이 (diff)
npm run solution -- like --apply  # 답을 덮어씁니다; 내 시도는 .solution-backup/ 에 남습니다
\`\`\`

연습 하나는 \`TODO n:\` 주석을 지우고 그 동작이 확인되면 끝난 것입니다. 확인은 \`npx htmx-demo verify\`와 같은 레슨
스펙(\`src/lessons/<id>/spec.ts\`)으로 합니다. 답은 \`solutions/<id>/\`에 있습니다.
`;
  }
  return `
## Exercises

The lessons in this project (${names}) have numbered \`TODO\`s, at the very points each lesson teaches; everything
around them is complete and runs.

\`\`\`sh
npm test                          # names each unfinished exercise, with a hint; passes once they are all done
npm run solution -- like          # the difference between your files and the solution
npm run solution -- like --apply  # writes the solution over yours, keeping your attempt in .solution-backup/
\`\`\`

An exercise is done when its \`TODO n:\` comment is gone and what it asks for works, as checked by the lesson's spec
(\`src/lessons/<id>/spec.ts\`, the checks \`npx htmx-demo verify\` runs). The solutions are in \`solutions/<id>/\`.
`;
}
