// The hooks test files share: the app for the file, a fresh visitor of a lesson per test, the app's error log.
// Each registers its hooks where it is called (the file, or the describe block around it) and returns an object
// that is the live one whenever a test or a later hook runs.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { AppOptions } from '../../src/app.js';
import { newVisitor, startServer, type TestServer, type Visitor } from './server.js';

/** The app on a free port from before the first test to after the last. */
export function useServer(options: AppOptions = {}): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    Object.assign(server, await startServer(options));
  });
  // A server that never started (the start failed, and says why) has nothing to close.
  afterAll(() => server.close?.());
  return server;
}

/**
 * Before each test, a new visitor who has loaded `/lessons/<lessonId>` and pressed its Reset button (which must
 * answer 303): every test starts from the lesson's first state, with a cookie and inspector of its own.
 */
export function useLessonVisitor(server: TestServer, lessonId: string): Visitor {
  const visitor = {} as Visitor;
  beforeEach(async () => {
    Object.assign(visitor, await newVisitor(server.url, `/lessons/${lessonId}`));
    const reset = await visitor.fetch(`/lessons/${lessonId}/reset`, { method: 'POST', redirect: 'manual' });
    expect(reset.status, `POST /lessons/${lessonId}/reset`).toBe(303);
  });
  return visitor;
}

/** Every error the app reported (a request that reached the 5xx path) since the current test began. */
export function useAppErrors(server: TestServer): unknown[] {
  const errors: unknown[] = [];
  beforeAll(() => {
    server.demo.app.on('error', (error: unknown) => errors.push(error));
  });
  beforeEach(() => {
    errors.length = 0;
  });
  return errors;
}
