// Starts a bench server in its own process (so it never shares an event loop with the load generator).
import { fork } from 'node:child_process';
import { once } from 'node:events';

const profile = (dir) => ['--cpu-prof', `--cpu-prof-dir=${dir}`];

/**
 * Forks `script`, waits for the `{ port }` message it sends once listening. A `profileDir` (or BENCH_PROFILE=<dir>
 * for every child) has it write a CPU profile there when it stops (`node --cpu-prof`).
 */
export async function startChild(script, args = [], { profileDir = process.env.BENCH_PROFILE } = {}) {
  // tsx: the app child loads the sources (the bundle exposes only the CLI); the baselines load plain JavaScript.
  const child = fork(script, args, { execArgv: ['--import', 'tsx', ...(profileDir ? profile(profileDir) : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [message] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => { throw new Error(`${script} exited (${code}) before listening`); }),
  ]);
  return {
    url: `http://127.0.0.1:${message.port}`,
    pid: child.pid,
    /** The child's CPU time so far (user + system), and the time on its monotonic clock, both in microseconds. */
    async cpuMicros() {
      child.send('cpu');
      const [{ cpu, now }] = await once(child, 'message');
      return { cpu: cpu.user + cpu.system, now };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
