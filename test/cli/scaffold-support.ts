// Helpers for the scaffold tests: run the real CLI in a chosen folder, and take a folder's contents for comparing.
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters as plain } from 'node:util';
import { binPath } from './spawn-cli.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Who the command runs as: root can write anywhere, so a permission test runs it as another user. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Runs `htmx-demo <args>` in `cwd`, with npm's user agent and colour variables cleared unless `env` sets them. */
export function runIn(cwd: string, args: string[], env: Record<string, string> = {}, as?: RunAs): Promise<CliResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|NO_COLOR|FORCE_COLOR|DEBUG|HTMX_DEMO_)/i.test(name)),
  );
  return new Promise((resolve) => {
    execFile(process.execPath, [binPath, ...args], { cwd, env: { ...base, ...env }, ...as }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout: plain(stdout), stderr: plain(stderr) });
    });
  });
}

/** A fresh temporary folder (its real path: macOS's /tmp is a link). */
export function tempDir(prefix = 'htmx-demo-scaffold-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Every file, folder and link under `dir` with its contents: equal snapshots mean nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (path: string, rel: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const key = rel ? `${rel}/${name}` : name;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) entries[key] = `link -> ${readlinkSync(full)}`;
      else if (info.isDirectory()) {
        entries[`${key}/`] = 'folder';
        walk(full, key);
      } else entries[key] = readFileSync(full, 'utf8');
    }
  };
  walk(dir, '');
  return entries;
}

/** The files under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  return Object.entries(snapshot(dir))
    .filter(([, value]) => value !== 'folder')
    .map(([path]) => path)
    .sort();
}
