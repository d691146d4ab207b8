// writeProject under fire: a failure at every single step, into a new folder and over an existing one, changes nothing.
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../src/cli/scaffold/plan.js';
import { fileOps, guardOps, writeProject } from '../../src/cli/scaffold/write.js';
import { snapshot, tempDir } from './scaffold-support.js';

let dir: string;
beforeEach(() => { dir = tempDir(); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files: PlannedFile[] = [
  { path: 'package.json', content: '{"name":"new"}\n' },
  { path: 'README.md', content: '# new\n' },
  { path: 'src/main.ts', content: 'new main' },
  { path: 'src/lessons/like/lesson.ts', content: 'new lesson' },
  { path: 'src/lessons/like/views/htmx.ejs', content: 'new view' },
];

/** Ops that throw at step `failAt` (counting from 1); `steps()` says how many were taken. */
function failingAt(failAt: number) {
  let step = 0;
  const ops = guardOps(fileOps, (op) => {
    if (++step === failAt) throw Object.assign(new Error(`boom at ${op}`), { code: 'EIO' });
  });
  return { ops, steps: () => step };
}

/** Runs writeProject failing at step 1, 2, ... until it succeeds; after each failure the folder is as before. */
async function failEverywhere(target: string): Promise<number> {
  const before = snapshot(dir);
  for (let failAt = 1; failAt < 500; failAt++) {
    const { ops, steps } = failingAt(failAt);
    try {
      await writeProject(target, files, ops);
      return steps();
    } catch (err) {
      expect((err as Error).message).toMatch(/^could not write .*: boom at \w+; nothing was changed$/);
      expect(snapshot(dir), `failing at step ${failAt}`).toEqual(before);
    }
  }
  throw new Error('never succeeded');
}

describe('writeProject', () => {
  it('into a new folder under new folders: every failure leaves the parent as it was', async () => {
    const steps = await failEverywhere(join(dir, 'a', 'b', 'project'));
    expect(steps).toBe(2 + 1 + 2 * files.length + 1);
    expect(snapshot(join(dir, 'a/b/project'))).toMatchObject({ 'package.json': '{"name":"new"}\n', 'src/lessons/like/lesson.ts': 'new lesson' });
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['project']);
  });

  it('over an existing folder (--force): every failure puts back each replaced file; success keeps the rest', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'src/lessons/like'), { recursive: true });
    writeFileSync(join(project, 'package.json'), 'old package');
    writeFileSync(join(project, 'src/main.ts'), 'old main');
    writeFileSync(join(project, 'src/lessons/like/lesson.ts'), 'old lesson');
    writeFileSync(join(project, 'src/mine.ts'), 'mine');
    symlinkSync('package.json', join(project, 'README.md')); // a link where a file goes is written over, not followed

    await failEverywhere(project);
    const after = snapshot(project);
    expect(after).toMatchObject({
      'package.json': '{"name":"new"}\n',
      'README.md': '# new\n',
      'src/main.ts': 'new main',
      'src/lessons/like/lesson.ts': 'new lesson',
      'src/lessons/like/views/htmx.ejs': 'new view',
      'src/mine.ts': 'mine',
    });
    expect(readdirSync(dir)).toEqual(['project']); // no temporary folder, no backups left
  });

  it('resolves with the files it wrote over', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src/main.ts'), 'old main');
    writeFileSync(join(project, 'other.txt'), 'mine');
    expect(await writeProject(project, files)).toEqual(['src/main.ts']);
  });

  it('refuses, and puts everything back, when a folder is where a file goes', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'src/main.ts'), { recursive: true });
    writeFileSync(join(project, 'package.json'), 'old package');
    const before = snapshot(dir);
    await expect(writeProject(project, files)).rejects.toThrow(/src\/main\.ts is in the way \(a folder where a file goes\); nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a source file that cannot be read fails before anything is moved', async () => {
    const before = snapshot(dir);
    const broken: PlannedFile[] = [...files, { path: 'x.ts', from: join(dir, 'no-such-file') }];
    await expect(writeProject(join(dir, 'project'), broken)).rejects.toThrow(/could not write .*ENOENT.*; nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });
});
