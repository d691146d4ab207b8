// The serve command's options, checked and typed. Pure and free of server imports, so main can check before loading Koa.
import { defaultPort, parseHost, parsePort } from '../kit/address.js';
import { isLang, type Lang } from '../kit/i18n.js';
import { CliError } from './errors.js';

export { defaultHost, parseHost, parsePort } from '../kit/address.js';
export const maxLatencyMs = 60_000;
/** What the request log shows: lesson pages and lane requests (no static files), everything, or nothing. */
export const logModes = ['lanes', 'all', 'none'] as const;
export type LogMode = (typeof logModes)[number];

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
  fresh?: boolean;
  log?: string;
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
  /** A new CSRF secret instead of the kept one: tokens in tabs from an earlier run are refused. */
  fresh: boolean;
  log: LogMode;
}

export function parseLatency(value: string): number {
  const ms = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(ms >= 0 && ms <= maxLatencyMs)) {
    throw new CliError(`invalid latency "${value}": use a number of milliseconds from 0 to ${maxLatencyMs}`);
  }
  return ms;
}

export function parseLogMode(value: string): LogMode {
  if (!(logModes as readonly string[]).includes(value)) {
    throw new CliError(`invalid log "${value}": use ${logModes.join(', ')}`);
  }
  return value as LogMode;
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
    fresh: raw.fresh ?? false,
    log: raw.log === undefined ? 'lanes' : parseLogMode(raw.log),
  };
}
