// writeProject under fire: a failure at every single step, into a new folder and over an existing one, changes nothing.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../src/cli/scaffold/plan.js';
import { fileOps, guardOps, writeProject, type WriteOptions } from '../../src/cli/scaffold/write.js';
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
async function failEverywhere(target: string, options: WriteOptions = {}): Promise<number> {
  const before = snapshot(dir);
  for (let failAt = 1; failAt < 500; failAt++) {
    const { ops, steps } = failingAt(failAt);
    try {
      await writeProject(target, files, ops, options);
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

  it('over an existing folder (--force): every failure puts back each replaced file; success keeps them in the backup folder', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'src/lessons/like'), { recursive: true });
    writeFileSync(join(project, 'package.json'), 'old package');
    writeFileSync(join(project, 'src/main.ts'), 'old main');
    writeFileSync(join(project, 'src/lessons/like/lesson.ts'), 'old lesson');
    writeFileSync(join(project, 'src/mine.ts'), 'mine');
    symlinkSync('package.json', join(project, 'README.md')); // a link where a file goes is written over, not followed

    await failEverywhere(project, { force: true, backupName: '.htmx-demo-backup-test' });
    expect(snapshot(project)).toEqual({
      'package.json': '{"name":"new"}\n',
      'README.md': '# new\n',
      'src/': 'folder',
      'src/main.ts': 'new main',
      'src/mine.ts': 'mine',
      'src/lessons/': 'folder',
      'src/lessons/like/': 'folder',
      'src/lessons/like/lesson.ts': 'new lesson',
      'src/lessons/like/views/': 'folder',
      'src/lessons/like/views/htmx.ejs': 'new view',
      // Every file written over, at its own path.
      '.htmx-demo-backup-test/': 'folder',
      '.htmx-demo-backup-test/package.json': 'old package',
      '.htmx-demo-backup-test/README.md': 'link -> package.json',
      '.htmx-demo-backup-test/src/': 'folder',
      '.htmx-demo-backup-test/src/main.ts': 'old main',
      '.htmx-demo-backup-test/src/lessons/': 'folder',
      '.htmx-demo-backup-test/src/lessons/like/': 'folder',
      '.htmx-demo-backup-test/src/lessons/like/lesson.ts': 'old lesson',
    });
    expect(readdirSync(dir)).toEqual(['project']); // no temporary folder left
  });

  it('resolves with the files it wrote over and the folder that keeps them', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src/main.ts'), 'old main');
    writeFileSync(join(project, 'other.txt'), 'mine');
    expect(await writeProject(project, files, fileOps, { force: true, backupName: '.backup' })).toEqual({ replaced: ['src/main.ts'], backup: join(project, '.backup') });
    expect(readFileSync(join(project, '.backup/src/main.ts'), 'utf8')).toBe('old main');
  });

  it('with nothing replaced, makes no backup folder', async () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    expect(await writeProject(project, files, fileOps, { force: true })).toEqual({ replaced: [], backup: undefined });
    expect(readdirSync(project).filter((name) => name.startsWith('.htmx-demo-backup'))).toEqual([]);
  });

  it('refuses, and puts everything back, when a folder is where a file goes', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'src/main.ts'), { recursive: true });
    writeFileSync(join(project, 'package.json'), 'old package');
    const before = snapshot(dir);
    await expect(writeProject(project, files, fileOps, { force: true })).rejects.toThrow(/src\/main\.ts is in the way \(a folder where a file goes\); nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('writeProject without --force, when the folder changes between the check and the write', () => {
  /** Ops that run `meanwhile` once, just before step `at`: what another program does while the starter is built. */
  const interleaved = (at: number, meanwhile: () => void) => {
    let step = 0;
    return guardOps(fileOps, () => {
      if (++step === at) meanwhile();
    });
  };

  it.each([
    ['package.json', 'the first file placed'],
    ['src/lessons/like/views/htmx.ejs', 'the last file placed'],
  ])('a %s that appears there (%s) is never replaced: all is rolled back, in one line', async (path) => {
    const project = join(dir, 'project');
    mkdirSync(project);
    const ops = interleaved(3, () => {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), "the user's own");
    });
    const error = await writeProject(project, files, ops).catch((err: Error) => err);
    expect((error as Error).message).toMatch(new RegExp(`^could not write .*: ${path.replace(/[.]/g, '\\.')} appeared while the starter was being written \\(another scaffold at work\\?\\), and is left as it is; nothing was changed$`));
    expect(readFileSync(join(project, path), 'utf8')).toBe("the user's own");
    expect(Object.entries(snapshot(project)).filter(([, value]) => value !== 'folder')).toEqual([[path, "the user's own"]]);
    expect(readdirSync(dir)).toEqual(['project']);
  });

  it('a new folder that another program makes and fills just before the final move is left alone', async () => {
    const project = join(dir, 'project');
    const ops = interleaved(1 + 2 * files.length + 1, () => {
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), "the user's own");
    });
    await expect(writeProject(project, files, ops)).rejects.toThrow(/project appeared while the starter was being written .*; nothing was changed$/);
    expect(snapshot(project)).toEqual({ 'package.json': "the user's own" });
  });

  it('two writes racing into one empty folder: one wins whole, the other changes nothing', async () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    const other = files.map((file) => ({ ...file, content: `other ${(file as { content: string }).content}` }));
    const results = await Promise.allSettled([writeProject(project, files), writeProject(project, other)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0]!.status === 'fulfilled' ? files : other;
    expect(Object.fromEntries(Object.entries(snapshot(project)).filter(([, value]) => value !== 'folder')))
      .toEqual(Object.fromEntries(winner.map((file) => [file.path, (file as { content: string }).content])));
    const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.message).toMatch(/package\.json appeared while the starter was being written .*; nothing was changed$/);
  });

  it('a source file that cannot be read fails before anything is moved', async () => {
    const before = snapshot(dir);
    const broken: PlannedFile[] = [...files, { path: 'x.ts', from: join(dir, 'no-such-file') }];
    await expect(writeProject(join(dir, 'project'), broken)).rejects.toThrow(/could not write .*ENOENT.*; nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });
});
