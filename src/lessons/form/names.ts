// Lesson 4's user names compared as people read them: look-alikes (ａｄｍｉｎ, ADMİN, Cyrillic аdmin) are one name.

/**
 * The form two names are compared in: NFKC (fullwidth ａ is a), case folded (ß is ss), and without accents
 * (the dot of İ, which lower-cases to i plus a dot).
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().toUpperCase().toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

/** Scripts a name's letters may come from; a letter of any other counts as a script of its own. */
const scripts = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Thai', 'Hangul', 'Han', 'Hiragana', 'Katakana', 'Bopomofo'];
const scriptPatterns = scripts.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

/** Scripts that are written together: Japanese, Chinese and Korean mix Han with their own, and with Latin. */
const writtenTogether = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/** Letters from scripts never written together (Latin a with Cyrillic а): a name made to pass for another. */
export function isMixedScript(name: string): boolean {
  const used = new Set<string>();
  for (const char of name.normalize('NFKC')) {
    if (!/\p{L}/u.test(char)) continue;
    used.add(scriptPatterns.find(([, pattern]) => pattern.test(char))?.[0] ?? `other ${char}`);
  }
  if (used.size <= 1) return false;
  return !writtenTogether.some((set) => [...used].every((script) => set.includes(script)));
}
