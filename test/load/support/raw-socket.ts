// Bytes straight onto a socket, for requests no HTTP client would send (truncated, oversized, malformed).
import { connect } from 'node:net';

export interface SocketAnswer {
  /** 0 when the server sent nothing back. */
  status: number;
  /** Status line, headers and as much of the body as arrived. */
  text: string;
  /** Header names in lower case; the last value of a repeated header. */
  headers: Record<string, string>;
  body: string;
}

export interface SendOptions {
  /** After sending, close our side (FIN), as a client that gives up on the rest of its body. */
  halfClose?: boolean;
  /** Give up waiting after this long: the answer so far (status 0 if none) is returned. */
  timeoutMs?: number;
  /** The same as timeoutMs (its older name). */
  readMs?: number;
}

/**
 * Sends `bytes` on a fresh connection and reads one answer: until its declared length or last chunk
 * has arrived, the server closes the connection, or (an event stream never ends) its first event.
 * The generous timeout is for a busy machine; an answer normally comes in milliseconds.
 */
export function sendRaw(baseUrl: string, bytes: string | Buffer, { halfClose = false, readMs, timeoutMs = readMs ?? 15_000 }: SendOptions = {}): Promise<SocketAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const socket = connect(Number(port), hostname);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(received.toString('utf8')));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isComplete(received)) finish();
    });
    socket.on('close', finish);
    socket.on('error', () => {}); // a reset after the server's answer still leaves the answer to read
    socket.write(bytes, () => {
      if (halfClose) socket.end();
    });
  });
}

function parseAnswer(text: string): SocketAnswer {
  const headEnd = text.indexOf('\r\n\r\n');
  const head = headEnd < 0 ? text : text.slice(0, headEnd);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  return { status, text, headers, body: headEnd < 0 ? '' : text.slice(headEnd + 4) };
}

/** Whether `received` holds a whole answer (so there is no need to wait for the server to close). */
function isComplete(received: Buffer): boolean {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return false;
  const { headers, status } = parseAnswer(received.subarray(0, headEnd + 4).toString('latin1'));
  const body = received.subarray(headEnd + 4);
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return true;
  if (headers['content-type']?.startsWith('text/event-stream')) return body.length > 0;
  if (headers['content-length'] !== undefined) return body.length >= Number(headers['content-length']);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return body.subarray(-5).toString('latin1') === '0\r\n\r\n';
  return false;
}

/** A raw HTTP/1.1 request; Content-Length is the caller's to set (or to lie about). */
export function requestBytes(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Runs `task` over `items`, `limit` at a time: enough to keep a loopback server busy, not to swamp it. */
export async function inParallel<T, R>(items: T[], task: (item: T) => Promise<R>, limit = 8): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
