// Lesson 3's verify spec over HTTP: it passes against serve and against lesson 3 written with node:http alone, and a
// server that misses one point the lesson teaches fails that check, with the hint that names it.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/kit/i18n.js';
import { runSpec } from '../../src/kit/spec/index.js';
import spec from '../../src/lessons/payload/spec.js';
import { payloadServer, type PayloadFlaws } from '../fixtures/node-http/payload.js';
import { failedChecks, onlyFailure, reportFrom, specOf } from '../support/spec.js';
import { useServer } from '../support/suite.js';

describe('against serve', () => {
  const server = useServer();

  it('lesson 3 has this spec, as `verify --lesson payload` loads it', async () => {
    expect(await specOf('payload')).toBe(spec);
  });

  it('every check passes, in English and in Korean, twice in a row, with the token from htmx\'s hx-headers', async () => {
    for (const lang of ['en', 'ko', 'en'] as const) {
      const report = await runSpec(spec, new URL(server.url), lang);
      expect(failedChecks(report)).toEqual([]);
      expect(report.checks.map((check) => check.id)).toEqual(['page', 'markup', 'values', 'flat', 'comment', 'escape', 'rules', 'json', 'csrf']);
      expect(report.csrf).toBe('hx-headers on <body> (X-CSRF-Token)');
    }
  });

  it('what it posts stays with its own visitor, as the lesson\'s buttons would: a new visitor sees no comments', async () => {
    const report = await runSpec(spec, new URL(server.url), 'en');
    expect(report.passed).toBe(true);
    const page = await fetch(`${server.url}/lessons/payload`);
    // A new visitor's page: what the spec posted stays with the spec's own visitor.
    expect(await page.text()).toContain('data-empty="No comments yet."></ol>');
  });
});

describe('against lesson 3 in node:http with Django-style CSRF', () => {
  const reportWith = (flaws: PayloadFlaws, lang: Lang = 'en') => reportFrom(payloadServer(flaws), spec, lang);

  it('passes, with the token from the csrftoken cookie', async () => {
    const report = await reportWith({});
    expect(failedChecks(report)).toEqual([]);
    expect(report.csrf).toBe('the csrftoken cookie (sent back as X-CSRFToken)');
  });

  it('a form that swaps innerHTML fails the markup check only', async () => {
    const check = onlyFailure(await reportWith({ innerSwap: true }));
    expect(check).toMatchObject({ id: 'markup', detail: 'hx-target is "#payload-htmx-box", hx-swap is "innerHTML"' });
    expect(check.hint).toContain('hx-swap="outerHTML"');
  });

  it('a form without hx-include fails the values check, with the hint in Korean', async () => {
    const check = onlyFailure(await reportWith({ noInclude: true }, 'ko'));
    expect(check).toMatchObject({ id: 'values', detail: 'the form has no name field and no hx-include' });
    expect(check.hint).toBe('이름 필드는 폼 밖에 있습니다. 폼에 hx-include="#payload-htmx-name"을 넣어 htmx가 함께 보내게 하세요.');
  });

  it('a server that refuses one ticked tag (a string, not a list) fails the flat check', async () => {
    const check = onlyFailure(await reportWith({ oneTagRefused: true }));
    expect(check).toMatchObject({ id: 'flat', detail: '422 text/html: <p>unknown tags</p>' });
    expect(check.hint).toMatch(/one ticked tag \(a string\)/);
  });

  it('a name written back as it came fails the escape check', async () => {
    const check = onlyFailure(await reportWith({ rawName: true }));
    expect(check).toMatchObject({ id: 'escape', detail: 'what was typed became an element in the answer' });
    expect(check.hint).toContain('<%= %>');
  });

  it('a server that takes any tag fails the rules check', async () => {
    const check = onlyFailure(await reportWith({ anyTag: true }));
    expect(check.id).toBe('rules');
    expect(check.detail).toMatch(/^a tag not on the list: 201 text\/html/);
  });

  it('a JSON lane that reads flat fields fails the json check', async () => {
    const check = onlyFailure(await reportWith({ flatJson: true }));
    expect(check.id).toBe('json');
    expect(check.detail).toMatch(/^422 application\/json/);
    expect(check.hint).toContain('body.author');
  });

  it('a server that asks for no token fails the csrf check', async () => {
    const check = onlyFailure(await reportWith({ noCsrf: true }));
    expect(check.id).toBe('csrf');
    expect(check.detail).toMatch(/^the htmx lane: 201/);
  });
});
