// A spec's browser: cookies kept between requests, and the CSRF token found the way a page's own code would find it.
import { type Html, hxAttr, parseHtml } from './html.js';

export interface Answer {
  status: number;
  /** The media type, without parameters: text/html, application/json. */
  type: string;
  headers: Headers;
  text: string;
  html(): Html;
  json(): unknown;
}

/** Where the token came from, and how it goes back: in a header, or in a form field. */
export interface Csrf {
  source: 'meta' | 'hx-headers' | 'field' | 'cookie';
  /** Says where it was found, for the report: `<meta name="csrf-token">`, say. */
  found: string;
  header?: string;
  field?: string;
  token: string;
}

export interface SendOptions {
  /** Sent form-encoded (`form`: a list is sent as the same name repeated, as checked boxes are) or as JSON (`json`). */
  form?: Record<string, string | string[]>;
  json?: unknown;
  /** Adds the htmx request headers, as htmx 4 would send them. */
  htmx?: { target?: string; source?: string };
  /** Leaves the CSRF token out (to see that the server refuses it). */
  noCsrf?: boolean;
  headers?: Record<string, string>;
}

/** Requests give up after this long: a spec must never hang on a server that does not answer. */
const timeoutMs = 10_000;

export class SpecBrowser {
  readonly cookies = new Map<string, string>();
  csrf: Csrf | undefined;

  constructor(readonly base: URL) {}

  url(path: string): string {
    return new URL(path, this.base).href;
  }

  async get(path: string): Promise<Answer> {
    return this.request('GET', path, { headers: { Accept: 'text/html' } });
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    const form = options.form ? { ...options.form } : undefined;
    // A GET changes nothing and carries no body: the token goes with state-changing requests only.
    if (this.csrf && !options.noCsrf && method !== 'GET' && method !== 'HEAD') {
      if (this.csrf.header) headers[this.csrf.header] = this.csrf.token;
      else if (form) form[this.csrf.field!] = this.csrf.token;
      else if (options.json === undefined) return this.send(method, path, { ...options, form: {} });
    }
    if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(Object.entries(form).flatMap(([name, value]) => [value].flat().map((one) => [name, one]))).toString();
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers.Accept ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    if (options.htmx) {
      Object.assign(headers, { 'HX-Request': 'true', 'HX-Current-URL': this.base.href, 'HX-Request-Type': 'partial' });
      if (options.htmx.target) headers['HX-Target'] = options.htmx.target;
      if (options.htmx.source) headers['HX-Source'] = options.htmx.source;
    }
    return this.request(method, path, { headers, body });
  }

  private async request(method: string, path: string, { headers, body }: { headers: Record<string, string>; body?: string }): Promise<Answer> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(this.url(path), {
      method,
      body,
      redirect: 'manual',
      headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}), Origin: this.base.origin, Referer: this.base.href },
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    let html: Html | undefined;
    return {
      status: res.status,
      type: (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      headers: res.headers,
      text,
      html: () => (html ??= parseHtml(text)),
      json: () => JSON.parse(text) as unknown,
    };
  }

  /** Finds the token a page offers, in the order its own code would look: htmx's headers, a meta tag, a form field, a cookie. */
  findCsrf(page: Html): Csrf | undefined {
    return (this.csrf = findCsrf(page, this.cookies));
  }
}

const tokenName = /csrf|xsrf/i;
const fieldNames = ['_csrf', 'csrfmiddlewaretoken', '_token', 'authenticity_token', 'csrf_token'];

export function findCsrf(page: Html, cookies: Map<string, string>): Csrf | undefined {
  for (const el of page.elements) {
    const raw = hxAttr(el, 'hx-headers');
    if (!raw) continue;
    try {
      const entries = Object.entries(JSON.parse(raw) as Record<string, unknown>);
      const [header, token] = entries.find(([name, value]) => tokenName.test(name) && typeof value === 'string') ?? [];
      if (header) return { source: 'hx-headers', found: `hx-headers on <${el.tag}> (${header})`, header, token: String(token) };
    } catch {
      // not JSON (htmx 4 also allows js: expressions): not a token we can read
    }
  }
  const meta = page.elements.find((el) => el.tag === 'meta' && tokenName.test(el.attrs.name ?? '') && el.attrs.content);
  if (meta) return { source: 'meta', found: `<meta name="${meta.attrs.name}">`, header: 'X-CSRF-Token', token: meta.attrs.content! };
  const input = page.elements.find((el) => el.tag === 'input' && fieldNames.includes(el.attrs.name ?? '') && el.attrs.value);
  if (input) return { source: 'field', found: `a hidden "${input.attrs.name}" field`, field: input.attrs.name!, token: input.attrs.value! };
  const django = cookies.get('csrftoken');
  if (django) return { source: 'cookie', found: 'the csrftoken cookie (sent back as X-CSRFToken)', header: 'X-CSRFToken', token: decodeURIComponent(django) };
  const angular = cookies.get('XSRF-TOKEN');
  if (angular) return { source: 'cookie', found: 'the XSRF-TOKEN cookie (sent back as X-XSRF-TOKEN)', header: 'X-XSRF-TOKEN', token: decodeURIComponent(angular) };
  return undefined;
}
