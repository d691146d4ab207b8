// Lesson 5's verify spec over HTTP: it passes against serve and against lesson 5 written with node:http alone, and a
// server that misses one point the lesson teaches fails that check, with the hint that names it.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/kit/i18n.js';
import { runSpec } from '../../src/kit/spec/index.js';
import spec from '../../src/lessons/search/spec.js';
import { searchServer, type SearchFlaws } from '../fixtures/node-http/search.js';
import { failedChecks, onlyFailure, reportFrom, specOf } from '../support/spec.js';
import { useServer } from '../support/suite.js';

describe('against serve', () => {
  const server = useServer();

  it('lesson 5 has this spec, as `verify --lesson search` loads it', async () => {
    expect(await specOf('search')).toBe(spec);
  });

  it('every check passes, in English and in Korean, twice in a row', async () => {
    for (const lang of ['en', 'ko', 'en'] as const) {
      const report = await runSpec(spec, new URL(server.url), lang);
      expect(failedChecks(report)).toEqual([]);
      expect(report.checks.map((check) => check.id)).toEqual(['page', 'markup', 'timing', 'fragment', 'no-htmx', 'escape', 'json']);
      expect(report.checks[0]!.title).toBe(lang === 'ko' ? '레슨 페이지가 열린다' : 'the lesson page loads');
    }
  });
});

describe('against lesson 5 in node:http', () => {
  const reportWith = (flaws: SearchFlaws, lang: Lang = 'en') => reportFrom(searchServer(flaws), spec, lang);

  it('passes with no CSRF token anywhere: a search changes nothing', async () => {
    const report = await reportWith({});
    expect(failedChecks(report)).toEqual([]);
    expect(report.page).toBe('/');
    expect(report.csrf).toBeUndefined();
  });

  it('a box without hx-sync fails the timing check only, with the hx-sync hint', async () => {
    const timing = onlyFailure(await reportWith({ noSync: true }));
    expect(timing).toMatchObject({ id: 'timing', detail: 'hx-sync is missing' });
    expect(timing.hint).toContain('hx-sync="this:replace"');
  });

  it('a box that swaps outerHTML with the inside of the target fails the markup check', async () => {
    const markup = onlyFailure(await reportWith({ outerSwap: true }));
    expect(markup).toMatchObject({ id: 'markup', detail: 'hx-swap is "outerHTML"' });
  });

  it('the fragment for the address bar, and no Vary, fails the no-htmx check only', async () => {
    const noHtmx = onlyFailure(await reportWith({ fragmentToAll: true }));
    expect(noHtmx.id).toBe('no-htmx');
    expect(noHtmx.detail).toMatch(/^the address bar got 200 text\/html: <p>2 found/);
    expect(noHtmx.hint).toContain('Vary: HX-Request');
  });

  it('a query written back as it came fails the escape check, with the hint in Korean', async () => {
    const escape = onlyFailure(await reportWith({ rawQuery: true }, 'ko'));
    expect(escape.id).toBe('escape');
    expect(escape.detail).toMatch(/^the query became an element/);
    expect(escape.hint).toBe('맞는 나라가 없다고, 검색어를 글자 그대로 넣어 알려 주세요. EJS <%= %>가 이스케이프합니다 (<%- %>면 검색어가 마크업이 됩니다).');
  });

  it('JSON without where each name matched fails the json check', async () => {
    const json = onlyFailure(await reportWith({ noMatch: true }));
    expect(json.id).toBe('json');
    expect(json.hint).toContain('"match"');
  });
});
