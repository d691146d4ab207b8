// How much code each lane of each lesson needs, measured from the files on disk when the page is asked for: the
// lesson's own files, and apart from them the shared pieces a lane relies on (its send.js, htmx-lane.js, kit files).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { laneIds, type LaneId, type Lesson } from '../kit/types.js';

export interface Size {
  /** Lines with something on them: blank lines are layout, not code. */
  lines: number;
  bytes: number;
}

export interface LaneSize {
  /** Files in the lesson's own folder. */
  own: Size;
  /** Files outside it, which other lessons use too. */
  shared: Size;
}

export interface LessonCodeSize {
  lesson: Lesson;
  lanes: Record<LaneId, LaneSize>;
  /** The htmx lane's own bytes as a share of the JSON lane's own bytes, in per cent. */
  htmxShare: number;
}

export function measureFile(path: string): Size {
  const text = readFileSync(path, 'utf8');
  return { lines: text.split('\n').filter((line) => line.trim() !== '').length, bytes: Buffer.byteLength(text) };
}

const add = (a: Size, b: Size): Size => ({ lines: a.lines + b.lines, bytes: a.bytes + b.bytes });
const zero: Size = { lines: 0, bytes: 0 };
const share = (json: Size, htmx: Size) => (json.bytes ? Math.round((100 * htmx.bytes) / json.bytes) : 0);
const isShared = (file: string) => file.startsWith('..');

/** Each lesson's lanes, and all lessons together (a shared file counted once per lane): read now, from disk. */
export function measureLessons(lessons: Lesson[]) {
  const sharedFiles = new Map<LaneId, Set<string>>(laneIds.map((id) => [id, new Set()]));
  const rows: LessonCodeSize[] = lessons.map((lesson) => {
    const lanes = {} as Record<LaneId, LaneSize>;
    for (const id of laneIds) {
      const files = lesson.lanes[id].code ?? [];
      for (const file of files.filter(isShared)) sharedFiles.get(id)!.add(resolve(lesson.dir, file));
      const sum = (list: string[]) => list.map((file) => measureFile(join(lesson.dir, file))).reduce(add, zero);
      lanes[id] = { own: sum(files.filter((file) => !isShared(file))), shared: sum(files.filter(isShared)) };
    }
    return { lesson, lanes, htmxShare: share(lanes.json.own, lanes.htmx.own) };
  });
  const total = {} as Record<LaneId, LaneSize>;
  for (const id of laneIds) {
    total[id] = {
      own: rows.map((row) => row.lanes[id].own).reduce(add, zero),
      shared: [...sharedFiles.get(id)!].map(measureFile).reduce(add, zero),
    };
  }
  return { rows, total: { lanes: total, htmxShare: share(total.json.own, total.htmx.own) } };
}
