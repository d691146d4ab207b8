// A lane's request body, checked for the type it must have: a clear 415 or 400 instead of a guess.
import type { Context } from 'koa';
import { wordsFor } from './words.js';

const words = {
  en: {
    wantJson: 'Send the body as JSON (Content-Type: application/json).',
    wantObject: 'The JSON body must be an object: {"field": value, ...}.',
    wantForm: 'Send the body form-encoded (Content-Type: application/x-www-form-urlencoded).',
  },
  ko: {
    wantJson: '본문을 JSON으로 보내 주세요 (Content-Type: application/json).',
    wantObject: 'JSON 본문은 객체여야 합니다: {"필드": 값, ...}.',
    wantForm: '본문을 폼 인코딩으로 보내 주세요 (Content-Type: application/x-www-form-urlencoded).',
  },
};

export type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed JSON object of a fetch lane's request. */
export function jsonObject(ctx: Context): Fields {
  if (!ctx.is('application/json')) ctx.throw(415, wordsFor(ctx, words).wantJson);
  const body: unknown = ctx.request.body;
  if (!isObject(body)) ctx.throw(400, wordsFor(ctx, words).wantObject);
  return body;
}

/** The parsed fields of a form post (htmx's, or the browser's own with JavaScript off). */
export function formFields(ctx: Context): Fields {
  if (!ctx.is('urlencoded')) ctx.throw(415, wordsFor(ctx, words).wantForm);
  return ctx.request.body as Fields;
}
