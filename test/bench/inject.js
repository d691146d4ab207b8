// Requests handed straight to an app's request handler, with no socket and no client: its own CPU time per
// request, apart from the system calls and the load generator that share a machine (and its noise) with it.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';

/** A socket that takes whatever is written and drops it. */
class NullSocket extends Duplex {
  remoteAddress = '127.0.0.1';
  encrypted = false;
  _read() {}
  _write(_chunk, _encoding, done) {
    done();
  }
  setTimeout() {}
  setNoDelay() {}
  setKeepAlive() {}
  destroySoon() {}
}

/** Sends one request through `handler`; resolves with the status once the response has finished. */
export function inject(handler, { method = 'GET', path = '/', headers = {}, body = '' }) {
  const socket = new NullSocket();
  const req = new IncomingMessage(socket);
  req.method = method;
  req.url = path;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  const all = { host: '127.0.0.1', 'content-length': String(Buffer.byteLength(body)), ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
  req.headers = all;
  req.rawHeaders = Object.entries(all).flat();
  if (body) req.push(body);
  req.push(null);
  const res = new ServerResponse(req);
  res.assignSocket(socket);
  return new Promise((resolve, reject) => {
    res.on('finish', () => resolve(res.statusCode));
    res.on('error', reject);
    handler(req, res);
  });
}

/**
 * CPU µs per request over `count` requests, `concurrency` at a time. Each starts in an event-loop turn of its own, as
 * one read from a socket would: what the app leaves for a later turn (an open stream's write) is measured too.
 */
export async function cpuPerRequest(handler, request, { count = 5000, concurrency = 10 } = {}) {
  let started = 0;
  const before = process.cpuUsage();
  const worker = async () => {
    while (started < count) {
      started++;
      await new Promise(setImmediate);
      const status = await inject(handler, request);
      if (status >= 300) throw new Error(`${request.method} ${request.path} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

/** What a browser keeps from loading `/`: the visitor cookie and the page's CSRF token, as request headers. */
export async function visitorSession(handler) {
  const captured = { headers: {}, html: '' };
  const end = ServerResponse.prototype.end;
  ServerResponse.prototype.end = function (chunk, ...rest) {
    if (chunk) captured.html += chunk;
    captured.headers = this.getHeaders();
    return end.call(this, chunk, ...rest);
  };
  try {
    await inject(handler, { path: '/' });
  } finally {
    ServerResponse.prototype.end = end;
  }
  const cookie = [captured.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(captured.html)?.[1];
  if (!cookie || !csrfToken) throw new Error('/ gave no visitor cookie or CSRF token');
  return { Cookie: cookie, 'X-CSRF-Token': csrfToken };
}
