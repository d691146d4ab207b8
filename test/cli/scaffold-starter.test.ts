// The starter with every lesson, checked as its learner would: it type-checks, and its own tests pass (both lanes of
// every lesson, over HTTP). Offline: it borrows this repository's node_modules. The pack test installs it for real.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { repoRoot, runIn, tempDir } from './scaffold-support.js';
import { runCli } from './spawn-cli.js';

let dir: string;
let project: string;
beforeAll(async () => {
  dir = tempDir();
  project = join(dir, 'starter');
  const result = await runIn(dir, ['scaffold', 'starter', '--lessons', 'all']);
  expect(result.stderr).toBe('');
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a Node script in the starter, without this test run's own vitest and npm variables. */
function runNode(args: string[]): Promise<{ code: number; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|NODE_ENV$|TEST$)/.test(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: project, env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code) || 1 : 0, output: stdout + stderr });
    });
  });
}

describe('the starter with every lesson', () => {
  it('type-checks under strict TypeScript (npm run check)', async () => {
    const { code, output } = await runNode([join(project, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project]);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('passes its own tests: the app, and both lanes of every lesson (npm test)', async () => {
    const report = join(dir, 'vitest.json');
    const { code, output } = await runNode([
      join(project, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project, '--reporter=json', `--outputFile=${report}`,
    ]);
    expect(code, output).toBe(0);
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      numFailedTests: number;
      testResults: Array<{ name: string; status: string; assertionResults: unknown[] }>;
    };
    const files = results.testResults.map((file) => file.name.slice(project.length + 1)).sort();
    expect(files).toEqual(['test/app.test.ts', ...lessons.map((l) => `src/lessons/${l.id}/${l.id}.test.ts`)].sort());
    for (const file of results.testResults) {
      expect(file.status, file.name).toBe('passed');
      expect(file.assertionResults.length, file.name).toBeGreaterThan(0);
    }
  }, 120_000);

  it('npm start checks PORT and HOST as serve checks --port and --host, and prints the same Local and Network lines', async () => {
    // npm start until its banner is out (then stopped), or until it exits by itself.
    const start = (vars: Record<string, string>) => new Promise<{ code: number | null; output: string }>((resolve) => {
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|NODE_ENV$|TEST$|PORT$|HOST$)/.test(name)));
      const child = spawn(process.execPath, [join(project, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], { cwd: project, env: { ...env, ...vars } });
      let output = '';
      const read = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ctrl+C to stop')) child.kill();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('close', (code) => resolve({ code, output }));
    });
    const bad = await start({ PORT: 'abc' });
    expect(bad.code).toBe(1);
    expect(bad.output).toBe('error: invalid port "abc" (from the PORT variable): use a number from 0 to 65535\n');
    // An empty PORT counts as unset: 3000, or a clear line if another server has it (never a random port).
    expect((await start({ PORT: '' })).output).toMatch(/Local: {3}http:\/\/localhost:3000\/|port 3000 is already in use: try PORT=3001 npm start/);
    const shared = await start({ PORT: '0', HOST: '0.0.0.0' });
    expect(shared.output).toMatch(/Local: {3}http:\/\/localhost:\d+\//);
    expect(shared.output).toMatch(/Network: (http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/|no network address found)/);
    expect(shared.output).not.toContain('this machine only');
    const local = await start({ PORT: '0' });
    expect(local.output).toContain('Network: this machine only (HOST=0.0.0.0 npm start shares it with your network)');
  }, 60_000);

  it('passes htmx-demo verify: every lesson with a spec, over HTTP, as any server would be checked', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|NODE_ENV$|TEST$|HOST$)/.test(name)));
    const server = spawn(process.execPath, [join(project, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], { cwd: project, env: { ...env, PORT: '0' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        server.stdout.on('data', (chunk: Buffer) => {
          seen += chunk;
          const found = /Local: +(http:\/\/\S+)/.exec(seen)?.[1];
          if (found) resolve(found);
        });
        server.once('exit', () => reject(new Error(`the starter exited: ${seen}`)));
      });
      const { code, stdout } = await runCli(['verify', url]);
      expect(stdout).not.toContain('✘');
      expect(stdout.match(/checks passed/g)).toHaveLength(lessons.filter((lesson) => lesson.spec).length);
      expect(code).toBe(0);
    } finally {
      server.kill();
    }
  }, 60_000);
});
