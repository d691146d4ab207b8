// Work done at build time (dist/prebuilt/, a file per lesson): every code panel file highlighted, every lesson's notes and the
// wrap-up's prose rendered, each exactly as the server would make it now; the pages show the same. A file the
// build did not see (or that changed since) is made when a page needs it, and again once edited.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codePanels, highlight, loadHighlighter, readCodeFile } from '../../src/workshop/code-panels.js';
import { lessonNotes, loadMarked, parseNotes, readNotes } from '../../src/workshop/notes.js';
import { prebuiltDir, type Saved } from '../../src/workshop/prebuilt.js';
import { laneIds } from '../../src/kit/types.js';
import { wrapUpFile, wrapUpProse } from '../../src/workshop/wrap-up.js';
import { lessons } from '../../src/lessons/index.js';
import { languages } from '../../src/kit/i18n.js';
import { textOf } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';
import { useServer } from '../support/suite.js';

const marked = await loadMarked();
const highlighter = await loadHighlighter();

/** Every group file's results together: { [kind]: Saved }. */
const saved: Record<string, Saved<unknown>> = {};
for (const file of readdirSync(prebuiltDir)) {
  const group = JSON.parse(readFileSync(join(prebuiltDir, file), 'utf8')) as Record<string, Saved<unknown>>;
  for (const [kind, { version, files }] of Object.entries(group)) Object.assign((saved[kind] ??= { version, files: {} }).files, files);
}
const versionOf = (library: string) =>
  JSON.parse(readFileSync(new URL(`../../node_modules/${library}/package.json`, import.meta.url), 'utf8')).version as string;
const repo = (lessonId: string, file: string) => posix.join(`src/lessons/${lessonId}`, file);

const codeFiles = lessons.flatMap((lesson) =>
  laneIds.flatMap((lane) => (lesson.lanes[lane].code ?? []).map((file) => ({ lesson, file, name: repo(lesson.id, file) }))),
);
const notesFiles = lessons.flatMap((lesson) =>
  languages.map((lang) => ({ lesson, lang, path: join(lesson.dir, `notes.${lang}.md`), name: repo(lesson.id, `notes.${lang}.md`) })),
);

describe('the build', () => {
  it('highlighted every file of every lesson code panel, with the installed highlight.js', () => {
    expect(saved.code!.version).toBe(versionOf('highlight.js'));
    for (const { name } of codeFiles) expect(Object.keys(saved.code!.files), name).toContain(name);
  });

  it('saved exactly what the server would highlight now', () => {
    for (const { lesson, file, name } of codeFiles) {
      const language = file.endsWith('.ejs') ? 'xml' : file.endsWith('.ts') ? 'typescript' : 'javascript';
      expect(saved.code!.files[name]!.value, name).toBe(highlight(highlighter, readFileSync(join(lesson.dir, file), 'utf8'), language));
      expect(readCodeFile(lesson.dir, file).html, name).toBe(saved.code!.files[name]!.value);
    }
  });

  it('rendered every lesson\'s notes in both languages and the wrap-up\'s prose, with the installed marked', () => {
    expect(saved.notes!.version).toBe(versionOf('marked'));
    expect(Object.keys(saved.notes!.files).sort()).toEqual(notesFiles.map(({ name }) => name).sort());
    expect(saved['wrap-up']!.version).toBe(versionOf('marked'));
    expect(Object.keys(saved['wrap-up']!.files).sort()).toEqual(languages.map((lang) => `templates/wrap-up/wrap-up.${lang}.md`).sort());
  });

  it('saved each notes file as exactly the steps marked makes of it now', () => {
    for (const { lesson, lang, path, name } of notesFiles) {
      const live = parseNotes(marked, readFileSync(path, 'utf8'));
      expect(live.length, name).toBeGreaterThanOrEqual(3);
      expect(saved.notes!.files[name]!.value, name).toEqual(live);
      expect(readNotes(lesson.dir, lang), name).toEqual(live);
    }
  });

  it('saved the wrap-up\'s prose as exactly the HTML marked makes of it now', () => {
    for (const lang of languages) {
      const live = marked.parse(readFileSync(wrapUpFile(lang), 'utf8'), { async: false });
      expect(live).toContain('<h2>');
      expect(saved['wrap-up']!.files[`templates/wrap-up/wrap-up.${lang}.md`]!.value, lang).toBe(live);
      expect(wrapUpProse.read(wrapUpFile(lang)), lang).toBe(live);
    }
  });
});

describe('the pages', () => {
  const server = useServer();

  it.each(notesFiles.map(({ lesson, lang, path }) => [`${lesson.id} (${lang})`, lesson, lang, path] as const))(
    '%s shows every step as marked renders it now',
    async (_name, lesson, lang, path) => {
      const page = await (await fetch(`${server.url}/lessons/${lesson.id}?step=all&lang=${lang}`)).text();
      for (const step of parseNotes(marked, readFileSync(path, 'utf8'))) {
        expect(page).toContain(`<h3 tabindex="-1">${step.titleHtml}</h3>`);
        expect(page).toContain(step.html);
      }
    },
  );

  it.each(languages)('the wrap-up (%s) shows the prose as marked renders it now', async (lang) => {
    const page = await (await fetch(`${server.url}/wrap-up?lang=${lang}`)).text();
    expect(page).toContain(marked.parse(readFileSync(wrapUpFile(lang), 'utf8'), { async: false }));
  });
});

describe('a file the build did not see', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hxd-prebuilt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const newMtime = () => new Promise((resolve) => setTimeout(resolve, 20)); // whatever the file system's resolution

  it('is highlighted when a page needs it, and again once edited', async () => {
    writeFileSync(join(dir, 'route.ts'), 'export const answer: number = 42;\n');
    await codePanels.ready([join(dir, 'route.ts')]); // as a page does before it renders
    const first = readCodeFile(dir, 'route.ts');
    expect(first.language).toBe('typescript');
    expect(first.html).toContain('<span class="hljs-keyword">export</span>');
    expect(textOf(first.html)).toBe('export const answer: number = 42;\n');

    await newMtime();
    writeFileSync(join(dir, 'route.ts'), 'export const answer = "<b>";\n');
    const edited = readCodeFile(dir, 'route.ts');
    expect(textOf(edited.html)).toBe('export const answer = "<b>";\n');
    expect(edited.html).not.toContain('<b>');
  });

  it('notes: a copied lesson\'s page shows them rendered live, and shows an edit on the next load', async () => {
    const like = lessons[0]!;
    // Laid out as in the repository: its code panels list ../shared/public/send.js and ../../kit/errors.ts.
    const copy = { ...like, dir: join(dir, 'lessons', 'like') };
    cpSync(like.dir, copy.dir, { recursive: true });
    cpSync(join(like.dir, '..', 'shared'), join(dir, 'lessons', 'shared'), { recursive: true });
    cpSync(join(like.dir, '..', '..', 'kit', 'errors.ts'), join(dir, 'kit', 'errors.ts'));
    const notes = join(copy.dir, 'notes.en.md');
    await lessonNotes.ready([notes]);
    expect(lessonNotes.read(notes)).toEqual(parseNotes(marked, readFileSync(notes, 'utf8')));
    let server: TestServer | undefined;
    try {
      server = await startServer({ lessons: [copy] });
      const page = async () => (await fetch(`${server!.url}/lessons/like?step=all`)).text();
      const before = await page();
      for (const step of readNotes(like.dir, 'en')) expect(before).toContain(step.html);

      await newMtime();
      writeFileSync(notes, `${readFileSync(notes, 'utf8')}\n## A step added *today*\n<!-- highlight: lanes -->\nFresh text, with \`code\`.\n`);
      const after = await page();
      expect(after).toContain('<h3 tabindex="-1">A step added <em>today</em></h3>');
      expect(after).toContain('<p>Fresh text, with <code>code</code>.</p>');
      expect(after).not.toBe(before);
    } finally {
      await server?.close();
    }
  });
});
