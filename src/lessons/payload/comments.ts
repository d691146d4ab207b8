// Lesson 3's one set of rules for a comment, used by both lanes, and each visitor's latest comments per lane.
import type { Context } from 'koa';
import type { LaneId } from '../../kit/types.js';
import { firstChars } from '../../kit/text.js';
import { perVisitor } from '../shared/per-visitor.js';
import { wordsFor } from '../shared/words.js';
import { type Words, words } from './words.js';

export const thread = 3;
export const knownTags = ['question', 'idea', 'bug', 'praise'];
export const maxName = 40;
export const maxText = 280;
const shownComments = 5;
/** What the page shows of a body received, at most; a longer one is counted, not kept. */
export const shownReceivedChars = 2000;

/** What the views need to draw the form: the same numbers the server checks against. */
export const rules = { thread, knownTags, maxName, maxText };

export interface Comment {
  name: string;
  text: string;
  tags: string[];
}

/** A comment's fields as a lane took them out of its request body: anything at all, until checked. */
export interface CommentFields {
  thread: unknown;
  name: unknown;
  text: unknown;
  tags: unknown;
}

/** The comment, or a 422 saying in the visitor's language what is wrong with it. */
export function checkComment(ctx: Context, fields: CommentFields): Comment {
  const say = wordsFor(ctx, words);
  const refuse = (message: string): never => ctx.throw(422, message);
  const textOf = (field: 'name' | 'text', missing: keyof Words, tooLong: keyof Words, max: number) => {
    const value = fields[field] ?? '';
    if (typeof value !== 'string') return refuse(say.notText.replace('{field}', field));
    const trimmed = value.trim();
    if (!trimmed) return refuse(say[missing]);
    if (trimmed.length > max) return refuse(say[tooLong].replace('{max}', String(max)));
    return trimmed;
  };

  if (fields.thread !== thread) refuse(say.unknownThread.replace('{thread}', String(thread)));
  const name = textOf('name', 'nameMissing', 'nameTooLong', maxName);
  const comment = textOf('text', 'textMissing', 'textTooLong', maxText);
  const tags = fields.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return refuse(say.tagsNotList);
  const unknown = tags.find((tag) => !knownTags.includes(tag));
  // A function, not a string: a tag such as "$&" is shown as typed, not read as a replacement pattern.
  if (unknown !== undefined) refuse(say.unknownTag.replace('{tag}', () => unknown.slice(0, 40)));
  return { name, text: comment, tags: knownTags.filter((tag) => tags.includes(tag)) };
}

/**
 * What one lane last received, as the page shows it: the body the parser handed over, as JSON text. The text
 * is kept, not the parsed object: a 16 KB body of many empty objects is several hundred KB of objects.
 */
export interface LaneLog {
  type: string;
  /** Empty until a comment is posted; at most shownReceivedChars characters. */
  received: string;
  /** Characters of it not kept. */
  receivedCut: number;
  comments: Comment[];
}

/** Most a visitor's logs hold: two lanes' received text and comments (two bytes a character, and room for the objects). */
export const maxLogBytes = 2 * (2 * shownReceivedChars + shownComments * (2 * (maxName + maxText) + 400) + 200);

const logs = perVisitor(() => ({ json: emptyLog(), htmx: emptyLog() }), maxLogBytes);

function emptyLog(): LaneLog {
  return { type: '', received: '', receivedCut: 0, comments: [] };
}

export function logsOf(ctx: Context): { json: LaneLog; htmx: LaneLog } {
  return logs.of(ctx);
}

export function addComment(ctx: Context, lane: LaneId, comment: Comment): LaneLog {
  const log = logs.of(ctx)[lane];
  const received = JSON.stringify(ctx.request.body, null, 2) ?? '';
  log.type = ctx.request.type;
  log.received = firstChars(received, shownReceivedChars);
  log.receivedCut = received.length - log.received.length;
  log.comments = [comment, ...log.comments].slice(0, shownComments);
  return log;
}

export const resetComments = (): void => logs.reset();
export const forgetComments = (visitorId: string): void => logs.forget(visitorId);
