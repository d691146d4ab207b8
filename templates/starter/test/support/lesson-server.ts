// What a lesson's test (src/lessons/<id>/<id>.test.ts) runs against: this app on a free port, and visitors
// with a cookie and a CSRF token, as a browser would have after loading the page.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createApp } from '../../src/app.js';

export interface Visitor {
  cookie: string;
  csrfToken: string;
  /** fetch with this visitor's cookie, and its CSRF header unless `csrf: false`. */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
}

export interface LessonServer {
  url: string;
  /** A new visitor who has loaded `path`, the lesson's page by default. */
  visitor(path?: string): Promise<Visitor>;
  close(): Promise<void>;
}

export async function startLessonServer(lessonId: string): Promise<LessonServer> {
  const server = createServer(createApp({ lang: 'en' }).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    visitor: (path = `/lessons/${lessonId}`) => newVisitor(url, path),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A lesson test's setup: the app from the file's first test to its last, and before each test a new visitor on
 * the lesson's page with the lesson reset (its Reset button). Both objects are the live ones whenever a test runs.
 */
export function useLessonServer(lessonId: string): { server: LessonServer; visitor: Visitor } {
  const server = {} as LessonServer;
  const visitor = {} as Visitor;
  beforeAll(async () => {
    Object.assign(server, await startLessonServer(lessonId));
  });
  afterAll(() => server.close?.());
  beforeEach(async () => {
    Object.assign(visitor, await server.visitor());
    const reset = await visitor.fetch(`/lessons/${lessonId}/reset`, { method: 'POST', redirect: 'manual' });
    expect(reset.status, `POST /lessons/${lessonId}/reset`).toBe(303);
  });
  return { server, visitor };
}

/** Loads a page, keeping the visitor cookie it sets and the CSRF token from its <meta name="csrf-token">. */
async function newVisitor(baseUrl: string, path: string): Promise<Visitor> {
  const page = await fetch(baseUrl + path);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1];
  if (!csrfToken) throw new Error(`${path} has no CSRF token`);
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
