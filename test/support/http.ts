// Low-level HTTP for tests: raw paths fetch() would normalize, HTML inspection, and an SSE reader.
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface RawInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** A keep-alive agent to reuse one connection across requests; by default each request has its own. */
  agent?: Agent;
}

/** Sends `path` exactly as written (fetch() would resolve `..` and re-encode it). */
export function rawRequest(baseUrl: string, path: string, { method = 'GET', headers = {}, body, agent }: RawInit = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request body of `bytes` bytes sent in chunks, with no Content-Length (fetch needs `duplex: 'half'`). */
export function streamedBody(bytes: number, chunk = 4096): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      controller.enqueue(new Uint8Array(size).fill(0x61));
      sent += size;
    },
  });
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities a server-side escaper emits: named, decimal and hex. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] === '#') {
      const hex = code[1] === 'x' || code[1] === 'X';
      return String.fromCodePoint(parseInt(code.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return named[code.toLowerCase()] ?? entity;
  });
}

/** The text a browser shows for an HTML fragment: tags dropped first, then entities decoded. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** Every opening tag of one element name, e.g. all `<script ...>` tags. */
export function tagsNamed(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

/** One attribute's value from an opening tag, decoded. */
export function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

/** The inner HTML of the inspector list for one lesson's lane (`<ol id="wire-like-json">`). */
export function wireList(html: string, listId: string): string {
  const found = new RegExp(`<ol [^>]*id="${listId}"[^>]*>([\\s\\S]*?)</ol>`).exec(html);
  if (!found) throw new Error(`page has no list #${listId}`);
  return found[1]!;
}

/** The exchange items of an inspector list, newest first as the page shows them. */
export function wireItems(html: string, listId: string): string[] {
  return wireList(html, listId).split(/(?=<li class="exchange")/).filter((part) => part.startsWith('<li'));
}

export interface EventStream {
  response: Response;
  /** Data of every event received so far (multi-line data joined with \n). */
  events: string[];
  /** Each event's type and id, when it has them (same order as events). */
  fields: Array<{ event?: string; id?: string }>;
  /** Resolves when the server ends the stream (or close() is called). */
  ended: Promise<void>;
  /** Resolves with the first event (past or future) that matches, or null after `timeoutMs`. */
  waitFor(match: (data: string) => boolean, timeoutMs?: number): Promise<string | null>;
  close(): void;
}

/** Opens a text/event-stream and collects its events until closed. */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: string[] = [];
  const fields: EventStream['fields'] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        const blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const lines = block.split(/\r?\n/);
          const data = lines.filter((line) => line.startsWith('data:'));
          const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.replace(/^[a-z]+: ?/, '');
          if (data.length) {
            events.push(data.map((line) => line.replace(/^data: ?/, '')).join('\n'));
            fields.push({ event: field('event'), id: field('id') });
          }
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    response,
    events,
    fields,
    ended,
    waitFor(match, timeoutMs = 3000) {
      return new Promise((resolve) => {
        const check = () => {
          const found = events.find(match);
          if (found === undefined) return false;
          done(found);
          return true;
        };
        const done = (result: string | null) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(result);
        };
        const wake = () => void check();
        const timer = setTimeout(() => done(null), timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
