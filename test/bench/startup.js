// Start-up: from spawning a server to its first successful HTTP answer, the CLI against a bare node:http script.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { median } from './throughput.js';

const root = new URL('../../', import.meta.url).pathname;
const cli = { id: 'cli', args: ['bin/htmx-demo.cjs', 'serve', '--port', '0'] };
/** Not a target: the first start after an install, before serve has saved its compiled code (a state folder of its own each time). */
const cold = { id: 'cold', args: cli.args, env: () => ({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'htmx-demo-cold-')) }) };
const bare = { id: 'node:http', args: [new URL('./servers/node-http.js', import.meta.url).pathname] };
/** Not a target: what the fixed stack alone costs, so the report can say how much of the start-up is the project's. */
const stack = { id: 'stack', args: [new URL('./servers/stack-floor.js', import.meta.url).pathname] };

export const cliBuilt = () => existsSync(`${root}dist/cli.cjs`);

/** Milliseconds from spawn to the end of the first 2xx answer from the URL in the `Local:` banner line. */
async function startOnce({ args, env }) {
  const own = env?.();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...own } });
  try {
    const url = await bannerUrl(child);
    await firstAnswer(url);
    return performance.now() - started;
  } finally {
    const exited = once(child, 'exit');
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (own) rmSync(own.XDG_STATE_HOME, { recursive: true, force: true });
  }
}

function bannerUrl(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const url = /Local:\s+(http:\/\/\S+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      if (url) resolve(url);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before its banner:\n${output}`)));
  });
}

/** Retries refused connections: a banner may come a moment before the socket listens. */
async function firstAnswer(url) {
  for (;;) {
    const status = await new Promise((resolve, reject) => {
      get(url, { agent: false }, (res) => res.resume().on('end', () => resolve(res.statusCode))).on('error', (err) =>
        err.code === 'ECONNREFUSED' ? resolve(0) : reject(err),
      );
    });
    if (status >= 200 && status < 300) return;
    if (status !== 0) throw new Error(`${url} answered ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Alternates the four, `runs` times each (the CLI and node:http always next to each), after one unmeasured start of each to warm the disk cache. */
export async function benchStartup({ runs, log }) {
  const servers = [cli, bare, stack, cold];
  const times = Object.fromEntries(servers.map(({ id }) => [id, []]));
  for (const server of servers) await startOnce(server);
  for (let run = 0; run < runs; run++) {
    for (const server of run % 2 === 0 ? servers : [...servers].reverse()) times[server.id].push(await startOnce(server));
    log(`start-up run ${run + 1}/${runs}: ${servers.map(({ id }) => `${id} ${times[id].at(-1).toFixed(0)} ms`).join(', ')}`);
  }
  const cliMs = median(times.cli);
  const bareMs = median(times['node:http']);
  const stackMs = median(times.stack);
  const coldMs = median(times.cold);
  // The ratio of each run's pair, started one right after the other, then the median of those: a shared machine's
  // speed drifts over the minute the runs take, much less between two starts.
  const ratioOf = (id) => median(times[id].map((ms, run) => ms / times['node:http'][run]));
  return { cliMs, bareMs, stackMs, coldMs, ratio: ratioOf('cli'), coldRatio: ratioOf('cold'), stackRatio: ratioOf('stack'), times };
}
