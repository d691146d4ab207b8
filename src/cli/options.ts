// The serve command's options, checked and typed. Pure and free of server imports, so main can check before loading Koa.
import { defaultPort, parseHost, parsePort } from '../kit/address.js';
import { isLang, type Lang } from '../kit/i18n.js';
import { CliError } from './errors.js';

export { defaultHost, parseHost, parsePort } from '../kit/address.js';
export const maxLatencyMs = 60_000;

/** What commander hands the serve action (strings as typed). */
export interface RawServeOptions {
  port?: string;
  host: string;
  strictPort?: boolean;
  open?: boolean;
  latency?: string;
  lang: string;
  /** A lesson id or number; checked against the lesson list by main, which loads it only then. */
  lesson?: string;
}

export interface ServeOptions {
  port: number;
  host: string;
  strictPort: boolean;
  open: boolean;
  latencyMs: number;
  lang: Lang;
  debug: boolean;
  /** Where the banner's URLs and --open point: `/`, or a lesson's page. */
  startPath: string;
}

export function parseLatency(value: string): number {
  const ms = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(ms >= 0 && ms <= maxLatencyMs)) {
    throw new CliError(`invalid latency "${value}": use a number of milliseconds from 0 to ${maxLatencyMs}`);
  }
  return ms;
}

/** --port wins, then the PORT variable (empty counts as unset), then 3000. */
export function resolveServeOptions(raw: RawServeOptions, env: NodeJS.ProcessEnv, debug: boolean): ServeOptions {
  if (!isLang(raw.lang)) throw new CliError(`invalid language "${raw.lang}"`); // commander's choices() checks first
  const port =
    raw.port !== undefined ? parsePort(raw.port)
    : env.PORT ? parsePort(env.PORT, ' (from the PORT variable)')
    : defaultPort;
  return {
    port,
    host: parseHost(raw.host),
    strictPort: raw.strictPort ?? false,
    open: raw.open ?? false,
    latencyMs: raw.latency === undefined ? 0 : parseLatency(raw.latency),
    lang: raw.lang,
    debug,
    startPath: '/',
  };
}
