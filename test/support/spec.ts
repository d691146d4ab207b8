// What the lesson spec tests share: a lesson's spec, a report's failures as lines, a run against a node:http fixture.
import type { Server } from 'node:http';
import { expect } from 'vitest';
import type { Lang } from '../../src/kit/i18n.js';
import { type CheckResult, type LessonSpec, runSpec, type SpecReport } from '../../src/kit/spec/index.js';
import { lessons } from '../../src/lessons/index.js';
import { close, listen } from '../fixtures/node-http/support.js';

/** The spec a lesson registers, as `htmx-demo verify --lesson <id>` loads it. */
export async function specOf(id: string): Promise<LessonSpec | undefined> {
  return (await lessons.find((lesson) => lesson.id === id)?.spec?.())?.default;
}

/** The checks that did not pass, each as "id: what was seen". */
export function failedChecks(report: SpecReport): string[] {
  return report.checks.filter((check) => check.status !== 'pass').map((check) => `${check.id}: ${check.detail ?? check.status}`);
}

/** Runs `spec` against `server` on a free loopback port, and closes the server after. */
export async function reportFrom(server: Server, spec: LessonSpec, lang: Lang = 'en'): Promise<SpecReport> {
  try {
    return await runSpec(spec, await listen(server), lang);
  } finally {
    await close(server);
  }
}

/** The one check that did not pass (the test fails when others did not either). */
export function onlyFailure(report: SpecReport): CheckResult {
  const failing = report.checks.filter((check) => check.status !== 'pass');
  expect(failing.map((check) => check.id)).toHaveLength(1);
  return failing[0]!;
}
