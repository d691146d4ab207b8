// How much code each lane of each lesson needs, measured from the files on disk when the page is asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { laneIds, type LaneId, type Lesson } from '../kit/types.js';

export interface Size {
  /** Lines with something on them: blank lines are layout, not code. */
  lines: number;
  bytes: number;
}

export interface LessonCodeSize {
  lesson: Lesson;
  lanes: Record<LaneId, Size>;
  /** The htmx lane's bytes as a share of the JSON lane's, in per cent. */
  htmxShare: number;
}

export function measureFile(path: string): Size {
  const text = readFileSync(path, 'utf8');
  return { lines: text.split('\n').filter((line) => line.trim() !== '').length, bytes: Buffer.byteLength(text) };
}

const add = (a: Size, b: Size): Size => ({ lines: a.lines + b.lines, bytes: a.bytes + b.bytes });
const zero: Size = { lines: 0, bytes: 0 };
const share = (lanes: Record<LaneId, Size>) => (lanes.json.bytes ? Math.round((100 * lanes.htmx.bytes) / lanes.json.bytes) : 0);

/** Each lesson's lanes, and the sum over all lessons: the files each lane's code panel shows, read now. */
export function measureLessons(lessons: Lesson[]): { rows: LessonCodeSize[]; total: { lanes: Record<LaneId, Size>; htmxShare: number } } {
  const rows = lessons.map((lesson) => {
    const entries = laneIds.map((id) => [id, lesson.lanes[id].code.map((file) => measureFile(join(lesson.dir, file))).reduce(add, zero)] as const);
    const lanes = Object.fromEntries(entries) as Record<LaneId, Size>;
    return { lesson, lanes, htmxShare: share(lanes) };
  });
  const totalEntries = laneIds.map((id) => [id, rows.map((row) => row.lanes[id]).reduce(add, zero)] as const);
  const totalLanes = Object.fromEntries(totalEntries) as Record<LaneId, Size>;
  return { rows, total: { lanes: totalLanes, htmxShare: share(totalLanes) } };
}
