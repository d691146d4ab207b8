// Writes a planned project so that no file is ever lost: built in a temporary folder beside the target, then moved
// in. Every change is recorded with its undo; any failure puts everything back as it was.
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../errors.js';
import type { PlannedFile } from './plan.js';
import { displayPath } from './target.js';

/** The file system calls that change something. Tests wrap them (guardOps) to make any one of them fail. */
export interface WriteOps {
  mkdir(path: string): Promise<unknown>;
  mkdtemp(prefix: string): Promise<string>;
  writeFile(path: string, data: string | Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const fileOps: WriteOps = {
  mkdir: (path) => fs.mkdir(path, { recursive: true }),
  mkdtemp: (prefix) => fs.mkdtemp(prefix),
  writeFile: (path, data) => fs.writeFile(path, data, { flag: 'wx' }),
  rename: (from, to) => fs.rename(from, to),
};

/** The same operations, with `before` called ahead of each one (it may throw: an interrupt, an injected fault). */
export function guardOps(ops: WriteOps, before: (op: keyof WriteOps) => void): WriteOps {
  return {
    mkdir: async (path) => (before('mkdir'), ops.mkdir(path)),
    mkdtemp: async (prefix) => (before('mkdtemp'), ops.mkdtemp(prefix)),
    writeFile: async (path, data) => (before('writeFile'), ops.writeFile(path, data)),
    rename: async (from, to) => (before('rename'), ops.rename(from, to)),
  };
}

/** Puts one change back. `clean` says whether every later change was put back (the temporary folder needs it). */
type Undo = (clean: boolean) => Promise<unknown>;

/** Writes `files` into `target` (new, or an existing folder). Resolves with the project paths it wrote over. */
export async function writeProject(target: string, files: PlannedFile[], ops: WriteOps = fileOps): Promise<string[]> {
  const undo: Undo[] = [];
  const replaced: string[] = [];
  let temp: string | undefined;
  try {
    // 1. The folders above the target that do not exist yet.
    await makeFolders(dirname(target), ops, undo);
    // 2. The whole project in a temporary folder on the same disk, so moving it in is a rename.
    const madeTemp = (temp = await makeTemp(target, ops));
    // Removed on failure only once everything after it is back: until then it holds the replaced files.
    undo.push(async (clean) => {
      if (!clean) throw new Error(`kept ${madeTemp}`);
      await fs.rm(madeTemp, { recursive: true, force: true });
    });
    const built = join(temp, 'new');
    for (const file of files) {
      await ops.mkdir(dirname(join(built, file.path)));
      await ops.writeFile(join(built, file.path), await contentOf(file));
    }
    // 3. Into place: a new folder in one rename; into an existing one file by file, keeping what it replaces.
    if (await exists(target)) {
      await moveInto(built, target, { backups: join(temp, 'replaced'), path: '' }, ops, undo, replaced);
    } else {
      await ops.rename(built, target);
      undo.push(() => fs.rm(target, { recursive: true, force: true }));
    }
  } catch (err) {
    const undone = await rollBack(undo);
    const reason = err instanceof CliError ? err.message : describe(err);
    const message = undone
      ? `could not write ${displayPath(target)}: ${reason}; nothing was changed`
      : `could not write ${displayPath(target)}: ${reason}; putting things back failed too: check ${displayPath(target)}${
          temp && (await exists(temp)) ? ` and ${temp} (it keeps the files that were written over)` : ''
        }`;
    throw new CliError(message, { cause: err });
  }
  // 4. What was written over is no longer needed (--force said so); a leftover temporary folder is only untidy.
  await fs.rm(temp!, { recursive: true, force: true }).catch(() => {});
  return replaced;
}

async function contentOf(file: PlannedFile): Promise<string | Buffer> {
  if ('content' in file) return file.content;
  return file.edit ? file.edit(await fs.readFile(file.from, 'utf8')) : fs.readFile(file.from);
}

/** Creates `dir` and any missing folders above it, one at a time, each with its undo (only if still empty). */
async function makeFolders(dir: string, ops: WriteOps, undo: Undo[]): Promise<void> {
  if (await exists(dir)) return;
  await makeFolders(dirname(dir), ops, undo);
  await ops.mkdir(dir);
  undo.push(() => fs.rmdir(dir));
}

/** Beside the target; inside it if the parent cannot be written but the target exists (a project in `.`, say). */
async function makeTemp(target: string, ops: WriteOps): Promise<string> {
  try {
    return await ops.mkdtemp(join(dirname(target), `.${basename(target)}-scaffold-`));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!['EACCES', 'EPERM', 'EROFS'].includes(code ?? '') || !(await exists(target))) throw err;
    return ops.mkdtemp(join(target, '.htmx-demo-scaffold-'));
  }
}

interface MoveInto {
  /** Where the files it replaces are kept until the end. */
  backups: string;
  /** The project path of `to`, for the list of replaced files. */
  path: string;
}

async function moveInto(from: string, to: string, at: MoveInto, ops: WriteOps, undo: Undo[], replaced: string[]): Promise<void> {
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const destination = join(to, entry.name);
    const path = at.path ? `${at.path}/${entry.name}` : entry.name;
    const there = await fs.lstat(destination).catch(() => undefined);
    if (!there) {
      await ops.rename(source, destination);
      undo.push(() => fs.rm(destination, { recursive: true, force: true }));
    } else if (entry.isDirectory() && there.isDirectory()) {
      await moveInto(source, destination, { backups: join(at.backups, entry.name), path }, ops, undo, replaced);
    } else if (!entry.isDirectory() && !there.isDirectory()) {
      const backup = join(at.backups, entry.name);
      await ops.mkdir(at.backups);
      await ops.rename(destination, backup);
      undo.push(() => fs.rename(backup, destination));
      await ops.rename(source, destination);
      replaced.push(path);
    } else {
      throw new CliError(`${path} is in the way (${there.isDirectory() ? 'a folder where a file goes' : 'a file where a folder goes'})`);
    }
  }
}

/** Undoes in reverse order; true if everything was put back. */
async function rollBack(undo: Undo[]): Promise<boolean> {
  let clean = true;
  for (const step of undo.reverse()) {
    await step(clean).catch(() => {
      clean = false;
    });
  }
  return clean;
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(() => true, () => false);
}

function describe(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${message})`;
  if (code === 'ENOSPC') return 'the disk is full';
  return message ?? String(err);
}
