// Who the instructor is: whoever opened /present?key=<the key printed in the terminal>, remembered by a cookie.
// With no key (solo mode: loopback, one user), that one user is the instructor.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';

const instructorCookie = 'hxd_instructor';
const twelveHoursMs = 12 * 3600 * 1000;

export interface InstructorAccess {
  /** Sets ctx.state.instructor (may use the console, reset shared state, lead) and ctx.state.solo. */
  identify: Middleware;
  /** /present?key=…: a right key sets the cookie; the answer says whether it did. */
  admit(ctx: Context): boolean;
}

/** Hashing both sides first gives equal lengths, so the comparison takes the same time whatever was sent. */
function sameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

export function instructorAccess(key: string | undefined): InstructorAccess {
  // The cookie carries a value derived from the key, never the key itself.
  const pass = key === undefined ? '' : createHmac('sha256', key).update('instructor').digest('base64url');
  return {
    identify: (ctx, next) => {
      const cookie = key === undefined ? undefined : ctx.cookies.get(instructorCookie);
      ctx.state.solo = key === undefined;
      ctx.state.instructor = key === undefined || (cookie !== undefined && sameSecret(cookie, pass));
      return next();
    },
    admit(ctx) {
      const sent = ctx.query.key;
      if (key === undefined || typeof sent !== 'string' || !sameSecret(sent, key)) return false;
      // Strict: no other site can make the instructor's browser lead the room or flip its switches.
      ctx.cookies.set(instructorCookie, pass, { httpOnly: true, sameSite: 'strict', maxAge: twelveHoursMs });
      ctx.state.instructor = true;
      return true;
    },
  };
}
