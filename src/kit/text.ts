// Keeping part of a long text: the part holds only its own characters, not the text it was cut from.

/**
 * The first `max` characters of `text` (all of it if shorter), as a string of its own. V8's slice of a
 * long string points into that string and keeps the whole of it alive, so a kept slice must be copied.
 */
export function firstChars(text: string, max: number): string {
  return text.length > max ? Buffer.from(text.slice(0, max), 'utf8').toString('utf8') : text;
}
