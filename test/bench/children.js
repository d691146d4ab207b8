// Starts a bench server in its own process (so it never shares an event loop with the load generator).
import { fork } from 'node:child_process';
import { once } from 'node:events';

/** BENCH_PROFILE=<dir> writes a CPU profile of every server child there (`node --cpu-prof`). */
const execArgv = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

/** Forks `script`, waits for the `{ port }` message it sends once listening. */
export async function startChild(script, args = []) {
  const child = fork(script, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [message] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => { throw new Error(`${script} exited (${code}) before listening`); }),
  ]);
  return {
    url: `http://127.0.0.1:${message.port}`,
    pid: child.pid,
    /** The child's CPU time so far (user + system), in microseconds. */
    async cpuMicros() {
      child.send('cpu');
      const [{ cpu }] = await once(child, 'message');
      return cpu.user + cpu.system;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
