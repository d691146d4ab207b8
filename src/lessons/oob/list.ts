// Lesson 6's state: per visitor and per lane, a shopping list of at most 20 items, kept in memory.
import type { Context } from 'koa';
import type { LaneId } from '../../kit/types.js';
import { isObject } from '../shared/bodies.js';
import { perVisitor } from '../shared/per-visitor.js';
import type { Problem } from './words.js';

export const maxItems = 20;
export const maxLength = 60;


export interface Item {
  id: number;
  text: string;
}

const lists = perVisitor(() => ({ json: [] as Item[], htmx: [] as Item[], nextId: 1 }));

export function itemsOf(ctx: Context, lane: LaneId): Item[] {
  return lists.of(ctx)[lane];
}

export type Added = { item: Item; count: number } | { status: 400 | 422; problem: Problem };

/**
 * Adds the `text` of a request body to the lane's list. The text must be a string (else 400); whitespace and
 * control characters fold to single spaces; then it must be 1 to 60 characters, and the list not full (else 422).
 */
export function addItem(ctx: Context, lane: LaneId, body: unknown): Added {
  const raw = isObject(body) ? body.text : undefined;
  if (typeof raw !== 'string') return { status: 400, problem: 'notText' };
  const text = raw.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (!text) return { status: 422, problem: 'emptyItem' };
  if ([...text].length > maxLength) return { status: 422, problem: 'tooLong' };
  const state = lists.of(ctx);
  if (state[lane].length >= maxItems) return { status: 422, problem: 'listFull' };
  const item = { id: state.nextId++, text };
  state[lane].push(item);
  return { item, count: state[lane].length };
}

/** Removes an item by its id as the URL spells it; false when there is no such item. */
export function removeItem(ctx: Context, lane: LaneId, id: string): boolean {
  const items = lists.of(ctx)[lane];
  const index = items.findIndex((item) => String(item.id) === id);
  if (index < 0) return false;
  items.splice(index, 1);
  return true;
}

export const resetLists = (): void => lists.reset();
export const forgetList = (visitorId: string): void => lists.forget(visitorId);
