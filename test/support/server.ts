// Starts the real app on a free loopback port for a test, and gives it a visitor with a session.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type Koa from 'koa';
import { createApp, type AppOptions, type DemoApp } from '../../src/app.js';

export interface TestServer {
  url: string;
  demo: DemoApp;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: AppOptions = {}): Promise<TestServer> {
  const demo = createApp(options);
  const { url, server, close } = await listen(demo.app);
  return {
    url,
    demo,
    server,
    async close() {
      demo.close();
      await close();
    },
  };
}

/** Any Koa app (a middleware on its own, say) on a free loopback port. */
export async function listen(app: Koa): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Visitor {
  cookie: string;
  csrfToken: string;
  /** fetch with this visitor's cookie (and CSRF header unless told otherwise). */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
}

/** Loads a page as a browser would, keeping the visitor cookie and the page's CSRF token. */
export async function newVisitor(baseUrl: string, path = '/'): Promise<Visitor> {
  const page = await fetch(baseUrl + path);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const html = await page.text();
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(html)?.[1];
  if (!csrfToken) throw new Error('page has no CSRF token');
  return {
    cookie,
    csrfToken,
    fetch(path, { csrf = true, headers, ...init } = {}) {
      const all = new Headers(headers);
      all.set('Cookie', cookie);
      if (csrf) all.set('X-CSRF-Token', csrfToken);
      return fetch(baseUrl + path, { ...init, headers: all });
    },
  };
}
