// Lesson 4's one set of sign-up rules, used by both lanes, and the names already taken on each lane.
import type { Context } from 'koa';
import type { LaneId } from '../../kit/types.js';
import { perVisitor } from '../shared/per-visitor.js';
import { isMixedScript, nameKey } from './names.js';
import { wordsFor } from '../shared/words.js';
import { words } from './words.js';

/** The form's fields, in the order the page shows them (and focus goes to the first bad one). */
export const fields = [
  { name: 'name', type: 'text', autocomplete: 'username' },
  { name: 'email', type: 'email', autocomplete: 'email' },
  { name: 'password', type: 'password', autocomplete: 'new-password' },
] as const;

export type FieldName = (typeof fields)[number]['name'];
/** One message per bad field, in the visitor's language. */
export type SignupErrors = Partial<Record<FieldName, string>>;
/** What may be shown back to the visitor: never the password. */
export interface SignupValues {
  name: string;
  email: string;
}

const nameLength = { min: 2, max: 20 };
const namePattern = /^[\p{L}\p{N}._-]+$/u;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const maxEmail = 254;
const passwordLength = { min: 8, max: 72 };

/**
 * Names nobody may take, and the names each lane has signed up, shared by everyone, each with the visitor who took
 * it, so a visitor's reset frees only their own names (bounded: the oldest is forgotten).
 */
const reserved = ['admin', 'root', 'htmx', 'support'].map(nameKey);
const maxNames = 1000;
const taken: Record<LaneId, Map<string, string>> = { json: new Map(), htmx: new Map() };

export function checkSignup(ctx: Context, lane: LaneId, body: Record<string, unknown>): { values: SignupValues; errors: SignupErrors } {
  const say = wordsFor(ctx, words);
  const rules: Record<FieldName, (value: string) => string | undefined> = {
    name(name) {
      if (!name) return say.nameMissing;
      if (name.length < nameLength.min || name.length > nameLength.max) return fill(say.nameLength, nameLength);
      if (!namePattern.test(name)) return say.nameChars;
      if (isMixedScript(name)) return say.nameMixed;
      if (reserved.includes(nameKey(name))) return say.nameReserved;
      return taken[lane].has(nameKey(name)) ? say.nameTaken : undefined;
    },
    email(email) {
      if (!email) return say.emailMissing;
      return email.length > maxEmail || !emailPattern.test(email) ? say.emailShape : undefined;
    },
    password(password) {
      if (password.length < passwordLength.min) return fill(say.passwordShort, passwordLength);
      return password.length > passwordLength.max ? fill(say.passwordLong, passwordLength) : undefined;
    },
  };
  const errors: SignupErrors = {};
  const text: Record<FieldName, string> = { name: '', email: '', password: '' };
  for (const { name: field } of fields) {
    const value = body[field] ?? '';
    // A number in JSON, or a field sent twice in a form (which the parser makes an array), is not a value.
    if (typeof value !== 'string') {
      errors[field] = say.notText;
      continue;
    }
    text[field] = field === 'password' ? value : value.trim();
    const problem = rules[field](text[field]);
    if (problem) errors[field] = problem;
  }
  return { values: { name: text.name, email: text.email }, errors };
}

export function hasErrors(errors: SignupErrors): boolean {
  return Object.keys(errors).length > 0;
}

export function signUp(ctx: Context, lane: LaneId, name: string): void {
  const names = taken[lane];
  if (names.size >= maxNames) names.delete(names.keys().next().value!);
  names.set(nameKey(name), String(ctx.state.visitorId));
}

/** What the form views draw: the fields, what was typed (never the password), the errors, a welcome. */
export function signupLocals({ values = { name: '', email: '' }, errors = {}, welcome = '' }: {
  values?: SignupValues;
  errors?: SignupErrors;
  welcome?: string;
} = {}): object {
  const firstError = fields.find((field) => errors[field.name])?.name;
  return { fields, signup: { values, errors, welcome, firstError } };
}

/** With JavaScript off, the welcome shows on the page the browser is sent to next: kept per visitor until then. */
const welcomes = perVisitor(() => ({ name: '' }));

export function welcomeOnNextPage(ctx: Context, name: string): void {
  welcomes.of(ctx).name = name;
}

export function takeWelcome(ctx: Context): string {
  const welcome = welcomes.of(ctx);
  const { name } = welcome;
  welcome.name = '';
  return name;
}

/** Everyone's names: from the instructor's console, or by the solo user. */
export function resetSignups(): void {
  taken.json.clear();
  taken.htmx.clear();
  welcomes.reset();
}

/** One visitor's reset: the names they signed up are free again; everyone else's stay taken. */
export function resetVisitorSignups(visitorId: string): void {
  for (const names of Object.values(taken)) {
    for (const [name, owner] of names) if (owner === visitorId) names.delete(name);
  }
  welcomes.forget(visitorId);
}

function fill(message: string, numbers: { min: number; max: number }): string {
  return message.replace('{min}', String(numbers.min)).replace('{max}', String(numbers.max));
}
