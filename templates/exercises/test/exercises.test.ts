// Your exercises: each one is done when its TODO is gone and the lesson's check for it passes over HTTP.
// The checks are the lesson's spec (src/lessons/<id>/spec.ts), the same that `npx htmx-demo verify` runs.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Lang } from '../src/kit/i18n.js';
import { runSpec, type SpecReport } from '../src/kit/spec/index.js';
import { lessons } from '../src/lessons/index.js';
import { startLessonServer, type LessonServer } from './support/lesson-server.js';

interface Exercise {
  number: number;
  file: string;
  check: string;
  title: string;
  hint: string;
}

const { lang, lessons: withExercises } = JSON.parse(readFileSync(new URL('../exercises.json', import.meta.url), 'utf8')) as {
  lang: Lang;
  lessons: Array<{ id: string; title: string; exercises: Exercise[] }>;
};

const say = {
  en: { exercise: 'exercise', todoLeft: 'its TODO is still in', solution: 'stuck? npm run solution -- {id} shows the answer' },
  ko: { exercise: '연습', todoLeft: 'TODO가 아직 남아 있습니다:', solution: '막히면 npm run solution -- {id} 로 답을 볼 수 있습니다' },
}[lang];

for (const lesson of withExercises) {
  describe(lesson.title, () => {
    let server: LessonServer;
    let report: SpecReport;
    beforeAll(async () => {
      server = await startLessonServer(lesson.id);
      const spec = lessons.find((l) => l.id === lesson.id)!.spec!;
      report = await runSpec((await spec()).default, new URL(server.url), lang);
    });
    afterAll(() => server.close());

    for (const exercise of lesson.exercises) {
      const path = `src/lessons/${lesson.id}/${exercise.file}`;
      it(`${say.exercise} ${exercise.number}: ${exercise.title} (${path})`, () => {
        const check = report.checks.find((c) => c.id === exercise.check);
        const todoLeft = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8').includes(`TODO ${exercise.number}:`);
        if (check?.status === 'pass' && !todoLeft) return;
        const seen = check?.status === 'pass' ? `${say.todoLeft} ${path}` : check?.detail ?? check?.status ?? '';
        throw new Error(`${exercise.hint}\n  (${seen})\n  ${say.solution.replace('{id}', lesson.id)}`);
      });
    }
  });
}
