// The serve command's options, checked and typed. Pure and free of server imports, so main can check before loading Koa.
import { defaultPort, parseHost, parsePort } from '../kit/address.js';
import { type AllowedHosts, isHostName } from '../kit/hosts.js';
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
  allowedHosts?: string;
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
  /** Host names to answer to besides the ones serve announces (--allowed-hosts); `true` for any. */
  allowedHosts: AllowedHosts;
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

/**
 * `--allowed-hosts a.example,.lab.example`: names (a leading dot takes in every name under it), or `all` (`true`, as in
 * vite's config) to answer to any name, which leaves the server open to DNS rebinding.
 */
export function parseAllowedHosts(value: string): AllowedHosts {
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.some((name) => name === 'all' || name === 'true')) return true;
  for (const name of names) {
    const bare = name.startsWith('.') ? name.slice(1) : name;
    if (!isHostName(bare) || bare === '') {
      throw new CliError(`invalid host name "${name}" in --allowed-hosts: use names such as lab.example or .lab.example, comma-separated, or all`);
    }
  }
  return names;
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
    allowedHosts: raw.allowedHosts === undefined ? [] : parseAllowedHosts(raw.allowedHosts),
    fresh: raw.fresh ?? false,
    log: raw.log === undefined ? 'lanes' : parseLogMode(raw.log),
  };
}
