// npm start: serves the app on http://localhost:3000 (PORT=8080 npm start for another port), this machine only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { isClientGone } from './kit/errors.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1'; // HOST=0.0.0.0 shares the app with your network

const app = createApp({ lang: 'en' });
app.on('error', (err: Error) => {
  if (!isClientGone(err)) console.error(err); // a closed tab is not the server's error
});

const server = createServer(app.callback());
server.on('error', (err) => {
  console.error(`Cannot listen on ${host}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Listening on http://localhost:${actual}/ (Ctrl+C to stop)`);
});
