// The request log for a room: --log lanes|all|none, and a learner tag on each line.
import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/app.js';
import { formatRequestLine, shouldLog } from '../../src/cli/log.js';
import { resolveServeOptions } from '../../src/cli/options.js';
import { learnerTag } from '../../src/kit/visitor.js';

const visitorA = 'AAAAAAAAAAAAAAAAAAAAAA';
const visitorB = 'BBBBBBBBBBBBBBBBBBBBBB';
const record = (url: string, extra: Partial<RequestRecord> = {}): RequestRecord => ({
  method: 'GET', url, status: 200, bytes: 100, ms: 1, aborted: false, learner: learnerTag(visitorA), ...extra,
});

describe('learnerTag', () => {
  it('is four hex characters, the same for a visitor every time, told apart from another, and no part of the id', () => {
    expect(learnerTag(visitorA)).toMatch(/^[0-9a-f]{4}$/);
    expect(learnerTag(visitorA)).toBe(learnerTag(visitorA));
    expect(learnerTag(visitorA)).not.toBe(learnerTag(visitorB));
    expect(visitorA.toLowerCase()).not.toContain(learnerTag(visitorA));
  });
});

describe('formatRequestLine', () => {
  it("starts with the learner's tag", () => {
    const line = formatRequestLine(record('/like/', { method: 'POST', lane: 'htmx', bytes: 212, ms: 3.4 }));
    expect(plain(line)).toBe(`${learnerTag(visitorA)}  POST /like/  200  212 B  3 ms  htmx`);
  });
});

describe('the instructor key', () => {
  it('never shows in a log line (the terminal may be projected)', () => {
    const line = plain(formatRequestLine(record('/present?key=abcdefghijklmnopqrstuv&lesson=like')));
    expect(line).not.toContain('abcdefghijklmnopqrstuv');
    expect(line).toContain('GET /present?key=…&lesson=like  200');
  });
});

describe('shouldLog', () => {
  const lane = record('/like/', { method: 'POST', lane: 'htmx' });
  const page = record('/lessons/toggle');
  const reset = record('/lessons/like/reset', { method: 'POST', status: 303 });
  const download = record('/download/htmx-demo-0.1.0.tgz');
  // Static files are served before the visitor is known; the tool's own streams and polls live under /_.
  const file = record('/static/app.css', { learner: undefined });
  const vendor = record('/vendor/htmx/4.0.1/htmx.min.js', { learner: undefined });
  const stream = record('/_inspector/stream');
  const poll = record('/_join/learners');

  it('lanes (the default): lesson pages, lane requests, resets and downloads; no files, no background traffic', () => {
    for (const shown of [lane, page, reset, download]) expect(shouldLog(shown, 'lanes'), shown.url).toBe(true);
    for (const hidden of [file, vendor, stream, poll]) expect(shouldLog(hidden, 'lanes'), hidden.url).toBe(false);
  });

  it('all shows everything, none nothing', () => {
    for (const any of [lane, page, file, vendor, stream, poll]) {
      expect(shouldLog(any, 'all')).toBe(true);
      expect(shouldLog(any, 'none')).toBe(false);
    }
  });
});

describe('serve options', () => {
  const raw = { host: '127.0.0.1', lang: 'en' };
  it('--log defaults to lanes and refuses an unknown mode in one line', () => {
    expect(resolveServeOptions(raw, {}, false).log).toBe('lanes');
    expect(resolveServeOptions({ ...raw, log: 'none' }, {}, false).log).toBe('none');
    expect(() => resolveServeOptions({ ...raw, log: 'some' }, {}, false)).toThrow('invalid log "some": use lanes, all, none');
  });

  it('--fresh is off unless asked for', () => {
    expect(resolveServeOptions(raw, {}, false).fresh).toBe(false);
    expect(resolveServeOptions({ ...raw, fresh: true }, {}, false).fresh).toBe(true);
  });
});
