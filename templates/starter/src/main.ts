// npm start: checks PORT and HOST, listens (this machine only, unless HOST says otherwise) and says where to go.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressError, allowedHostsFor, defaultHost, defaultPort, isLoopbackHost, localUrl, networkUrls, parseHost, parsePort } from './kit/address.js';
import { isClientGone } from './kit/errors.js';
import { createApp } from './app.js';

/** PORT and HOST, checked as `htmx-demo serve` checks --port and --host; an empty variable counts as unset. */
function address(): { port: number; host: string } {
  try {
    const { PORT, HOST } = process.env;
    return { port: PORT ? parsePort(PORT, ' (from the PORT variable)') : defaultPort, host: HOST ? parseHost(HOST) : defaultHost };
  } catch (err) {
    if (!(err instanceof AddressError)) throw err;
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}

const listenProblems: Record<string, (port: number, host: string) => string> = {
  EADDRINUSE: (port) => `port ${port} is already in use: try PORT=${port + 1} npm start`,
  EACCES: (port) => `no permission to listen on port ${port}: ports below 1024 usually need root, try PORT=3000`,
  EADDRNOTAVAIL: (_port, host) => `cannot listen on ${host}: this machine has no such address (check HOST)`,
  ENOTFOUND: (_port, host) => `cannot listen on ${host}: the host name does not resolve (check HOST)`,
};

const { port, host } = address();
// ALLOWED_HOSTS=a,b: more names it answers to (all: any name), besides this machine's.
const extraHosts = process.env.ALLOWED_HOSTS === 'all' ? true : (process.env.ALLOWED_HOSTS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
const app = createApp({ lang: 'en', allowedHosts: allowedHostsFor(host, extraHosts) });
app.on('error', (err: Error) => {
  if (!isClientGone(err)) console.error(err); // a closed tab is not the server's error
});

const server = createServer(app.callback());
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`error: ${listenProblems[err.code ?? '']?.(port, host) ?? err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const actual = (server.address() as AddressInfo).port;
  const lan = networkUrls(host, actual);
  console.log(`\n  Local:   ${localUrl(host, actual)}`);
  if (isLoopbackHost(host)) console.log('  Network: this machine only (HOST=0.0.0.0 npm start shares it with your network)');
  else if (lan) console.log(lan.length ? lan.map((url) => `  Network: ${url}`).join('\n') : '  Network: no network address found');
  console.log('\n  Ctrl+C to stop\n');
});
