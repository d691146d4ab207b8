// Which host names the server answers to (against DNS rebinding), and which origins may change its state.
import type { Context, Middleware } from 'koa';

/**
 * Host names the server answers to: a name, an IP address, or `.example.com` for that domain and every name
 * under it (vite's server.allowedHosts); `true` answers to any name, which turns the rebinding check off.
 */
export type AllowedHosts = true | readonly string[];

/** What every server answers to: this machine by its loopback names (`.localhost` names resolve here too). */
export const loopbackHosts: readonly string[] = ['localhost', '.localhost', '127.0.0.1', '::1'];

export interface HostCheckOptions {
  allowed?: AllowedHosts;
  /** The sentence on the 403 page that says how to let `host` in (for serve: the --allowed-hosts flag). */
  howToAllow?: (host: string) => string;
}

/** A host name or IP address as a Host header may carry one (without the port); nothing a shell or page reads specially. */
const hostNamePattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?)+$|^[0-9a-f:.]+$/i;

export function isHostName(value: string): boolean {
  return value.length <= 253 && hostNamePattern.test(value);
}

/** `host` (no port, any case, maybe a trailing dot) is one of `allowed`. */
export function isAllowedHost(host: string, allowed: AllowedHosts): boolean {
  if (allowed === true) return true;
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!name) return false;
  return allowed.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted.startsWith('.') ? name === wanted.slice(1) || name.endsWith(wanted) : name === wanted;
  });
}

/**
 * Refuses a request whose Host is not one the server announced (a page on another site that rebinds its name to
 * this address would otherwise be "same origin" with it), and a state-changing request sent from another origin.
 */
export function checkHosts({ allowed = loopbackHosts, howToAllow = (host) => `To reach it by this name, start the server with --allowed-hosts ${host}` }: HostCheckOptions = {}): Middleware {
  return (ctx, next) => {
    const host = hostnameOf(ctx);
    if (!isAllowedHost(host, allowed)) {
      const named = isHostName(host) ? `"${host}"` : 'the name in this request';
      ctx.throw(403, `This server does not answer to ${named}. ${isHostName(host) ? `${howToAllow(host)}.` : ''}`.trim());
    }
    if (!safeMethods.has(ctx.method) && !isSameOrigin(ctx)) {
      ctx.throw(403, 'A request from another site may not change anything here. Use the page this server sent.');
    }
    return next();
  };
}

/** Host headers come from anyone: past this many names remembered, the memo starts over; no name is longer than 253. */
const maxRememberedHosts = 100;
const maxRememberedHostChars = 260;
const hostnames = new Map<string, string>();

/**
 * The request's host name without its port, and an IPv6 address without the brackets Koa leaves on it. Worked out
 * once per Host header (every request asks twice: the host check, and which headers apply); a name a proxy or
 * HTTP/2 gives is worked out each time.
 */
function hostnameOf(ctx: Context): string {
  const header = ctx.req.headers.host;
  if (header === undefined || header.length > maxRememberedHostChars || ctx.app.proxy || ctx.req.httpVersionMajor >= 2) {
    return unbracketed(ctx.hostname);
  }
  let name = hostnames.get(header);
  if (name === undefined) {
    name = unbracketed(ctx.hostname);
    if (hostnames.size >= maxRememberedHosts) hostnames.clear();
    hostnames.set(header, name);
  }
  return name;
}

const unbracketed = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** No Origin header (curl, an older browser's form) passes: the CSRF token still guards those. `null` is another origin. */
function isSameOrigin(ctx: Context): boolean {
  const origin = ctx.get('Origin');
  if (!origin) return true;
  try {
    return new URL(origin).origin === new URL(`${ctx.protocol}://${ctx.host}`).origin;
  } catch {
    return false;
  }
}

/**
 * Where a browser treats a plain-HTTP page as secure (https, or this machine by a loopback name): the only places
 * some headers, such as Cross-Origin-Opener-Policy, apply at all. Elsewhere Chromium logs an error for them.
 */
export function isTrustworthyOrigin(ctx: Context): boolean {
  if (ctx.protocol === 'https') return true;
  const host = hostnameOf(ctx).toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * This server's origin as the request named it, for a line to copy (a curl command): its host only if that is a
 * valid host name, else localhost and the port the request came in on.
 */
export function requestOrigin(ctx: Context): string {
  const [, bracketed, name, port] = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(:\d{1,5})?$/i.exec(ctx.host) ?? [];
  if (bracketed && isHostName(bracketed)) return `${ctx.protocol}://[${bracketed}]${port ?? ''}`;
  if (name && isHostName(name)) return `${ctx.protocol}://${name}${port ?? ''}`;
  return `${ctx.protocol}://localhost:${ctx.req.socket.localPort}`;
}
