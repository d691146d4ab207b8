// Install footprint: the package as `npx htmx-demo` gets it. `npm pack`, then the tarball installed into an empty
// folder from the npm cache only (--offline): how many packages npm adds, their size on disk, and what npm warns.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

export async function benchInstall() {
  const dir = mkdtempSync(join(tmpdir(), 'htmx-demo-install-'));
  try {
    const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', dir, '--loglevel=error'], { cwd: root });
    const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(packed);
    const user = join(dir, 'user');
    writeFileSync(join(dir, 'package.json'), '{}'); // keeps npm from walking up to a project above the temporary folder
    await run('mkdir', [user]);
    writeFileSync(join(user, 'package.json'), '{ "private": true }\n');
    const { stdout, stderr } = await run('npm', ['install', join(dir, filename), '--offline', '--no-audit', '--no-fund', '--json'], { cwd: user });
    const { added } = JSON.parse(stdout);
    const folders = readdirSync(join(user, 'node_modules')).filter((name) => !name.startsWith('.'));
    const warnings = stderr.split('\n').filter((line) => /\bwarn\b/i.test(line));
    return { tarballBytes: size, unpackedBytes: unpackedSize, files: entryCount, added, folders, installedBytes: bytesUnder(join(user, 'node_modules')), warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
