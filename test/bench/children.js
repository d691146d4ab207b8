// Starts a bench server in its own process (so it never shares an event loop with the load generator).
import { fork } from 'node:child_process';
import { once } from 'node:events';

/** Forks `script`, waits for the `{ port }` message it sends once listening. */
export async function startChild(script, args = []) {
  const child = fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [message] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => { throw new Error(`${script} exited (${code}) before listening`); }),
  ]);
  return {
    url: `http://127.0.0.1:${message.port}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
