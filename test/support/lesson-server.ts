// What a lesson's own test (src/lessons/<id>/<id>.test.ts) runs against. The scaffold's starter project has a
// file at this same path with the same interface, so one lesson test serves both this repo and the starter.
import { newVisitor, startServer, type Visitor } from './server.js';
import { useLessonVisitor, useServer } from './suite.js';

export type { Visitor };

export interface LessonServer {
  url: string;
  /** A new visitor (cookie and CSRF token) who has loaded `path`, the lesson's page by default. */
  visitor(path?: string): Promise<Visitor>;
  close(): Promise<void>;
}

export async function startLessonServer(lessonId: string): Promise<LessonServer> {
  const server = await startServer();
  return {
    url: server.url,
    visitor: (path = `/lessons/${lessonId}`) => newVisitor(server.url, path),
    close: () => server.close(),
  };
}

/**
 * A lesson test's setup: the app from the file's first test to its last, and before each test a new visitor on
 * the lesson's page with the lesson reset. Both objects are the live ones whenever a test runs.
 */
export function useLessonServer(lessonId: string): { server: LessonServer; visitor: Visitor } {
  const app = useServer();
  const server: LessonServer = {
    get url() { return app.url; },
    visitor: (path = `/lessons/${lessonId}`) => newVisitor(app.url, path),
    close: () => app.close(),
  };
  return { server, visitor: useLessonVisitor(app, lessonId) };
}
