// The wrap-up's code table is measured from the files each lane's code panel shows, read when the page is asked.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { echoLesson } from '../fixtures/echo/registered.js';
import { lessons } from '../../src/lessons/index.js';
import { measureFile, measureLessons } from '../../src/workshop/code-size.js';
import { textOf } from '../support/http.js';
import { useServer } from '../support/suite.js';

describe('the measured code table', () => {
  it('counts each lane\'s files: non-blank lines and bytes, as on disk', () => {
    const { rows, total } = measureLessons(lessons);
    const like = rows[0]!;
    const bytes = like.lesson.lanes.htmx.code.reduce((sum, file) => sum + readFileSync(join(like.lesson.dir, file)).length, 0);
    expect(like.lanes.htmx.bytes).toBe(bytes);
    const lines = like.lesson.lanes.json.code.flatMap((file) => readFileSync(join(like.lesson.dir, file), 'utf8').split('\n')).filter((l) => l.trim()).length;
    expect(like.lanes.json.lines).toBe(lines);
    expect(like.htmxShare).toBe(Math.round((100 * like.lanes.htmx.bytes) / like.lanes.json.bytes));
    expect(total.lanes.json.bytes).toBe(rows.reduce((sum, row) => sum + row.lanes.json.bytes, 0));
  });

  describe('on the page', () => {
    // A copy of the echo fixture whose file the test may change.
    const dir = mkdtempSync(join(tmpdir(), 'code-size-'));
    cpSync(echoLesson.dir, dir, { recursive: true });
    const echo = { ...echoLesson, dir };
    const server = useServer({ lessons: [lessons[0]!, echo] });
    const echoFile = join(dir, echo.lanes.htmx.code[0]!);
    const original = readFileSync(echoFile, 'utf8');

    it('shows each lesson\'s figures, and a file changed on disk changes them on the next load', async () => {
      const before = await (await fetch(`${server.url}/wrap-up`)).text();
      const like = measureLessons([lessons[0]!]).rows[0]!;
      expect(textOf(before)).toContain(`${like.lanes.json.lines} lines · ${like.lanes.json.bytes.toLocaleString('en')} bytes`);
      expect(textOf(before)).toContain(`${like.htmxShare}%`);
      expect(before).toContain('npx htmx-demo scaffold my-app');
      const echoBefore = measureFile(echoFile);
      writeFileSync(echoFile, `${original}\n// one more line\n`);
      const after = await (await fetch(`${server.url}/wrap-up`)).text();
      expect(measureFile(echoFile).lines).toBe(echoBefore.lines + 1);
      expect(textOf(after)).toContain(`${echoBefore.lines + 1} lines`);
      expect(textOf(before)).not.toContain(`${echoBefore.lines + 1} lines · ${measureFile(echoFile).bytes.toLocaleString('en')}`);
    });
  });
});
