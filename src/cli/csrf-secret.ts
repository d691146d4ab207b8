// The CSRF secret kept in the user's state folder, so tokens in open tabs stay valid across a restart.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export { stateDir } from './state-dir.js';

export const secretFileName = 'csrf-secret';
const secretBytes = 32;

export interface LoadedSecret {
  secret: Buffer;
  /** Where it is kept; undefined when it could not be saved (the secret then lives as long as the process). */
  file?: string;
  /** Why it could not be kept, for one line in the banner. */
  problem?: string;
  /** A new secret was made (first run, --fresh, or an unreadable file): tokens from an earlier run are refused. */
  rotated: boolean;
}

/** Reads the kept secret, or makes and keeps a new one (always a new one when `fresh`). Never throws. */
export function loadCsrfSecret(dir: string, { fresh = false } = {}): LoadedSecret {
  const file = join(dir, secretFileName);
  if (!fresh) {
    const kept = readSecret(file);
    if (kept) return { secret: kept, file, rotated: false };
  }
  const secret = randomBytes(secretBytes);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written whole under another name, then renamed: a crash mid-write never leaves half a secret behind.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, `${secret.toString('base64url')}\n`, { mode: 0o600 });
    renameSync(partial, file);
    return { secret, file, rotated: true };
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { secret, problem: `could not save the CSRF secret in ${dir} (${reason})`, rotated: true };
  }
}

/** The kept secret, or undefined when there is none or it is not one of ours. Tightens a file others may read. */
function readSecret(file: string): Buffer | undefined {
  try {
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (secret.length !== secretBytes) return undefined;
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return secret;
  } catch {
    return undefined;
  }
}
