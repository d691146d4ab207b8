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

/** A kind whose live results say they are live, and count how often it had to make one. */
function shouting(savedFile: string, library = 'marked') {
  const made: string[] = [];
  const kind = prebuilt({ kind: 'shout', library, savedFile, make: (text) => (made.push(text), `live:${text.toUpperCase()}`) });
  return { kind, made };
}

/** What a build of `paths` saves, with `value` standing in for each result (so a test can tell it from a live one). */
function saveBuild(name: string, paths: string[], edit: (saved: Saved<string>) => void = () => {}): string {
  const built = shouting(join(dir, 'unused.json')).kind.build(paths);
  for (const file of Object.values(built.files)) file.value = `built:${file.value}`;
  edit(built);
  const savedFile = join(dir, name);
  writeFileSync(savedFile, JSON.stringify({ shout: built }));
  return savedFile;
}

describe('prebuilt', () => {
  it('uses the build\'s result while the file is unchanged, without making anything', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, 'hello');
    const { kind, made } = shouting(saveBuild('a.json', [file]));
    expect(kind.read(file)).toBe('built:live:HELLO');
    expect(kind.read(file)).toBe('built:live:HELLO');
    expect(made).toEqual([]);
  });

  it('makes the result live once the file is edited, and keeps it until the next edit', async () => {
    const file = join(dir, 'b.md');
    writeFileSync(file, 'before');
    const { kind, made } = shouting(saveBuild('b.json', [file]));
    expect(kind.read(file)).toBe('built:live:BEFORE');
    await newMtime();
    writeFileSync(file, 'after');
    expect(kind.read(file)).toBe('live:AFTER');
    expect(kind.read(file)).toBe('live:AFTER');
    expect(made).toEqual(['after']);
    await newMtime();
    writeFileSync(file, 'before'); // the build's text again: its result again
    expect(kind.read(file)).toBe('built:live:BEFORE');
  });

  it('makes the result live when the file changed before the server started (its digest differs)', () => {
    const file = join(dir, 'c.md');
    writeFileSync(file, 'seen by the build');
    const savedFile = saveBuild('c.json', [file]);
    writeFileSync(file, 'edited since');
    const { kind, made } = shouting(savedFile);
    expect(kind.read(file)).toBe('live:EDITED SINCE');
    expect(made).toEqual(['edited since']);
  });

  it('makes everything live when the build used another version of the library', () => {
    const file = join(dir, 'd.md');
    writeFileSync(file, 'text');
    const { kind, made } = shouting(saveBuild('d.json', [file], (saved) => { saved.version = '0.0.1'; }));
    expect(kind.read(file)).toBe('live:TEXT');
    expect(made).toEqual(['text']);
  });

  it('makes everything live when there is no build at all', () => {
    const file = join(dir, 'e.md');
    writeFileSync(file, 'text');
    const { kind } = shouting(join(dir, 'missing.json'));
    expect(kind.read(file)).toBe('live:TEXT');
  });

  it('saves, for the build, the installed library version and each file\'s result under its repository path', () => {
    const file = join(dir, 'f.md');
    writeFileSync(file, 'text');
    const built = shouting(join(dir, 'unused.json')).kind.build([file]);
    const { version } = JSON.parse(readFileSync(new URL('../../node_modules/marked/package.json', import.meta.url), 'utf8'));
    expect(built.version).toBe(version);
    const [[name, saved]] = Object.entries(built.files) as [[string, { digest: string; value: string }]];
    expect(name.endsWith('/f.md')).toBe(true);
    expect(saved.value).toBe('live:TEXT');
    expect(saved.digest).toMatch(/^[\w-]{43}$/);
  });
});
