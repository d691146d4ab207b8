// Lesson 6's words, English and Korean: the page's labels and the messages both lanes answer with.
import type { Context } from 'koa';
import { wordsFor } from '../shared/words.js';

export const words = {
  en: {
    shoppingList: 'Shopping list',
    itemsOnList: 'items on the list',
    item: 'Item',
    itemPlaceholder: 'milk, eggs…',
    add: 'Add',
    remove: 'Remove',
    emptyList: 'Nothing on the list yet.',
    notText: 'The item must be text.',
    emptyItem: 'Type an item first.',
    tooLong: 'An item is at most 60 characters.',
    listFull: 'The list holds 20 items: remove one first.',
    noSuchItem: 'That item is not on the list.',
  },
  ko: {
    shoppingList: '장보기 목록',
    itemsOnList: '개 항목',
    item: '항목',
    itemPlaceholder: '우유, 달걀…',
    add: '추가',
    remove: '삭제',
    emptyList: '아직 목록이 비어 있습니다.',
    notText: '항목은 문자열이어야 합니다.',
    emptyItem: '먼저 항목을 입력하세요.',
    tooLong: '항목은 60자까지입니다.',
    listFull: '목록에는 20개까지 담을 수 있습니다. 먼저 하나를 지우세요.',
    noSuchItem: '목록에 없는 항목입니다.',
  },
};

export type Problem = 'notText' | 'emptyItem' | 'tooLong' | 'listFull' | 'noSuchItem';

/** A problem's message in the visitor's language. */
export function say(ctx: Context, problem: Problem): string {
  return wordsFor(ctx, words)[problem];
}
