// The folder a starter goes into: whether it can be written at all, and what of the user's is already there.
import { constants } from 'node:fs';
import { access, lstat, readdir, readlink, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CliError } from '../errors.js';

/** What a fresh project folder may already hold without being "in the way": a git repository, an editor's folder, a licence. */
export const harmlessEntries: ReadonlySet<string> = new Set(['.git', '.DS_Store', 'LICENSE', '.idea', 'Thumbs.db']);

export interface TargetState {
  /** The folder exists already. */
  exists: boolean;
  /** What it holds apart from harmless entries, sorted. */
  inTheWay: string[];
}

/** A path for messages: relative to where the command runs, absolute if it lies outside. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** Throws a one-line CliError for a target that cannot be a project folder (a file, under a file, not writable). */
export async function inspectTarget(target: string): Promise<TargetState> {
  const info = await stat(target).catch((err: NodeJS.ErrnoException) => err);
  if (info instanceof Error) {
    if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') throw cannotUse(target, info);
    const link = await danglingLink(target);
    if (link) throw new CliError(`${link}: remove the link, or create that folder, or choose another path`);
    await checkCanCreate(target);
    return { exists: false, inTheWay: [] };
  }
  if (!info.isDirectory()) throw new CliError(`${displayPath(target)} is a file, not a folder: choose another path`);
  if (!(await isWritable(target))) throw new CliError(`${displayPath(target)} is not writable: choose another folder`);
  const entries = await readdir(target).catch((err: NodeJS.ErrnoException) => {
    throw cannotUse(target, err);
  });
  return { exists: true, inTheWay: entries.filter((entry) => !harmlessEntries.has(entry)).sort() };
}

/** The nearest thing that exists above a new target must be a folder we may write in. */
async function checkCanCreate(target: string): Promise<void> {
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    const info = await stat(dir).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') throw cannotUse(target, info);
      const link = await danglingLink(dir);
      if (link) throw new CliError(`cannot create ${displayPath(target)}: ${link}`);
      if (dirname(dir) === dir) throw cannotUse(target, info);
      continue;
    }
    if (!info.isDirectory()) throw new CliError(`cannot create ${displayPath(target)}: ${displayPath(dir)} is a file, not a folder`);
    if (!(await isWritable(dir))) throw new CliError(`cannot create ${displayPath(target)}: ${displayPath(dir)} is not writable`);
    return;
  }
}

/** `x is a link to y, which does not exist` for a link whose destination is gone (following it would write somewhere not named). */
async function danglingLink(path: string): Promise<string | undefined> {
  const link = await readlink(path).catch(() => undefined);
  return link === undefined ? undefined : `${displayPath(path)} is a link to ${link}, which does not exist`;
}

async function isWritable(dir: string): Promise<boolean> {
  return access(dir, constants.W_OK | constants.X_OK).then(() => true, () => false);
}

function cannotUse(target: string, err: NodeJS.ErrnoException): CliError {
  return new CliError(`cannot use ${displayPath(target)}: ${err.code === 'EACCES' ? 'permission denied' : err.message}`);
}

/**
 * With --force, the starter's files go over the user's, but a folder where a file goes (or a file where a
 * folder goes) could only be written by deleting it: those are listed, and nothing is written.
 */
export async function findCollisions(target: string, paths: string[]): Promise<string[]> {
  const collisions = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const prefix = parts.slice(0, depth).join('/');
      const info = await lstat(join(target, prefix)).catch(() => undefined);
      if (!info) break;
      const wantsFolder = depth < parts.length;
      if (wantsFolder && !info.isDirectory()) collisions.add(`${prefix} (a file or link where the starter needs a folder)`);
      if (!wantsFolder && info.isDirectory()) collisions.add(`${prefix} (a folder where the starter writes a file)`);
      if (wantsFolder !== info.isDirectory()) break;
    }
  }
  return [...collisions].sort();
}
