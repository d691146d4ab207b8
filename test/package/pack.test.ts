// What `npm publish` would ship: everything the command reads at run time, and nothing else.
// (starter.e2e.ts installs that package and the starter it scaffolds, for real: `npm run test:pack`.)
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedSources } from '../../src/cli/scaffold/plan.js';

const repoRoot = join(import.meta.dirname, '..', '..');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(repoRoot, join(e.parentPath, e.name)));
}

describe('the published package', () => {
  it('carries the command, the build, the lessons, the templates and the files the starter shares, and no tests', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const packed = new Set<string>(JSON.parse(stdout)[0].files.map((file: { path: string }) => file.path));

    const shared = [...sharedSources.map(([from]) => from), ...(await filesUnder('src/kit'))]; // the starter gets src/kit whole
    const needed = [
      'package.json', 'README.md', 'bin/htmx-demo.cjs',
      ...(await filesUnder('dist')).filter((f) => /\.(c?js|json)$/.test(f)),
      ...(await filesUnder('src/lessons')),
      ...(await filesUnder('templates')),
      ...shared,
    ];
    expect(needed.filter((file) => !packed.has(file))).toEqual([]);
    const unwanted = [...packed].filter((file) => /^(test|docs|scripts|\.ci|src\/(cli|workshop|kit))\/|^src\/app\.ts$/.test(file));
    expect(unwanted.filter((file) => !shared.includes(file))).toEqual([]);
  });

  it('is ready to publish: npm publish --dry-run passes, with no dependencies and no install script in the manifest', async () => {
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare'];
    expect(lifecycle.filter((name) => manifest.scripts?.[name])).toEqual([]);
    const { stdout, stderr } = await promisify(execFile)('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    expect(JSON.parse(stdout.slice(stdout.indexOf('{')))['htmx-demo']).toMatchObject({ name: 'htmx-demo', version: manifest.version });
    // The one warning a dry run gives without an npm login; anything else would reach a publisher too.
    expect(stderr.split('\n').filter((line) => /\bwarn\b/.test(line) && !/requires you to be logged in/.test(line))).toEqual([]);
  }, 120_000);
});
