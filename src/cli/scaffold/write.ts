// Writes a planned project so that no file is ever lost: built in a temporary folder beside the target, then moved
// in without replacing anything (--force: what it replaces is kept in a backup folder). Every change is recorded
// with its undo; any failure puts everything back as it was.
import { constants } from 'node:fs';
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
  /** Creates one folder; fails with EEXIST if anything is there already. */
  makeDir(path: string): Promise<void>;
  /** Puts the file `from` at `to`; fails with EEXIST if anything is there already, never replacing it. */
  place(from: string, to: string): Promise<void>;
}

export const fileOps: WriteOps = {
  mkdir: (path) => fs.mkdir(path, { recursive: true }),
  mkdtemp: (prefix) => fs.mkdtemp(prefix),
  writeFile: (path, data) => fs.writeFile(path, data, { flag: 'wx' }),
  rename: (from, to) => fs.rename(from, to),
  makeDir: (path) => fs.mkdir(path),
  place: placeFile,
};

/** A hard link is a move that refuses to replace; where links are not possible (FAT, some shares), an exclusive copy. */
async function placeFile(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

/** The same operations, with `before` called ahead of each one (it may throw: an interrupt, an injected fault). */
export function guardOps(ops: WriteOps, before: (op: keyof WriteOps) => void): WriteOps {
  return {
    mkdir: async (path) => (before('mkdir'), ops.mkdir(path)),
    mkdtemp: async (prefix) => (before('mkdtemp'), ops.mkdtemp(prefix)),
    writeFile: async (path, data) => (before('writeFile'), ops.writeFile(path, data)),
    rename: async (from, to) => (before('rename'), ops.rename(from, to)),
    makeDir: async (path) => (before('makeDir'), ops.makeDir(path)),
    place: async (from, to) => (before('place'), ops.place(from, to)),
  };
}

/** Puts one change back. `clean` says whether every later change was put back (the temporary folder needs it). */
type Undo = (clean: boolean) => Promise<unknown>;

export interface WriteOptions {
  /** Write over the user's files where the starter has its own (each kept in the backup folder). */
  force?: boolean;
  /** The backup folder's name inside the target, made only if a file is replaced. */
  backupName?: string;
}

export interface Written {
  /** Project paths it wrote over. */
  replaced: string[];
  /** Where the replaced files are kept, with their paths (inside the target); undefined if none was replaced. */
  backup?: string;
}

/** `.htmx-demo-backup-2026-12-01T02-40-05`: sorts by time, and says what it is. */
export function backupFolderName(now = new Date()): string {
  return `.htmx-demo-backup-${now.toISOString().slice(0, 19).replace(/:/g, '-')}`;
}

/** Writes `files` into `target` (new, or an existing folder). */
export async function writeProject(target: string, files: PlannedFile[], ops: WriteOps = fileOps, options: WriteOptions = {}): Promise<Written> {
  const undo: Undo[] = [];
  const move: Move = { ops, undo, replaced: [], force: options.force ?? false, target, backupName: options.backupName ?? backupFolderName() };
  let temp: string | undefined;
  try {
    // 1. The folders above the target that do not exist yet.
    await makeFolders(dirname(target), ops, undo);
    // 2. The whole project in a temporary folder on the same disk, so moving it in is a rename.
    const madeTemp = (temp = await makeTemp(target, ops));
    undo.push(() => fs.rm(madeTemp, { recursive: true, force: true }));
    const built = join(temp, 'new');
    for (const file of files) {
      await ops.mkdir(dirname(join(built, file.path)));
      await ops.writeFile(join(built, file.path), await contentOf(file));
    }
    // 3. Into place: a new folder in one rename; into an existing one file by file, never replacing a file unless
    //    --force said so (and then keeping it).
    if (await exists(target)) {
      await moveInto(built, target, '', move);
    } else {
      await ops.rename(built, target).catch((err: NodeJS.ErrnoException) => {
        // Made by someone else since it was checked (another scaffold, say): theirs, not to be touched.
        if (['EEXIST', 'ENOTEMPTY', 'ENOTDIR'].includes(err.code ?? '')) throw appeared(displayPath(target));
        throw err;
      });
      undo.push(() => fs.rm(target, { recursive: true, force: true }));
    }
  } catch (err) {
    const undone = await rollBack(undo);
    const reason = err instanceof CliError ? err.message : describe(err);
    const backup = join(target, move.backupName);
    const message = undone
      ? `could not write ${displayPath(target)}: ${reason}; nothing was changed`
      : `could not write ${displayPath(target)}: ${reason}; putting things back failed too: check ${displayPath(target)}${
          move.backup && (await exists(backup)) ? ` (the files it wrote over are in ${displayPath(backup)})` : ''
        }`;
    throw new CliError(message, { cause: err, exitCode: err instanceof CliError ? err.exitCode : 1 });
  }
  // 4. A leftover temporary folder is only untidy.
  await fs.rm(temp!, { recursive: true, force: true }).catch(() => {});
  return { replaced: move.replaced, backup: move.backup };
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

interface Move {
  ops: WriteOps;
  undo: Undo[];
  replaced: string[];
  force: boolean;
  target: string;
  backupName: string;
  /** The backup folder, once made. */
  backup?: string;
}

/**
 * Moves the built files into an existing folder. package.json goes first: of two scaffolds racing into one folder,
 * the one that places it owns the folder, and the other stops before it has placed anything.
 */
async function moveInto(from: string, to: string, path: string, move: Move): Promise<void> {
  const entries = await fs.readdir(from, { withFileTypes: true });
  if (!path) entries.sort((a, b) => Number(b.name === 'package.json') - Number(a.name === 'package.json'));
  for (const entry of entries) {
    const source = join(from, entry.name);
    const destination = join(to, entry.name);
    const projectPath = path ? `${path}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (await created(move.ops.makeDir(destination))) move.undo.push(() => fs.rmdir(destination));
      else if (!(await isFolder(destination))) throw new CliError(`${projectPath} is in the way (a file where a folder goes)`);
      await moveInto(source, destination, projectPath, move);
      continue;
    }
    if (await created(move.ops.place(source, destination))) {
      move.undo.push(() => fs.unlink(destination));
      continue;
    }
    if (!move.force) throw appeared(projectPath);
    if (await isFolder(destination)) throw new CliError(`${projectPath} is in the way (a folder where a file goes)`);
    const backup = join(await backupFolder(move), projectPath);
    await move.ops.mkdir(dirname(backup));
    await move.ops.rename(destination, backup);
    move.undo.push(() => fs.rename(backup, destination));
    await move.ops.place(source, destination);
    move.undo.push(() => fs.unlink(destination));
    move.replaced.push(projectPath);
  }
}

/** The backup folder inside the target, made on the first file replaced; removed on undo only once it is empty again. */
async function backupFolder(move: Move): Promise<string> {
  if (move.backup) return move.backup;
  const folder = join(move.target, move.backupName);
  await move.ops.makeDir(folder);
  move.undo.push(async (clean) => {
    if (!clean) throw new Error(`kept ${folder}`);
    await fs.rm(folder, { recursive: true });
  });
  move.backup = folder;
  return folder;
}

function appeared(path: string): CliError {
  return new CliError(`${path} appeared while the starter was being written (another scaffold at work?), and is left as it is`);
}

/** true if `making` made the thing; false if something was there already. */
async function created(making: Promise<unknown>): Promise<boolean> {
  try {
    await making;
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function isFolder(path: string): Promise<boolean> {
  return fs.lstat(path).then((info) => info.isDirectory(), () => false);
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
