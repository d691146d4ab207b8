// The news both lanes load: a headline of the moment and when it was published. No state, so a GET can be retried.
import type { Context } from 'koa';
import { wordsFor } from '../shared/words.js';

const headlines = {
  en: [
    'The workshop starts at 10:00 in room B',
    'Coffee and snacks are in the hall',
    'The slides are on the projector, not online',
    'Lunch at 12:30: the kimbap is vegetarian',
    'Questions are welcome at any time',
  ],
  ko: [
    '워크숍은 10시에 B실에서 시작합니다',
    '커피와 간식은 복도에 있습니다',
    '슬라이드는 온라인이 아니라 프로젝터에 있습니다',
    '점심은 12시 30분, 김밥은 채식입니다',
    '질문은 언제든 환영합니다',
  ],
};

export interface News {
  headline: string;
  publishedAt: string;
}

export function latestNews(ctx: Context, now = new Date()): News {
  const list = wordsFor(ctx, headlines);
  return { headline: list[Math.floor(now.getTime() / 1000) % list.length]!, publishedAt: now.toISOString() };
}
