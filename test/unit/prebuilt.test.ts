// The one way code panels and notes are made ahead: the build's result while the file is the text it saw (with
// the same library version), made live once the file changes, and never from a result saved for other text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prebuilt, type Saved } from '../../src/workshop/prebuilt.js';

const dir = mkdtempSync(join(tmpdir(), 'hxd-prebuilt-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const newMtime = () => new Promise((resolve) => setTimeout(resolve, 20)); // whatever the file system's resolution

/** A kind whose live results say they are live, and count how often it had to load its library and make one. */
function shouting(savedFile: string, library = 'marked') {
  const made: string[] = [];
  const loads: number[] = [];
  const kind = prebuilt({
    kind: 'shout',
    library,
    savedFile,
    load: async () => loads.push(1),
    make: (_library, text) => (made.push(text), `live:${text.toUpperCase()}`),
    plain: (text) => `plain:${text}`,
  });
  /** What a page shows: the library loaded first if the file needs it. */
  const page = async (file: string) => (await kind.ready([file]), kind.read(file));
  return { kind, made, loads, page };
}

/** What a build of `paths` saves, with `value` standing in for each result (so a test can tell it from a live one). */
async function saveBuild(name: string, paths: string[], edit: (saved: Saved<string>) => void = () => {}): Promise<string> {
  const built = await shouting(join(dir, 'unused.json')).kind.build(paths);
  for (const file of Object.values(built.files)) file.value = `built:${file.value}`;
  edit(built);
  const savedFile = join(dir, name);
  writeFileSync(savedFile, JSON.stringify({ shout: built }));
  return savedFile;
}

describe('prebuilt', async () => {
  it('uses the build\'s result while the file is unchanged, without making anything', async () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'hello');
    const { page, made } = shouting(await saveBuild('a.json', [file]));
    expect(await page(file)).toBe('built:live:HELLO');
    expect(await page(file)).toBe('built:live:HELLO');
    expect(made).toEqual([]);
  });

  it('makes the result live once the file is edited, and keeps it until the next edit', async () => {
    const file = join(dir, 'b.md');
    writeFileSync(file, 'before');
    const { page, made } = shouting(await saveBuild('b.json', [file]));
    expect(await page(file)).toBe('built:live:BEFORE');
    await newMtime();
    writeFileSync(file, 'after');
    expect(await page(file)).toBe('live:AFTER');
    expect(await page(file)).toBe('live:AFTER');
    expect(made).toEqual(['after']);
    await newMtime();
    writeFileSync(file, 'before'); // the build's text again: its result again
    expect(await page(file)).toBe('built:live:BEFORE');
  });

  it('makes the result live when the file changed before the server started (its digest differs)', async () => {
    const file = join(dir, 'c.md');
    writeFileSync(file, 'seen by the build');
    const savedFile = await saveBuild('c.json', [file]);
    writeFileSync(file, 'edited since');
    const { page, made } = shouting(savedFile);
    expect(await page(file)).toBe('live:EDITED SINCE');
    expect(made).toEqual(['edited since']);
  });

  it('makes everything live when the build used another version of the library', async () => {
    const file = join(dir, 'd.md');
    writeFileSync(file, 'text');
    const { page, made } = shouting(await saveBuild('d.json', [file], (saved) => { saved.version = '0.0.1'; }));
    expect(await page(file)).toBe('live:TEXT');
    expect(made).toEqual(['text']);
  });

  it('makes everything live when there is no build at all', async () => {
    const file = join(dir, 'e.md');
    writeFileSync(file, 'text');
    const { page } = shouting(join(dir, 'missing.json'));
    expect(await page(file)).toBe('live:TEXT');
  });

  it('saves, for the build, the installed library version and each file\'s result under its repository path', async () => {
    const file = join(dir, 'f.md');
    writeFileSync(file, 'text');
    const built = await shouting(join(dir, 'unused.json')).kind.build([file]);
    const { version } = JSON.parse(readFileSync(new URL('../../node_modules/marked/package.json', import.meta.url), 'utf8'));
    expect(built.version).toBe(version);
    const [[name, saved]] = Object.entries(built.files) as [[string, { digest: string; value: string }]];
    expect(name.endsWith('/f.md')).toBe(true);
    expect(saved.value).toBe('live:TEXT');
    expect(saved.digest).toMatch(/^[\w-]{43}$/);
  });

  it('loads the library only for a file changed since the build, and shows that file plain until it has', async () => {
    const file = join(dir, 'g.md');
    writeFileSync(file, 'seen');
    const { kind, loads, page } = shouting(await saveBuild('g.json', [file]));
    await kind.ready([file]);
    expect(loads).toEqual([]);
    await newMtime();
    writeFileSync(file, 'changed');
    expect(kind.read(file)).toBe('plain:changed');
    expect(await page(file)).toBe('live:CHANGED');
    expect(loads).toEqual([1]);
  });
});
