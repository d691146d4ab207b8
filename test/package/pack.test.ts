// What `npm publish` would ship: everything the command reads at run time, and nothing else.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(repoRoot, join(e.parentPath, e.name)));
}

describe('the published package', () => {
  it('carries the command, the build, the lessons and the templates, and no tests', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const packed = new Set<string>(JSON.parse(stdout)[0].files.map((file: { path: string }) => file.path));

    const needed = [
      'package.json', 'README.md', 'bin/htmx-demo.js',
      ...(await filesUnder('dist')).filter((f) => f.endsWith('.js')),
      ...(await filesUnder('src/lessons')),
      ...(await filesUnder('templates')),
    ];
    expect(needed.filter((file) => !packed.has(file))).toEqual([]);
    expect([...packed].filter((file) => /^(test|docs|\.ci|src\/(cli|server|lane))\//.test(file))).toEqual([]);
  });
});
