// The lesson's data: one short task list on the server, the same for every client (both lanes, curl, a phone app).
import type { Context } from 'koa';
import { langOf } from '../shared/words.js';

const titles = [
  { en: 'Bring a laptop with Node 20', ko: 'Node 20이 설치된 노트북 가져오기' },
  { en: 'Start htmx-demo', ko: 'htmx-demo 시작하기' },
  { en: 'Compare the two lanes', ko: '두 레인 비교하기' },
  { en: 'Try the network-down switch', ko: '네트워크 끊기 스위치 눌러 보기' },
  { en: 'Write down one question', ko: '질문 하나 적어 두기' },
];
const doneIds = new Set<number>();

/** A task as every client sees it, in the visitor's language. */
export interface Task {
  id: number;
  title: string;
  done: boolean;
}

export function listTasks(ctx: Context): Task[] {
  const lang = langOf(ctx);
  return titles.map((title, index) => ({ id: index + 1, title: title[lang], done: doneIds.has(index + 1) }));
}

/** The task a URL's `:id` names: a 400 when it is not a number, a 404 when there is no such task. */
export function findTask(ctx: Context, id: string | undefined): Task {
  if (!/^\d{1,6}$/.test(id ?? '')) ctx.throw(400, 'A task id is a whole number, as in /api/v1/tasks/1.');
  const task = listTasks(ctx).find((t) => t.id === Number(id));
  return task ?? ctx.throw(404, `There is no task ${Number(id)}.`);
}

export function markDone(task: Task, done: boolean): Task {
  if (done) doneIds.add(task.id);
  else doneIds.delete(task.id);
  return { ...task, done };
}

export function resetTasks(): void {
  doneIds.clear();
}
