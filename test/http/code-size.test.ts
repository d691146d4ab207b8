// The wrap-up's code table is measured from the files each lane's code panel shows, read when the page is asked.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { echoLesson } from '../fixtures/echo/registered.js';
import { lessons } from '../../src/lessons/index.js';
import { measureLessons } from '../../src/workshop/code-size.js';
import { textOf } from '../support/http.js';
import { useServer } from '../support/suite.js';

describe('the measured code table', () => {
  it('counts each lane\'s files: non-blank lines and bytes, as on disk', () => {
    const { rows, total } = measureLessons(lessons);
    const like = rows[0]!;
    const own = (files: string[]) => files.filter((file) => !file.startsWith('..'));
    const bytes = own(like.lesson.lanes.htmx.code!).reduce((sum, file) => sum + readFileSync(join(like.lesson.dir, file)).length, 0);
    expect(like.lanes.htmx.own.bytes).toBe(bytes);
    const lines = own(like.lesson.lanes.json.code!).flatMap((file) => readFileSync(join(like.lesson.dir, file), 'utf8').split('\n')).filter((l) => l.trim()).length;
    expect(like.lanes.json.own.lines).toBe(lines);
    // the JSON lane's send.js is a shared piece, apart from the lesson's own files
    expect(like.lanes.json.shared.bytes).toBe(readFileSync(join(like.lesson.dir, '../shared/public/send.js')).length);
    expect(like.htmxShare).toBe(Math.round((100 * like.lanes.htmx.own.bytes) / like.lanes.json.own.bytes));
    expect(total.lanes.json.own.bytes).toBe(rows.reduce((sum, row) => sum + row.lanes.json.own.bytes, 0));
    // a shared file counts once in the total, however many lessons use it
    expect(total.lanes.json.shared.bytes).toBe(readFileSync(join(like.lesson.dir, '../shared/public/send.js')).length);
  });

  describe('on the page', () => {
    // A copy of the echo fixture whose file the test may change.
    const dir = mkdtempSync(join(tmpdir(), 'code-size-'));
    cpSync(echoLesson.dir, dir, { recursive: true });
    const echo = { ...echoLesson, dir };
    const server = useServer({ lessons: [lessons[0]!, echo] });
    const echoFile = join(dir, echo.lanes.htmx.code![0]!);
    const original = readFileSync(echoFile, 'utf8');

    it('shows each lesson\'s figures, and a file changed on disk changes them on the next load', async () => {
      const before = await (await fetch(`${server.url}/wrap-up`)).text();
      const like = measureLessons([lessons[0]!]).rows[0]!;
      expect(textOf(before)).toContain(`${like.lanes.json.own.lines} lines · ${like.lanes.json.own.bytes.toLocaleString('en')} bytes`);
      expect(textOf(before)).toContain(`${like.htmxShare}%`);
      expect(before).toContain('npx htmx-demo scaffold my-app');
      const cell = (size: { lines: number; bytes: number }) => `${size.lines} lines · ${size.bytes.toLocaleString('en')} bytes`;
      const echoBefore = measureLessons([echo]).rows[0]!.lanes.htmx.own;
      expect(textOf(before)).toContain(cell(echoBefore));
      writeFileSync(echoFile, `${original}\n// one more line\n`);
      const after = await (await fetch(`${server.url}/wrap-up`)).text();
      const echoAfter = measureLessons([echo]).rows[0]!.lanes.htmx.own;
      expect(echoAfter.lines).toBe(echoBefore.lines + 1);
      expect(textOf(after)).toContain(cell(echoAfter));
      expect(textOf(after)).not.toContain(cell(echoBefore));
    });
  });
});
