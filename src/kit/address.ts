// Where a server listens: the port and host as a user gives them, checked, the URLs a start-up banner shows (the Local
// one to open here, and Network ones for learners on the same LAN), and the host names it answers to.
import { hostname, networkInterfaces } from 'node:os';
import { type AllowedHosts, isHostName, loopbackHosts as loopbackNames } from './hosts.js';

export const defaultPort = 3000;
export const defaultHost = '127.0.0.1';

/** A port or host that cannot be used: its message is one line that says what to type instead. */
export class AddressError extends Error {
  override name = 'AddressError';
}

/** A TCP port: a whole number from 0 (any free port) to 65535. `from` names where it came from (a variable, say). */
export function parsePort(value: string, from = ''): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new AddressError(`invalid port "${value}"${from}: use a number from 0 to 65535`);
  }
  return port;
}

export function parseHost(value: string): string {
  // An empty host would make Node listen on every interface: exposing the server must be asked for by name.
  if (value.trim() === '') throw new AddressError('invalid host "": use an address such as 127.0.0.1 or 0.0.0.0');
  return value.trim();
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);
const wildcardHosts = new Set(['0.0.0.0', '::']);

export function isWildcardHost(host: string): boolean {
  return wildcardHosts.has(host);
}

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || host.startsWith('127.');
}

/** localhost for loopback and every-interface hosts; otherwise the host as given. */
export function localUrl(host: string, port: number): string {
  const shown = host === '127.0.0.1' || host === 'localhost' || isWildcardHost(host) ? 'localhost' : host;
  return httpUrl(shown, port);
}

/** Every non-internal IPv4 address when listening on all interfaces; undefined for one given host. */
export function networkUrls(host: string, port: number): string[] | undefined {
  if (!isWildcardHost(host)) return undefined;
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => httpUrl(address.address, port));
}

/**
 * The address learners use: the first Network URL, or the host itself when one LAN address was given;
 * undefined on loopback, where nobody else can join.
 */
export function joinUrl(host: string, port: number): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return isWildcardHost(host) ? networkUrls(host, port)?.[0] : localUrl(host, port);
}

function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/**
 * The host names the server answers to: this machine's loopback names; with --host, also the given host, every
 * address of this machine (what the Network URLs show, and any address a learner may type) and its own name (as
 * `name` and `name.local`); and --allowed-hosts.
 */
export function allowedHostsFor(host: string, extra: AllowedHosts): AllowedHosts {
  if (extra === true) return true;
  const machine = hostname().toLowerCase();
  const exposed = isLoopbackHost(host) ? [] : [
    ...(isWildcardHost(host) ? [] : [host]),
    ...Object.values(networkInterfaces()).flatMap((addresses) => addresses ?? []).map((address) => address.address),
    ...(isHostName(machine) ? [machine, machine.endsWith('.local') ? machine : `${machine}.local`] : []),
  ];
  return [...new Set([...loopbackNames, ...(isLoopbackHost(host) ? [host] : []), ...exposed, ...extra])];
}
