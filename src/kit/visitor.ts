// Who is asking: a visitor cookie (what per-visitor state is keyed by), the UI language, the CSRF token.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import { type Lang, languages, type Messages } from './i18n.js';
import type { TextSize } from './state.js';

const visitorCookie = 'hxd_visitor';
const visitorIdPattern = /^[A-Za-z0-9_-]{22}$/;
const oneYearMs = 365 * 24 * 3600 * 1000;
/** Visitor ids come from cookies, which anyone can make up: each memo keyed by one starts over past this many. */
const maxRemembered = 1000;
/** A Cookie header longer than any this app sets is read each time rather than kept. */
const maxRememberedHeaderChars = 512;

export const csrfHeader = 'X-CSRF-Token';
export const csrfField = '_csrf';

export interface VisitorOptions {
  defaultLang: Lang;
  /** The page's words in each language: what `t` is in every view. */
  words: Record<Lang, Messages>;
  /** Signs CSRF tokens. Kept across restarts, a visitor's token stays valid in open tabs; without one, a new one each start. */
  secret?: Buffer;
}

/** Sets ctx.state.visitorId, lang, t (the UI words), textSize and csrfToken. */
export function identifyVisitor({ defaultLang, words, secret = randomBytes(32) }: VisitorOptions): Middleware {
  // A visitor's token never changes, so its HMAC is worked out once, not on every request. The memo is
  // bounded (visitor ids come from cookies, which anyone can make up): when full, it starts over.
  const tokens = new Map<string, string>();
  const tokenFor = (visitorId: string) => {
    let token = tokens.get(visitorId);
    if (token === undefined) {
      token = createHmac('sha256', secret).update(visitorId).digest('base64url');
      if (tokens.size >= maxRemembered) tokens.clear();
      tokens.set(visitorId, token);
    }
    return token;
  };
  // What a Cookie header that names a visitor comes to, when no switch in the address changes it: a browser sends
  // the same header request after request, and reading it again would give the same answer. Bounded the same way.
  const known = new Map<string, Visitor>();

  return (ctx, next) => {
    const header = ctx.req.headers.cookie;
    const plain = header !== undefined && header.length <= maxRememberedHeaderChars && ctx.querystring === '';
    let visitor = plain ? known.get(header) : undefined;
    if (visitor === undefined) {
      let visitorId = ctx.cookies.get(visitorCookie);
      const named = visitorId !== undefined && visitorIdPattern.test(visitorId);
      if (!named) {
        visitorId = randomBytes(16).toString('base64url');
        ctx.cookies.set(visitorCookie, visitorId, { httpOnly: true, sameSite: 'lax', maxAge: oneYearMs });
      }
      const lang = pickChoice(ctx, 'lang', languages, defaultLang);
      visitor = { visitorId: visitorId!, lang, textSize: pickChoice(ctx, 'text', textSizes, 'normal'), csrfToken: tokenFor(visitorId!) };
      // Only a header that named its visitor: one that did not gets a new visitor each time.
      if (plain && named) {
        if (known.size >= maxRemembered) known.clear();
        known.set(header, visitor);
      }
    }
    const { state } = ctx;
    state.visitorId = visitor.visitorId;
    state.lang = visitor.lang;
    state.textSize = visitor.textSize;
    state.t = words[visitor.lang];
    state.csrfToken = visitor.csrfToken;
    return next();
  };
}

interface Visitor {
  visitorId: string;
  lang: Lang;
  textSize: TextSize;
  csrfToken: string;
}

const textSizes: readonly TextSize[] = ['normal', 'large'];

/**
 * A few characters that tell visitors apart in a log or on a projector ("the one ending 7f"). A hash of the id,
 * never part of it: the id is the visitor's cookie, and a log on a projector must not show what would let
 * someone act as that visitor.
 */
export function learnerTag(visitorId: string): string {
  return createHash('sha256').update(visitorId).digest('hex').slice(0, 4);
}

/** A page switch such as `?lang=ko` or `?text=large` applies and is remembered; else the cookie; else the default. */
function pickChoice<T extends string>(ctx: Context, name: string, choices: readonly T[], fallback: T): T {
  const isChoice = (value: unknown): value is T => choices.includes(value as T);
  const cookie = `hxd_${name}`;
  const asked = ctx.query[name];
  if (isChoice(asked)) {
    ctx.cookies.set(cookie, asked, { httpOnly: true, sameSite: 'lax', maxAge: oneYearMs });
    return asked;
  }
  const remembered = ctx.cookies.get(cookie);
  return isChoice(remembered) ? remembered : fallback;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every state-changing request carries the visitor's token, in a header (fetch, htmx) or a form field. */
export function verifyCsrf(): Middleware {
  return (ctx, next) => {
    if (!safeMethods.has(ctx.method)) {
      const body = ctx.request.body as Record<string, unknown> | undefined;
      const sent = ctx.get(csrfHeader) || (typeof body?.[csrfField] === 'string' ? body[csrfField] : '');
      if (!sameToken(String(sent), ctx.state.csrfToken)) {
        ctx.throw(403, 'Missing or invalid CSRF token. Reload the page to get a fresh one.');
      }
    }
    return next();
  };
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
