// Finding countries, for both lanes: one matching rule (case and accents do not count) and one check of `q`.
import type { Context } from 'koa';
import { countries, type Country } from './countries.js';
import type { Lang } from '../../kit/i18n.js';
import { wordsFor } from '../shared/words.js';
import { words } from './words.js';

/** Enough to read at a glance; the rest is counted ("…and 12 more"). */
export const shownMax = 20;
export const queryMaxLength = 100;

/** Where the query sits in a name: [start, end) in the name's own characters, ready for a <mark>. */
export type Range = [number, number];

export interface Found extends Country {
  /** One range per name that matched (the English name, the Korean name, or both). */
  match: Partial<Record<Lang, Range>>;
}

export interface SearchResult {
  query: string;
  /** Every match, also those past the first `shownMax`. */
  total: number;
  countries: Found[];
}

/** The visitor's `q`: one string, not too long, trimmed. No `q` at all is an empty search. */
export function readQuery(ctx: Context): string {
  const said = wordsFor(ctx, words);
  const q = ctx.query.q ?? '';
  if (typeof q !== 'string') return ctx.throw(400, said.queryRepeated); // ?q=a&q=b arrives as an array
  if (q.length > queryMaxLength) return ctx.throw(400, said.queryTooLong.replace('{n}', String(queryMaxLength)));
  return q.trim();
}

/** Countries whose English or Korean name contains `query`, names that start with it first, in `lang`'s order. */
export function searchCountries(query: string, lang: Lang): SearchResult {
  const needle = fold(query).text;
  if (!needle) return { query, total: 0, countries: [] };
  const starting: Found[] = [];
  const containing: Found[] = [];
  for (const entry of sortedEntries(lang)) {
    const match: Found['match'] = {};
    let starts = false;
    for (const name of ['en', 'ko'] as const) {
      const { text, from, to } = entry[name];
      const at = text.indexOf(needle);
      if (at < 0) continue;
      match[name] = [from[at]!, to[at + needle.length - 1]!];
      starts ||= at === 0;
    }
    if (match.en || match.ko) (starts ? starting : containing).push({ ...entry.country, match });
  }
  const all = [...starting, ...containing];
  return { query, total: all.length, countries: all.slice(0, shownMax) };
}

/** A text made comparable, and for each of its code units where in the original it came from. */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

/**
 * Lower case, accents dropped ("Côte" -> "cote"), one character at a time so a match can be mapped
 * back onto the name as written. Hangul is decomposed and put back together, so it comes out whole.
 */
function fold(original: string): Folded {
  const folded: Folded = { text: '', from: [], to: [] };
  let at = 0;
  for (const char of original) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
    folded.text += plain;
    for (let unit = 0; unit < plain.length; unit++) {
      folded.from.push(at);
      folded.to.push(at + char.length);
    }
    at += char.length;
  }
  return folded;
}

interface Entry {
  country: Country;
  en: Folded;
  ko: Folded;
}

/** Folded once, and sorted once per language, on the first search (the server starts without this work). */
let sorted: Record<Lang, Entry[]> | undefined;

function sortedEntries(lang: Lang): Entry[] {
  if (!sorted) {
    const entries: Entry[] = countries.map((country) => ({ country, en: fold(country.en), ko: fold(country.ko) }));
    const sortedBy = (by: Lang) => {
      const collator = new Intl.Collator(by);
      return [...entries].sort((a, b) => collator.compare(a.country[by], b.country[by]));
    };
    sorted = { en: sortedBy('en'), ko: sortedBy('ko') };
  }
  return sorted[lang];
}
