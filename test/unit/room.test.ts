// The room's bookkeeping on its own: who counts as a learner, where they are, the pulse, and its bounds.
import { describe, expect, it } from 'vitest';
import { type Member, type Position, Room } from '../../src/workshop/room.js';

interface FakePage extends Member {
  events: string[];
  closed: boolean;
  leave(): void;
}

function open(room: Room, visitorId: string, position: Position, instructor = false): FakePage {
  const page = {
    visitorId,
    instructor,
    position,
    events: [] as string[],
    closed: false,
    send(text: string) { page.events.push(text); },
    close() {
      page.closed = true;
      page.leave(); // a closed stream leaves the room, as its 'close' event does
    },
    leave: () => {},
  };
  page.leave = room.join(page);
  return page;
}

const news = (page: FakePage) => page.events.map((event) => JSON.parse(event.replace(/^event: room\ndata: /, '')) as { leader?: Position; latencyMs: number; pulseRound: number });

describe('the room', () => {
  it('counts each learner once however many tabs they have, never the instructor, and lets them go', () => {
    const room = new Room();
    const tabs = [open(room, 'a', { lesson: 'like', step: '1' }), open(room, 'a', { lesson: 'oob', step: '2' })];
    const b = open(room, 'b', { lesson: 'like', step: '1' });
    open(room, 'teacher', { lesson: 'like', step: '1' }, true);
    expect(room.learnerCount()).toBe(2);
    // A learner is where their newest tab is.
    expect(room.spots()).toEqual([
      { lesson: 'oob', step: '2', learners: 1, done: 0, stuck: 0 },
      { lesson: 'like', step: '1', learners: 1, done: 0, stuck: 0 },
    ]);
    for (const tab of tabs) tab.leave();
    b.leave();
    expect(room.learnerCount()).toBe(0);
  });

  it('sends a new learner where the instructor is, and every learner each move once', () => {
    const room = new Room();
    const learner = open(room, 'a', { lesson: 'like', step: '1' });
    const lead = open(room, 'teacher', { lesson: 'like', step: '2' }, true);
    open(room, 'teacher', { lesson: 'like', step: '2' }, true); // the same place again: no news
    const late = open(room, 'b', { lesson: 'search', step: '1' });
    expect(news(learner).map((n) => n.leader?.step)).toEqual([undefined, '2']);
    expect(news(late).at(-1)!.leader).toEqual({ lesson: 'like', step: '2' });
    expect(lead.events).toEqual([]); // the instructor's pages hear nothing
  });

  it('counts Done and Stuck on a step, takes a mark back, and clears every mark when the instructor moves', () => {
    const room = new Room();
    open(room, 'teacher', { lesson: 'like', step: '1' }, true);
    const here = { lesson: 'like', step: '1' };
    for (const id of ['a', 'b', 'c']) open(room, id, here);
    room.mark('a', here, 'done');
    room.mark('b', here, 'done');
    room.mark('c', here, 'stuck');
    expect(room.spots()).toEqual([{ ...here, learners: 3, done: 2, stuck: 1 }]);
    expect(room.mark('b', here, 'done')).toBeUndefined(); // pressed again: taken back
    expect(room.mark('a', here, 'stuck')).toBe('stuck'); // changed: one mark each
    expect(room.spots()).toEqual([{ ...here, learners: 3, done: 0, stuck: 2 }]);

    open(room, 'teacher', { lesson: 'like', step: '2' }, true);
    expect(room.markOf('a', here)).toBeUndefined();
    expect(room.spots()[0]).toMatchObject({ done: 0, stuck: 0 });
  });

  it('clears a learner\'s mark when that learner moves to another step', () => {
    const room = new Room();
    const here = { lesson: 'like', step: '1' };
    open(room, 'a', here);
    room.mark('a', here, 'done');
    open(room, 'a', { lesson: 'like', step: '2' });
    expect(room.markOf('a', here)).toBeUndefined();
  });

  it('keeps slow motion between 0 and 3 s and tells every learner', () => {
    const room = new Room();
    const learner = open(room, 'a', { lesson: 'like', step: '1' });
    room.setLatency(800);
    room.setLatency(10_000);
    room.setLatency(-5);
    expect(news(learner).map((n) => n.latencyMs)).toEqual([0, 800, 3000, 0]);
  });

  it('ends a visitor\'s oldest tab past six, and says when it is full rather than cutting anyone off', () => {
    const room = new Room();
    const tabs = Array.from({ length: 7 }, (_, i) => open(room, 'a', { lesson: 'like', step: String(i + 1) }));
    expect(tabs.map((tab) => tab.closed)).toEqual([true, false, false, false, false, false, false]);
    expect(room.full).toBe(false);
    for (let i = 0; room.full === false; i++) open(room, `v${i}`, { lesson: 'like', step: '1' });
    expect(room.learnerCount()).toBe(1000 - 6 + 1);
  });
});
