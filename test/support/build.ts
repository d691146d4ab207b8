// Vitest global setup: the tests of what ships (the spawned CLI, the packed package) run the bundle in dist/, so it
// is built first when any source is newer than it. Every other suite runs on src/ and does not need it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const sources = ['src', 'scripts', 'templates', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export default function setup(): void {
  const bundle = join(root, 'dist', 'cli.cjs');
  const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (sources.some((source) => newestMtime(join(root, source)) > builtAt)) {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts')], { cwd: root, stdio: 'inherit' });
  }
}
