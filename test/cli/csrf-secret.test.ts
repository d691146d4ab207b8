// The CSRF secret kept in the state folder: made once with owner-only modes, read back, rotated by --fresh.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCsrfSecret, secretFileName, stateDir } from '../../src/cli/csrf-secret.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'htmx-demo-state-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('stateDir', () => {
  it('is $XDG_STATE_HOME/htmx-demo, else ~/.local/state/htmx-demo', () => {
    expect(stateDir({ XDG_STATE_HOME: '/srv/state' })).toBe('/srv/state/htmx-demo');
    expect(stateDir({})).toBe(join(homedir(), '.local', 'state', 'htmx-demo'));
    expect(stateDir({ XDG_STATE_HOME: 'relative/path' })).toBe(join(homedir(), '.local', 'state', 'htmx-demo'));
  });
});

describe('loadCsrfSecret', () => {
  it('makes a secret on first run, readable by the owner only, and reads the same one back', () => {
    const dir = join(root, 'htmx-demo');
    const first = loadCsrfSecret(dir);
    expect(first).toMatchObject({ rotated: true, file: join(dir, secretFileName) });
    expect(first.secret).toHaveLength(32);
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const second = loadCsrfSecret(dir);
    expect(second.rotated).toBe(false);
    expect(second.secret.equals(first.secret)).toBe(true);
  });

  it('makes a new one with fresh, and keeps that one', () => {
    const dir = join(root, 'htmx-demo');
    const old = loadCsrfSecret(dir).secret;
    const fresh = loadCsrfSecret(dir, { fresh: true });
    expect(fresh.rotated).toBe(true);
    expect(fresh.secret.equals(old)).toBe(false);
    expect(loadCsrfSecret(dir).secret.equals(fresh.secret)).toBe(true);
  });

  it('replaces a file that holds no secret of ours, and tightens one others could read', () => {
    const dir = join(root, 'htmx-demo');
    mkdirSync(dir);
    writeFileSync(join(dir, secretFileName), 'not a secret\n');
    const replaced = loadCsrfSecret(dir);
    expect(replaced.rotated).toBe(true);
    expect(readFileSync(join(dir, secretFileName), 'utf8').trim()).toBe(replaced.secret.toString('base64url'));

    chmodSync(join(dir, secretFileName), 0o644);
    expect(loadCsrfSecret(dir).secret.equals(replaced.secret)).toBe(true);
    expect(statSync(join(dir, secretFileName)).mode & 0o777).toBe(0o600);
  });

  it('still gives a secret when the folder cannot be written, and says why', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, '');
    const loaded = loadCsrfSecret(join(blocker, 'htmx-demo'));
    expect(loaded.secret).toHaveLength(32);
    expect(loaded.file).toBeUndefined();
    expect(loaded.problem).toMatch(/could not save the CSRF secret in .*a-file\/htmx-demo \(ENOTDIR\)/);
  });
});
