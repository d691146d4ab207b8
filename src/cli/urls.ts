// The URLs the banner shows: the Local one to open here, and Network ones for learners on the same LAN.
import { networkInterfaces } from 'node:os';

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
