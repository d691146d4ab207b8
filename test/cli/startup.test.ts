// serve's start-up path: the first pages come from what the build prepared (dist/prebuilt/), so neither
// marked nor highlight.js is loaded to answer them; the pages still show highlighted code and rendered notes.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMarked, parseNotes } from '../../src/workshop/notes.js';
import { lessons } from '../../src/lessons/index.js';
import { killAll, startServe } from './spawn-cli.js';

const marked = await loadMarked();

afterEach(killAll);

const refuse = pathToFileURL(join(import.meta.dirname, '../support/refuse-render-libraries.mjs')).href;
const refusing = { NODE_OPTIONS: `--import=${refuse}` };

describe('htmx-demo serve, with marked and highlight.js refused', () => {
  it('answers every lesson page and the wrap-up, with every notes step and every code panel highlighted', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0'], refusing);
    for (const [index, lesson] of lessons.entries()) {
      for (const lang of ['en', 'ko']) {
        const path = `${index === 0 ? '/' : `/lessons/${lesson.id}`}?step=all&lang=${lang}`;
        const res = await fetch(baseUrl + path);
        expect(res.status, path).toBe(200);
        const page = await res.text();
        // Every code panel is folded here: each file comes, highlighted, from the panel's own address.
        const panels = [...page.matchAll(/<details class="code-file" hx-get="([^"]+)"/g)].map((m) => m[1]!);
        expect(panels.length, path).toBe(lesson.lanes.json.code!.length + lesson.lanes.htmx.code!.length);
        const files = await Promise.all(panels.map(async (href) => (await fetch(baseUrl + href, { headers: { 'HX-Request': 'true' } })).text()));
        expect(files.filter((file) => file.includes('<span class="hljs-')), path).toHaveLength(panels.length);
        for (const step of parseNotes(marked, readFileSync(join(lesson.dir, `notes.${lang}.md`), 'utf8'))) expect(page, path).toContain(step.html);
      }
    }
    const wrapUp = await fetch(`${baseUrl}/wrap-up`);
    expect(wrapUp.status).toBe(200);
    expect(await wrapUp.text()).toContain('<h2>');
    expect(cli.stderr()).toBe('');
  });

  it('is a real refusal: either library, by require or by import, fails in a process with that preload', () => {
    const run = (code: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { env: { ...process.env, ...refusing }, encoding: 'utf8' });
    const req = "import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/');";
    for (const code of [`${req} require('marked')`, `${req} require('highlight.js/lib/core')`, "await import('marked')", "await import('highlight.js')"]) {
      const { status, stderr } = run(code);
      expect(status, code).not.toBe(0);
      expect(stderr, code).toMatch(/refused to load (marked|highlight\.js)/);
    }
    expect(run(`${req} console.log(require('marked/package.json').name)`).stdout.trim()).toBe('marked');
    const files = readdirSync(join(import.meta.dirname, '../../dist')).filter((file) => /^(markdown|highlighter)\./.test(file));
    expect(files).toEqual(['highlighter.cjs', 'markdown.cjs']);
    for (const file of files) {
      const path = join(import.meta.dirname, '../../dist', file);
      for (const code of [`await import(${JSON.stringify(pathToFileURL(path).href)})`, `${req} require(${JSON.stringify(path)})`]) {
        const { status, stderr } = run(code);
        expect(status, code).not.toBe(0);
        expect(stderr, code).toMatch(/refused to load/);
      }
    }
  });
});
