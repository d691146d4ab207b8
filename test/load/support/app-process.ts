// Runs the app in a child process (app-child.js) and asks it about its memory, streams and errors.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AppOptions } from '../../../src/app.js';

export interface AppProcess {
  url: string;
  /** Heap and RSS after a full garbage collection, in bytes. */
  memory(): Promise<NodeJS.MemoryUsage>;
  openStreamCount(): Promise<number>;
  /** What the inspector's store holds, and for how many visitors. */
  store(): Promise<{ bytes: number; visitors: number }>;
  /** The event loop's delay since the last ask, p99 and max in ms (what every request waits on top of its own work). */
  loopDelay(): Promise<{ p99: number; max: number }>;
  /** Learners the room counts as connected. */
  learnerCount(): Promise<number>;
  /** CPU time the app's process has used so far, in ms. */
  cpuMs(): Promise<number>;
  /** Errors the app reported (5xx and crashes caught by Koa), as stack strings. */
  errors(): Promise<string[]>;
  stop(): Promise<void>;
}

/** `options`: createApp's, as JSON (limits and the like; no functions). */
export async function startAppProcess(options: AppOptions = {}): Promise<AppProcess> {
  const script = new URL('./app-child.js', import.meta.url).pathname;
  const child = fork(script, [JSON.stringify(options)], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ port }] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`app child exited (${code}) before listening`))),
  ])) as [{ port: number }];
  let nextId = 0;
  const ask = <T>(what: string) => askChild<T>(child, ++nextId, what);
  return {
    url: `http://127.0.0.1:${port}`,
    memory: () => ask('memory'),
    openStreamCount: () => ask('streams'),
    store: () => ask('store'),
    loopDelay: () => ask('loopDelay'),
    learnerCount: () => ask('learners'),
    cpuMs: () => ask('cpu'),
    errors: () => ask('errors'),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}

function askChild<T>(child: ChildProcess, id: number, ask: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { id: number; answer: T }) => {
      if (message.id !== id) return;
      child.off('message', onMessage);
      resolve(message.answer);
    };
    child.on('message', onMessage);
    child.send({ id, ask });
  });
}
