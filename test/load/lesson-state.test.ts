// What lessons keep per visitor, in bytes, under the worst bodies a visitor may send: lesson 3 keeps the text
// it shows of a body, not its parsed objects, and all per-visitor state stays under its stated ceiling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLogBytes } from '../../src/lessons/payload/comments.js';
import { allVisitorsMaxBytes, maxVisitors } from '../../src/lessons/shared/per-visitor.js';
import { lessons } from '../../src/lessons/index.js';
import { perVisitorStatedBytes } from '../../src/lessons/shared/per-visitor.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { startAppProcess, type AppProcess } from './support/app-process.js';
import { inParallel } from './support/raw-socket.js';
import { mb, reportFigures } from './support/stream-load.js';

const visitorCount = 300;
let app: AppProcess;
let visitors: Visitor[];
beforeAll(async () => {
  // The inspector keeps what these requests carry too: a small store, so what grows is the lesson's.
  app = await startAppProcess({ inspectorLimits: { maxBytes: 256 * 1024 } });
  visitors = await inParallel(Array.from({ length: visitorCount }, (_, i) => i), () => newVisitor(app.url, '/lessons/payload'));
}, 120_000);
afterAll(() => app?.stop());

/** The largest body each lane takes (16 KB), made of what costs most once parsed: many empty objects or values. */
const jsonBody = (() => {
  const head = '{"thread":3,"author":{"name":"Ana"},"comment":{"text":"Hi","tags":[]},"x":[';
  return `${head}${Array.from({ length: Math.floor((16 * 1024 - head.length - 3) / 3) }, () => '{}').join(',')}]}`;
})();
const formBody = `thread=3&name=Bo&text=Hi${'&x='.repeat(Math.floor((16 * 1024 - 30) / 3))}`;

describe(`lesson 3, ${visitorCount} visitors each posting 16 KB bodies on both lanes`, () => {
  it(`keeps at most ${maxLogBytes} bytes a visitor (its stated bound), not the parsed bodies`, async () => {
    expect(jsonBody.length).toBeLessThanOrEqual(16 * 1024);
    const before = await app.memory();
    const answers = await inParallel(visitors, async (visitor) => {
      const json = await visitor.fetch('/api/payload/comments', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: jsonBody });
      const form = await visitor.fetch('/payload/comments', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' }, body: formBody });
      await Promise.all([json.arrayBuffer(), form.arrayBuffer()]);
      return [json.status, form.status];
    });
    expect(new Set(answers.flat())).toEqual(new Set([201]));
    const after = await app.memory();
    const perVisitor = (after.heapUsed - before.heapUsed) / visitorCount;
    reportFigures(`lesson 3, ${visitorCount} visitors x 2 bodies of 16 KB`, {
      heapGrowthMB: mb(after.heapUsed - before.heapUsed),
      perVisitorKB: Math.round(perVisitor / 102.4) / 10,
      statedPerVisitorKB: Math.round(maxLogBytes / 102.4) / 10,
      rssMB: mb(after.rss),
    });
    expect(perVisitor).toBeLessThanOrEqual(maxLogBytes);
  }, 120_000);
});

describe('all per-visitor state', () => {
  it(`has a stated ceiling (${mb(allVisitorsMaxBytes)} MB) that the lessons' own bounds fit under`, () => {
    expect(lessons.length).toBeGreaterThan(0); // every lesson's stores are made
    const stated = perVisitorStatedBytes();
    reportFigures('per-visitor state', { statedMB: mb(stated), ceilingMB: mb(allVisitorsMaxBytes), maxVisitors });
    expect(stated).toBeGreaterThanOrEqual(maxLogBytes * maxVisitors);
    expect(stated).toBeLessThanOrEqual(allVisitorsMaxBytes);
  });
});
