// The running package as a tarball, /download/<name>-<version>.tgz: what a room without the registry installs from.
// Packed with `npm pack` from the very files this server runs, once, on first demand; kept in memory after that.
import { type ChildProcess, execFile } from 'node:child_process';
// fs.promises rather than node:fs/promises: loaded when a package is first asked for, not with the server.
import { existsSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Middleware } from 'koa';
import { renderView } from './views.js';

const packTimeoutMs = 120_000;
/** After a failed pack, asking again within this time gets the same answer instead of another npm run. */
const failureMemoMs = 10_000;

export interface PackageDownload {
  /** `/download/htmx-demo-0.1.0.tgz` */
  path: string;
  /** Starts packing now (the join page does, so the file is ready by the time learners ask). */
  prepare(): void;
  middleware: Middleware;
  /** Stops a pack under way and removes its temporary folder (server shutdown). */
  close(): void;
}

/** The npm run under way, if any: what close() stops and cleans up. */
interface PackRun {
  folder?: string;
  child?: ChildProcess;
}

export function packageDownload(root: string, name: string, version: string): PackageDownload {
  const fileName = `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
  let packing: Promise<Buffer> | undefined;
  const run: PackRun = {};
  const pack = () => {
    packing ??= packTarball(root, run).catch((err: Error) => {
      setTimeout(() => (packing = undefined), failureMemoMs).unref();
      throw err;
    });
    return packing;
  };

  return {
    path: `/download/${fileName}`,
    prepare: () => void pack().catch(() => {}), // the download itself reports a failure
    middleware: async (ctx) => {
      let tarball: Buffer;
      try {
        tarball = await pack();
      } catch (err) {
        // Why goes to the terminal (it may name this machine's folders); the room gets one plain line.
        ctx.app.emit('error', new Error(`could not pack the package for ${ctx.path}: ${(err as Error).message}`), ctx);
        ctx.status = 503;
        ctx.type = 'html';
        ctx.body = renderView(ctx, 'error-page', { status: 503, message: 'The package could not be packed on this server: the instructor’s terminal says why.' });
        return;
      }
      ctx.type = 'application/gzip';
      ctx.attachment(fileName);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = tarball;
    },
    close() {
      run.child?.kill();
      if (run.folder) rmSync(run.folder, { recursive: true, force: true });
    },
  };
}

/** Runs `npm pack` (no scripts, no network) into a temporary folder and reads the tarball back. */
async function packTarball(root: string, run: PackRun): Promise<Buffer> {
  // From a clone run with `npm start` (the sources), a tarball without the bundle would install and not run.
  if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('this clone has no dist/ to pack: run npm run build, then share it');
  const destination = await fs.mkdtemp(join(tmpdir(), 'htmx-demo-pack-'));
  run.folder = destination;
  try {
    const [command, ...first] = npmCommand();
    const stdout = await runNpm(command!, [...first, 'pack', '--json', '--ignore-scripts', '--offline', '--pack-destination', destination], root, run);
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error('npm pack wrote no file');
    return await fs.readFile(join(destination, basename(packed.filename)));
  } finally {
    run.folder = undefined;
    await fs.rm(destination, { recursive: true, force: true });
  }
}

/** The npm that started us when there is one (npx, npm start), else the one on the PATH. */
function npmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.[cm]?js$/.test(execPath)) return [process.execPath, execPath];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm'];
}

function runNpm(command: string, args: string[], cwd: string, run: PackRun): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    run.child = execFile(
      command,
      args,
      { cwd, env, timeout: packTimeoutMs, maxBuffer: 4 * 1024 * 1024, shell: process.platform === 'win32' },
      (err, stdout, stderr) => {
        run.child = undefined;
        if (!err) return resolve(stdout);
        reject(new Error((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'npm was not found' : npmSummary(stdout, stderr)));
      },
    );
  });
}

/** npm --json reports a failure as {"error": {"summary"}} on stdout; else its first error line. */
function npmSummary(stdout: string, stderr: string): string {
  try {
    const summary = (JSON.parse(stdout) as { error?: { summary?: string } }).error?.summary;
    if (summary) return summary.split('\n')[0]!;
  } catch {
    // not JSON: fall back to stderr
  }
  return stderr.split('\n').find((line) => line.startsWith('npm error') && !line.includes('complete log')) ?? 'npm pack failed';
}
