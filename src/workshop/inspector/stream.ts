// The visitor's event stream (SSE): each exchange recorded for that visitor goes out as one rendered <li>.
import type { ServerResponse } from 'node:http';
import type { Context, Middleware } from 'koa';
import { startEventStream } from '../event-stream.js';
import type { Exchange, ExchangeStore } from './store.js';

const keepAliveMs = 20_000;
const maxOpenStreams = 1000;

export interface ExchangeStreams {
  /** GET handler for the visitor's event stream. */
  middleware: Middleware;
  /** Streams open right now. */
  readonly openCount: number;
  /** Ends every open stream (server shutdown). */
  closeAll(): void;
}

export function exchangeStreams(store: ExchangeStore, renderExchange: (ctx: Context, exchange: Exchange) => string): ExchangeStreams {
  const openStreams = new Set<ServerResponse>();
  // The stream writes to the socket itself (ctx.respond = false): koa's stream piping would report
  // every closed tab as an error.
  const middleware: Middleware = async (ctx) => {
    const { res } = ctx;
    // Events of one event-loop turn go out in one write (a busy lane would otherwise cost a syscall
    // per exchange). A stream ended by close() emits 'close' a moment later: no write may land between.
    let pending = '';
    const write = (text: string) => {
      if (!res.writableEnded) res.write(text);
    };
    const flush = () => {
      write(pending);
      pending = '';
    };
    const send = (exchange: Exchange) => {
      if (!pending) setImmediate(flush);
      pending += toEvent(renderExchange(ctx, exchange));
    };
    const unsubscribe = store.subscribe(ctx.state.visitorId, send);
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs).unref();
    res.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      openStreams.delete(res);
    });
    openStreams.add(res);
    if (openStreams.size > maxOpenStreams) openStreams.values().next().value?.end();

    startEventStream(ctx);
    res.write(': connected\n\n');
  };

  return {
    middleware,
    get openCount() {
      return openStreams.size;
    },
    closeAll() {
      for (const res of openStreams) res.end();
    },
  };
}

/** One SSE message: every line of the payload gets its own `data:` field. */
function toEvent(html: string): string {
  return `data: ${html.replace(/\r\n|\r|\n/g, '\ndata: ')}\n\n`;
}
