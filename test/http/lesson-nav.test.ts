// Getting around: every page lists the lessons by number (the registry's order) and the wrap-up, and each lesson
// links to the one before and after it; the last one leads to the wrap-up.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { echoLesson, lessonsWithEcho } from '../fixtures/echo/registered.js';
import { attribute, tagsNamed, textOf } from '../support/http.js';
import { startServer } from '../support/server.js';
import { useServer } from '../support/suite.js';

const all = lessonsWithEcho;

const server = useServer({ lessons: all });

const html = async (path: string) => (await fetch(server.url + path)).text();

function navOf(page: string) {
  const nav = /<nav class="lesson-nav"[\s\S]*?<\/nav>/.exec(page)![0];
  return [...nav.matchAll(/(<a [^>]*>)([\s\S]*?)<\/a>/g)].map(([, tag, inner]) => ({
    href: attribute(tag!, 'href'),
    current: attribute(tag!, 'aria-current'),
    number: /<span class="nav-number">(\d+)<\/span>/.exec(inner!)?.[1],
    text: textOf(inner!).replace(/\s+/g, ' ').trim(),
  }));
}

function pagerOf(page: string) {
  const pager = /<nav class="pager"[\s\S]*?<\/nav>/.exec(page)![0];
  const link = (rel: string) => {
    const tag = tagsNamed(pager, 'a').find((a) => attribute(a, 'rel') === rel);
    const text = tag && textOf(new RegExp(`${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s\\S]*?)</a>`).exec(pager)![1]!);
    return tag && { href: attribute(tag, 'href'), text: text!.replace(/\s+/g, ' ').trim() };
  };
  return { prev: link('prev'), next: link('next') };
}

describe('the lesson list', () => {
  it.each(['/', '/lessons/like', '/lessons/echo', '/wrap-up'])('on %s: every lesson by number, then the wrap-up', async (path) => {
    const nav = navOf(await html(path));
    expect(nav.map((item) => item.href)).toEqual([...all.map((lesson) => `/lessons/${lesson.id}`), '/wrap-up']);
    expect(nav.slice(0, -1).map((item) => item.number)).toEqual(all.map((_, index) => String(index + 1)));
    expect(nav.slice(0, -1).map((item) => item.text)).toEqual(all.map((lesson, index) => `${index + 1} ${lesson.title.en}`));
    const current = nav.filter((item) => item.current === 'page').map((item) => item.href);
    expect(current).toEqual([path === '/' ? '/lessons/like' : path]);
  });

  it('speaks Korean', async () => {
    const nav = navOf(await html('/lessons/echo?lang=ko'));
    expect(nav.map((item) => item.text)).toEqual([...all.map((lesson, index) => `${index + 1} ${lesson.title.ko}`), '마무리: 언제 무엇을 쓸까']);
  });
});

describe('previous and next', () => {
  const second = all[1]!;
  const beforeLast = all.at(-2)!;

  it('the first lesson has only a next, to lesson 2', async () => {
    expect(pagerOf(await html('/lessons/like'))).toEqual({ prev: undefined, next: { href: `/lessons/${second.id}`, text: `Next → 2. ${second.title.en}` } });
  });

  it('the last lesson goes back to the one before and on to the wrap-up', async () => {
    expect(pagerOf(await html('/lessons/echo'))).toEqual({
      prev: { href: `/lessons/${beforeLast.id}`, text: `← Previous ${all.length - 1}. ${beforeLast.title.en}` },
      next: { href: '/wrap-up', text: 'Next → When to use which' },
    });
  });

  it('the wrap-up goes back to the last lesson', async () => {
    expect(pagerOf(await html('/wrap-up?lang=ko'))).toEqual({ prev: { href: '/lessons/echo', text: `← 이전 ${all.length}. 메아리` }, next: undefined });
  });

  it('numbers follow the registry\'s order', async () => {
    const reversed = [{ ...echoLesson, number: 1 }, { ...lessons[0]!, number: 2 }];
    const other = await startServer({ lessons: reversed });
    try {
      const page = await (await fetch(`${other.url}/lessons/like`)).text();
      expect(navOf(page).map((item) => item.text).slice(0, 2)).toEqual(['1 Echo', '2 The like button']);
      expect(pagerOf(page)).toEqual({ prev: { href: '/lessons/echo', text: '← Previous 1. Echo' }, next: { href: '/wrap-up', text: 'Next → When to use which' } });
      expect(page).toContain('<span class="lesson-number">2</span>');
    } finally {
      await other.close();
    }
  });
});
