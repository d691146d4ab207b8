// Korean writes a particle against its word: `hx-post`가, *가입하기*를, EJS가, {thread}이어야. Every Korean text
// (notes, the wrap-up, and each Korean string in the code: lesson words, the page's words, the starter's) is
// scanned for a space between a code span, an emphasis, a quote, a placeholder or a Latin word and its particle.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';

const repoRoot = join(import.meta.dirname, '..', '..');

const particles = [
  '이', '가', '은', '는', '을', '를', '의', '에', '에서', '에게', '로', '으로', '와', '과', '도', '만', '까지', '부터',
  '보다', '처럼', '이나', '나', '라는', '이라는', '이고', '이며', '이어야', '여야', '입니다', '이다', '이라고', '라고',
];
/** What may stand before a particle: a closing ` * " ” ’ ' }, the ✕ sign, or the end of a Latin word or number. */
const spaced = new RegExp(`([\`*"”’'}✕]|[A-Za-z0-9]) (${particles.join('|')})(?=[\\s.,:;!?)…]|$)`, 'gmu');
const hangul = /[\uAC00-\uD7A3]/u;

/** Every file under `dir` whose name ends with `suffix`, test files left out. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix) && !name.endsWith('.test.ts'))
    .map((name) => join(dir, name));
}

/** The Korean strings of a TypeScript file: its quoted and template literals that hold Hangul. */
function koreanLiterals(source: string): string[] {
  const literals = source.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.filter((literal) => hangul.test(literal)).map((literal) => literal.slice(1, -1));
}

/** Each Korean text to check, named by where it lives. */
function koreanTexts(): Array<[string, string]> {
  const markdown = [
    ...lessons.map((lesson) => join(lesson.dir, 'notes.ko.md')),
    join(repoRoot, 'templates', 'wrap-up', 'wrap-up.ko.md'),
  ];
  const code = [...filesUnder(join(repoRoot, 'src'), '.ts'), ...filesUnder(join(repoRoot, 'templates', 'starter'), '.ts')];
  return [
    ...markdown.map((file): [string, string] => [relative(repoRoot, file), readFileSync(file, 'utf8')]),
    ...code.flatMap((file) => koreanLiterals(readFileSync(file, 'utf8')).map((text): [string, string] => [relative(repoRoot, file), text])),
  ];
}

/** Each place in `text` where a particle stands apart, with a little context. */
function spacedParticles(text: string): string[] {
  return [...text.matchAll(spaced)].map((found) =>
    text.slice(Math.max(0, found.index - 16), found.index + found[0].length + 4).replace(/\s+/g, ' '));
}

describe('Korean particles', () => {
  it('the scan finds a particle set apart, and passes one written against its word', () => {
    expect(spacedParticles('`hx-post` 가 보냅니다')).toHaveLength(1);
    expect(spacedParticles('*네트워크* 에서 보세요')).toHaveLength(1);
    expect(spacedParticles('EJS 가, URL 이, HTML 로, ✕ 로, DevTools 의 탭')).toHaveLength(5);
    expect(spacedParticles('숫자 {thread} 여야 합니다, "{tag}" 라는 태그, "-" 만')).toHaveLength(3);
    expect(spacedParticles('`hx-post`가 보냅니다. *네트워크*에서, EJS가, {thread}이어야, "-"만, htmx 레인은 3초')).toEqual([]);
  });

  it('no Korean text sets a particle apart from its word', () => {
    const texts = koreanTexts();
    // The scan reads every notes file, the wrap-up, and the Korean words of the lessons, the page and the starter.
    expect(texts.filter(([file]) => file.endsWith('notes.ko.md'))).toHaveLength(lessons.length);
    for (const where of ['src/kit/i18n.ts', 'src/lessons/payload/words.ts', 'src/lessons/failure/lesson.ts', 'src/workshop/words.ts']) {
      expect(texts.some(([file]) => file === where), where).toBe(true);
    }
    const found = texts.flatMap(([file, text]) => spacedParticles(text).map((place) => `${file}: …${place}…`));
    expect(found).toEqual([]);
  });
});
