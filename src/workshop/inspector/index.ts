// The wire inspector: records each lane exchange per visitor and streams it to that visitor's page (SSE).
// Each event is one rendered <li>; the page's inspector.js puts it at the top of its lane's list.
import type { Context, Middleware } from 'koa';
import type { MountedLanes } from '../lanes.js';
import { compileView } from '../views.js';
import { workshopWords } from '../words.js';
import { captureExchanges } from './capture.js';
import type { Exchange, ExchangeStore } from './store.js';

export { ExchangeStore, type StoreLimits } from './store.js';
export { streamPath, streamUrl, type StreamLimits } from './stream.js';
import { exchangeStreams, type StreamLimits } from './stream.js';

export { exchangeIdHeader, shownBodyChars } from './exchange.js';
export { hiddenPassword, shortToken } from './masking.js';

export interface Inspector {
  store: ExchangeStore;
  /** Outermost lane middleware: tags ctx.state with the lane, and records the exchange. */
  capture: Middleware;
  /** GET handler for the visitor's event stream. */
  stream: Middleware;
  /** Renders one exchange as the list item the page shows. */
  renderExchange(ctx: Context, exchange: Exchange): string;
  /** Streams open right now: what the load tests watch to prove closed tabs are let go. */
  readonly openStreamCount: number;
  /** Ends every open stream (server shutdown). */
  close(): void;
}

const exchangeView = compileView<{ exchange: Exchange; t: Context['state']['t'] }>('exchange', ['exchange', 't']);

/** One exchange as the list item the page shows (the page's own list, and each streamed event). */
export const renderExchange = (ctx: Context, exchange: Exchange): string => exchangeView({ exchange, t: ctx.state.t ?? workshopWords.en });

/** The inspector around a store: recording the lanes' exchanges, and streaming them to their visitors. */
export function createInspector(lanes: MountedLanes, store: ExchangeStore, streamLimits: Partial<StreamLimits> = {}): Inspector {
  const sweeper = setInterval(() => store.sweep(), 60_000).unref();
  const streams = exchangeStreams(store, renderExchange, streamLimits);
  return {
    store,
    capture: captureExchanges(lanes, store),
    stream: streams.middleware,
    renderExchange,
    get openStreamCount() {
      return streams.openCount;
    },
    close() {
      clearInterval(sweeper);
      streams.closeAll();
    },
  };
}
