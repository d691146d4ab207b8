// Lesson 2's state: a like total per lane shared by everyone, and per visitor whether they are signed in and
// which lanes they like. In memory: a restart starts from 0.
import type { Context } from 'koa';
import type { LaneId } from '../../kit/types.js';
import { perVisitor } from '../shared/per-visitor.js';


export const totals = { json: 0, htmx: 0 };

export const visitors = perVisitor(() => ({ signedIn: true, liked: { json: false, htmx: false } }));

/** This visitor's like on one lane, and the lane's total. */
export function likeState(ctx: Context, lane: LaneId) {
  return { liked: visitors.of(ctx).liked[lane], likes: totals[lane] };
}

/** Likes or unlikes for this visitor; asking for what is already so changes nothing. */
export function setLiked(ctx: Context, lane: LaneId, liked: boolean) {
  const visitor = visitors.of(ctx);
  if (visitor.liked[lane] !== liked) {
    visitor.liked[lane] = liked;
    totals[lane] += liked ? 1 : -1;
  }
  return likeState(ctx, lane);
}

/** Everyone's likes and the totals they make: from the instructor's console, or by the solo user. */
export function resetToggle(): void {
  totals.json = 0;
  totals.htmx = 0;
  visitors.reset();
}

/** One visitor's reset: their likes leave the totals, everyone else's stay. */
export function resetVisitorToggle(visitorId: string): void {
  const visitor = visitors.peek(visitorId);
  if (!visitor) return;
  for (const lane of ['json', 'htmx'] as const) if (visitor.liked[lane]) totals[lane] -= 1;
  visitors.forget(visitorId);
}
