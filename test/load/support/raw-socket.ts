// Bytes straight onto a socket, for requests no HTTP client would send (truncated, oversized, malformed).
import { connect } from 'node:net';

export interface SocketAnswer {
  /** 0 when the server sent nothing back. */
  status: number;
  /** Status line, headers and as much of the body as arrived. */
  text: string;
  body: string;
}

export interface SendOptions {
  /** After sending, close our side (FIN), as a client that gives up on the rest of its body. */
  halfClose?: boolean;
  /** Stop reading after this long (an event stream never ends by itself). */
  readMs?: number;
}

/** Sends `bytes` on a fresh connection and reads until the server closes it or `readMs` is up. */
export function sendRaw(baseUrl: string, bytes: string | Buffer, { halfClose = false, readMs = 1000 }: SendOptions = {}): Promise<SocketAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    };
    const timer = setTimeout(finish, readMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', () => {}); // a reset after the server's answer still leaves the answer to read
    socket.write(bytes, () => {
      if (halfClose) socket.end();
    });
  });
}

/** A raw HTTP/1.1 request; Content-Length is the caller's to set (or to lie about). */
export function requestBytes(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
