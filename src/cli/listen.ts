// Starts a server on the asked-for port, or the next free one; listen errors reject (never throw in a listener).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from './errors.js';

export const portAttempts = 20;

export interface ListenOptions {
  port: number;
  host: string;
  /** Fail if the port is busy instead of trying the next ones. */
  strictPort: boolean;
}

/** Resolves with the port actually taken. Expected failures (busy, no permission) reject with a CliError. */
export async function listen(server: Server, { port, host, strictPort }: ListenOptions): Promise<number> {
  const lastPort = port === 0 || strictPort ? port : Math.min(port + portAttempts - 1, 65535);
  for (let candidate = port; ; candidate++) {
    try {
      return await listenOnce(server, candidate, host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && candidate < lastPort) continue;
      throw explainListenError(err as NodeJS.ErrnoException, { port, lastPort, host, strictPort });
    }
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

interface Attempt extends ListenOptions {
  lastPort: number;
}

function explainListenError(err: NodeJS.ErrnoException, { port, lastPort, host, strictPort }: Attempt): Error {
  switch (err.code) {
    case 'EADDRINUSE':
      if (strictPort) return new CliError(`port ${port} is already in use (--strict-port)`);
      if (lastPort === port) return new CliError(`port ${port} is already in use`);
      return new CliError(`ports ${port} to ${lastPort} are all in use: pick another with --port`);
    case 'EACCES':
      return new CliError(`no permission to listen on ${host} port ${port}: ports below 1024 usually need root, try --port 3000`);
    case 'EADDRNOTAVAIL':
      return new CliError(`cannot listen on ${host}: this machine has no such address (check --host)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CliError(`cannot listen on ${host}: the host name does not resolve (check --host)`);
    default:
      return err;
  }
}
