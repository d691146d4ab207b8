// Every registered lesson's notes are a walkthrough: 3 to 6 steps in both languages, the same steps pointing at the
// same areas, and each area one that the lesson's page really has.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAreas, loadMarked, parseNotes } from '../../src/workshop/notes.js';
import { lessonsWithEcho } from '../fixtures/echo/registered.js';
import { useServer } from '../support/suite.js';

const marked = await loadMarked();

const all = lessonsWithEcho;

const server = useServer({ lessons: all });

describe.each(all.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  const file = (lang: string) => join(lesson.dir, `notes.${lang}.md`);
  const steps = (lang: string) => parseNotes(marked, readFileSync(file(lang), 'utf8'));

  it('has notes in English and Korean', () => {
    for (const lang of ['en', 'ko']) expect(existsSync(file(lang)), file(lang)).toBe(true);
  });

  it('has 3 to 6 steps, each with a title and some text', () => {
    for (const lang of ['en', 'ko']) {
      const found = steps(lang);
      expect(found.length, `${lang}: ${found.map((s) => s.title).join(' | ')}`).toBeGreaterThanOrEqual(3);
      expect(found.length).toBeLessThanOrEqual(6);
      for (const step of found) {
        expect(step.title.trim(), `${lang}: a step without a ## title`).not.toBe('');
        expect(step.html.replace(/<[^>]+>/g, '').trim(), `${lang}: "${step.title}" has no text`).not.toBe('');
      }
    }
  });

  it('ends on the point it teaches: the last step\'s title is its row in the wrap-up table, so not a generic heading', () => {
    const lastTitles = new Set<string>();
    for (const other of all) for (const lang of ['en', 'ko']) {
      if (other !== lesson) lastTitles.add(parseNotes(marked, readFileSync(join(other.dir, `notes.${lang}.md`), 'utf8')).at(-1)!.title);
    }
    for (const lang of ['en', 'ko']) {
      const last = steps(lang).at(-1)!.title;
      expect(last, `${lang}: the last step's title`).not.toMatch(/^(what to notice|눈여겨볼 점)$/i);
      expect(lastTitles.has(last), `${lang}: "${last}" is another lesson's last title too`).toBe(false);
    }
  });

  it('has the same number of steps in both languages, pointing at the same areas', () => {
    const areas = (lang: string) => steps(lang).map((step) => step.area ?? '(none)');
    expect(areas('ko')).toEqual(areas('en'));
  });

  it('names only areas the walkthrough knows, and that its page has', async () => {
    const html = await (await fetch(`${server.url}/lessons/${lesson.id}`)).text();
    for (const step of steps('en')) {
      if (!step.area) continue;
      expect(pageAreas, `"${step.title}"`).toContain(step.area);
      expect(html, `"${step.title}" points at ${step.area}`).toContain(`data-area="${step.area}"`);
    }
  });
});
