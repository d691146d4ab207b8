// htmx-demo lessons, and serve --lesson: the registry's lessons by number and id. Loads no server code.
import chalk from 'chalk';
import type { Lesson } from '../kit/types.js';
import { lessons as registry } from '../lessons/index.js';
import type { Lang } from '../kit/i18n.js';
import { CliError } from './errors.js';

/** One line per lesson: number, id and title in aligned columns; a dim header and a hint on a terminal. */
export function formatLessons(lessons: Lesson[], lang: Lang, terminal: boolean): string[] {
  const numberWidth = Math.max(1, ...lessons.map((lesson) => String(lesson.number).length));
  const idWidth = Math.max(2, ...lessons.map((lesson) => lesson.id.length));
  // Padded before colouring, so escape codes do not count as width.
  const row = (number: string, id: string, title: string, colorId = (text: string) => text) =>
    `${number.padStart(numberWidth)}  ${colorId(id.padEnd(idWidth))}  ${title}`.trimEnd();
  const lines = lessons.map((lesson) => row(String(lesson.number), lesson.id, lesson.title[lang], chalk.cyan));
  if (!terminal) return lines;
  const ko = lang === 'ko';
  return [
    chalk.dim(row('#', 'id', ko ? '제목' : 'title')),
    ...lines,
    '',
    chalk.dim(ko ? '한 레슨에서 시작하기: htmx-demo serve --lesson <번호|id>' : 'Start on one: htmx-demo serve --lesson <number|id>'),
  ];
}

export function printLessons(lang: Lang): void {
  process.stdout.write(`${formatLessons(registry, lang, Boolean(process.stdout.isTTY)).join('\n')}\n`);
}

/** A lesson by id or by number; anything else is one readable error that lists the lessons there are. */
export function findLesson(wanted: string, lessons: Lesson[] = registry): Lesson {
  const byNumber = /^\d+$/.test(wanted) ? lessons.find((lesson) => lesson.number === Number(wanted)) : undefined;
  const found = byNumber ?? lessons.find((lesson) => lesson.id === wanted.trim().toLowerCase());
  if (!found) {
    const valid = lessons.map((lesson) => `${lesson.number} ${lesson.id}`).join(', ');
    throw new CliError(`unknown lesson "${wanted}": use a number or an id, one of: ${valid}`);
  }
  return found;
}
