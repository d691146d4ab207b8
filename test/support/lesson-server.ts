// What a lesson's own test (src/lessons/<id>/<id>.test.ts) runs against. The scaffold's starter project has a
// file at this same path with the same interface, so one lesson test serves both this repo and the starter.
import { newVisitor, startServer, type Visitor } from './server.js';

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
