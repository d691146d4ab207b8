// The workshop room over real HTTP: the instructor's key and cookie, 403s for learners, solo mode, the room's
// controls (slow motion, lesson 7 faults, shared reset), the pulse and follow forms, presence, whose state is whose.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { openEventStream, textOf } from '../support/http.js';
import { newVisitor, type Visitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const key = 'http-room-key';
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const hx = { 'HX-Request': 'true' };

/** A visitor who opened the instructor URL: the cookie it set is theirs from then on. */
async function becomeInstructor(url: string): Promise<Visitor> {
  const visitor = await newVisitor(url, '/lessons/like');
  const res = await visitor.fetch(`/present?key=${key}`, { redirect: 'manual' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/present');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hxd_instructor='))!;
  expect(cookie).toMatch(/httponly/i);
  expect(cookie).toMatch(/samesite=strict/i);
  expect(cookie).not.toContain(key); // derived from the key, not the key
  return withCookie(url, visitor, cookie.split(';')[0]!);
}

/** The same visitor with one more cookie (the instructor's, a follow choice). */
function withCookie(url: string, visitor: Visitor, extra: string): Visitor {
  const cookie = `${visitor.cookie}; ${extra}`;
  return {
    cookie,
    csrfToken: visitor.csrfToken,
    fetch(path, { csrf = true, headers, ...init } = {}) {
      const all = new Headers(headers);
      all.set('Cookie', cookie);
      if (csrf) all.set('X-CSRF-Token', visitor.csrfToken);
      return fetch(url + path, { ...init, headers: all });
    },
  };
}

/** The htmx lane's like count as the page shows it (the wire list below shows old answers, escaped). */
const htmxLikes = (html: string) => Number(/<div id="like-section"><button[^>]*>❤️ Like \((\d+)\)/.exec(html)?.[1]);

const post = (who: Visitor, path: string, body: string, headers: Record<string, string> = hx) =>
  who.fetch(path, { method: 'POST', redirect: 'manual', headers: { ...form, ...headers }, body });

describe('with an instructor key (a LAN room)', () => {
  const server = useServer({ instructorKey: key });

  it('answers /present with 403 without the key or with a wrong one, and says where the key is', async () => {
    const learner = await newVisitor(server.url, '/lessons/like');
    for (const path of ['/present', '/present?key=wrong', '/present?key=', '/present/room']) {
      const res = await learner.fetch(path, { redirect: 'manual' });
      expect(res.status, path).toBe(403);
      expect(textOf(await res.text())).toContain('Only the instructor can do that');
    }
    for (const path of ['/present/latency', '/present/faults', '/present/reset', '/present/pulse/clear']) {
      expect((await post(learner, path, 'latency=800&lesson=like')).status, path).toBe(403);
    }
    expect(server.demo.room.latencyMs).toBe(0);
  });

  it('lets the key in once, then the cookie: the console shows the room', async () => {
    const instructor = await becomeInstructor(server.url);
    const res = await instructor.fetch('/present');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Instructor&#39;s console");
    expect(html).toContain('hx-get="/present/room"');
  });

  it('refuses a learner\'s shared reset (403) and keeps the count; the learner\'s own reset is theirs', async () => {
    lessons.find((l) => l.id === 'like')!.reset!();
    const learner = await newVisitor(server.url, '/lessons/like');
    await post(learner, '/like/', '');
    expect((await post(learner, '/lessons/like/reset', '', {})).status).toBe(403);
    expect((await post(learner, '/lessons/like/reset', 'scope=everyone', {})).status).toBe(403);
    const page = await (await learner.fetch('/lessons/like')).text();
    expect(htmxLikes(page)).toBe(1);
    expect(page).not.toContain('Reset this lesson for everyone');
    expect(textOf(page)).toContain("Shared with everyone: everyone's like counts · Only the instructor resets it.");

    const instructor = await becomeInstructor(server.url);
    const reset = await post(instructor, '/present/reset', 'lesson=like');
    expect(reset.status).toBe(200);
    expect(textOf(await reset.text())).toContain('Reset: The like button');
    expect(htmxLikes(await (await learner.fetch('/lessons/like')).text())).toBe(0);
    expect((await post(instructor, '/present/reset', 'lesson=oob')).status).toBe(400); // nothing shared there
  });

  it('lesson 2: a learner\'s reset takes their likes out of the totals and leaves everyone else\'s', async () => {
    lessons.find((l) => l.id === 'toggle')!.reset!();
    const [a, b] = [await newVisitor(server.url, '/lessons/toggle'), await newVisitor(server.url, '/lessons/toggle')];
    await post(a, '/toggle/like', '');
    await post(b, '/toggle/like', '');
    expect(textOf(await (await a.fetch('/lessons/toggle')).text())).toMatch(/\(2\)/);
    expect((await post(b, '/lessons/toggle/reset', 'scope=mine', {})).status).toBe(303);
    const aPage = textOf(await (await a.fetch('/lessons/toggle')).text());
    expect(aPage).toMatch(/\(1\)/);
    expect(aPage).not.toMatch(/\(2\)/);
  });

  it('lesson 4: names are shared and the message says so; a learner\'s reset frees only their names', async () => {
    lessons.find((l) => l.id === 'form')!.reset!();
    const [a, b] = [await newVisitor(server.url, '/lessons/form'), await newVisitor(server.url, '/lessons/form')];
    const signUp = (who: Visitor, name: string) => post(who, '/form/signups', `name=${name}&email=${name}%40example.com&password=secret-words`);
    expect((await signUp(a, 'alice')).status).toBe(201);
    expect((await signUp(b, 'bob')).status).toBe(201);
    const taken = await signUp(b, 'alice');
    expect(taken.status).toBe(422);
    expect(textOf(await taken.text())).toContain('Someone has already signed up with that name on this lane');
    expect(textOf(await (await signUp(b, 'admin')).text())).toContain('That name is reserved');

    await post(b, '/lessons/form/reset', 'scope=mine', {});
    expect((await signUp(a, 'bob')).status).toBe(201); // B's name is free again
    expect((await signUp(b, 'alice')).status).toBe(422); // A's is still A's
  });

  it('sets the room\'s slow motion from the console (0 to 3 s) and holds every lane answer back by it', async () => {
    const instructor = await becomeInstructor(server.url);
    const learner = await newVisitor(server.url, '/lessons/like');
    for (const bad of ['3001', '-1', 'fast', '']) expect((await post(instructor, '/present/latency', `latency=${bad}`)).status, bad).toBe(400);
    const set = await post(instructor, '/present/latency', 'latency=300');
    expect(set.status).toBe(200);
    expect(await set.text()).toMatch(/value="300" aria-pressed="true"/);
    expect(textOf(await (await learner.fetch('/lessons/like')).text())).toContain('Slow motion: 300 ms');
    const started = performance.now();
    await post(learner, '/like/', '');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await post(instructor, '/present/latency', 'latency=0');
    expect(await (await learner.fetch('/lessons/like')).text()).toMatch(/data-slow-motion[^>]*hidden/);
  });

  it('switches lesson 7\'s faults for the whole room: every learner\'s news request hangs up, and their page says why', async () => {
    const instructor = await becomeInstructor(server.url);
    const learner = await newVisitor(server.url, '/lessons/failure');
    expect((await post(instructor, '/present/faults', 'network=down')).status).toBe(200);
    try {
      await expect(learner.fetch('/failure/news', { headers: hx })).rejects.toThrow();
      expect(textOf(await (await learner.fetch('/lessons/failure')).text())).toMatch(/Switched on by the instructor for everyone:\s+Network down/);
      await post(instructor, '/present/faults', 'network=up&fail=once');
      const [a, b] = [learner, await newVisitor(server.url, '/lessons/failure')];
      for (const who of [a, b]) expect((await who.fetch('/failure/news', { headers: hx })).status).toBe(500);
      for (const who of [a, b]) expect((await who.fetch('/failure/news', { headers: hx })).status).toBe(200); // once each
      expect((await post(instructor, '/present/faults', 'network=sideways')).status).toBe(400);
    } finally {
      await post(instructor, '/present/faults', 'network=up&fail=off&latency=0');
    }
  });

  it('counts learners by their open lesson pages, once per visitor, and not the instructor', async () => {
    const { room } = server.demo;
    const before = room.learnerCount();
    const learner = await newVisitor(server.url, '/lessons/like');
    const stream = (who: Visitor, query: string) => openEventStream(`${server.url}/_room/stream?${query}`, { Cookie: who.cookie });
    const tabs = [await stream(learner, 'lesson=like&step=1'), await stream(learner, 'lesson=oob&step=2')];
    const instructor = await becomeInstructor(server.url);
    const leading = await stream(instructor, 'lesson=search&step=3');
    try {
      await expect.poll(() => room.learnerCount()).toBe(before + 1);
      // /join shows the room's count: the learner once for two tabs, the instructor not at all.
      const shown = await (await fetch(`${server.url}/_join/learners`, { headers: { 'HX-Request': 'true' } })).text();
      expect(shown).toContain(`<strong data-learners>${before + 1}</strong>`);
      await expect.poll(() => room.leader).toEqual({ lesson: 'search', step: '3' });
      expect(room.spots()).toContainEqual({ lesson: 'oob', step: '2', learners: 1, done: 0, stuck: 0 });
      // The learner's stream says where the instructor is as soon as it opens.
      const third = await stream(learner, 'lesson=like&step=1');
      expect(JSON.parse((await third.waitFor((data) => data.includes('leader')))!)).toMatchObject({ leader: { lesson: 'search', step: '3' } });
      tabs.push(third);
    } finally {
      for (const tab of [...tabs, leading]) tab.close();
    }
    await expect.poll(() => room.learnerCount()).toBe(before);
    expect((await learner.fetch('/_room/stream?lesson=nope&step=1')).status).toBe(400);
    expect((await learner.fetch('/_room/stream?lesson=like&step=<b>')).status).toBe(400);
  });

  it('takes Done / Stuck from a learner and refuses a bad mark; the follow switch is remembered', async () => {
    const learner = await newVisitor(server.url, '/lessons/like');
    const done = await post(learner, '/_room/pulse', 'lesson=like&step=2&mark=done');
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/value="done" class="pulse-done" aria-pressed="true"/);
    expect((await post(learner, '/_room/pulse', 'lesson=like&step=2&mark=maybe')).status).toBe(400);
    const forged = await learner.fetch('/_room/pulse', { method: 'POST', csrf: false, headers: { ...form, ...hx }, body: 'lesson=like&step=2&mark=done' });
    expect(forged.status).toBe(403);

    const off = await post(learner, '/_room/follow', 'follow=off');
    expect(await off.text()).toContain('data-following="false"');
    const cookie = off.headers.getSetCookie().find((c) => c.startsWith('hxd_follow='))!.split(';')[0]!;
    const page = await withCookie(server.url, learner, cookie).fetch('/lessons/like');
    expect(textOf(await page.text())).toContain('Not following the instructor');
    // Without JavaScript the form comes back to its page.
    const plain = await post(learner, '/_room/follow', 'follow=on&back=%2Flessons%2Foob%3Fstep%3D2', {});
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/lessons/oob?step=2');
    const elsewhere = await post(learner, '/_room/follow', 'follow=on&back=https%3A%2F%2Fevil.example%2F', {});
    expect(elsewhere.headers.get('location')).toBe('/');
  });
});

describe('solo mode (loopback, no key)', () => {
  const server = useServer();

  it('the one user is the instructor: the console opens, the reset is for everyone, no room bar or pulse', async () => {
    const me = await newVisitor(server.url, '/lessons/like');
    const console = await me.fetch('/present');
    expect(console.status).toBe(200);
    expect(textOf(await console.text())).toContain('Solo mode: this server listens on this computer only');
    expect((await me.fetch('/present?key=anything', { redirect: 'manual' })).headers.get('location')).toBe('/present');
    const page = await (await me.fetch('/lessons/like')).text();
    expect(page).toContain('Reset this lesson for everyone');
    expect(page).not.toContain('id="room-bar"');
    expect(page).not.toContain('id="pulse"');
    expect(page).not.toContain('follow.js');
    expect((await post(me, '/lessons/like/reset', '', {})).status).toBe(303);
  });

  it('a lesson that keeps only each visitor\'s own state offers "Reset my state", never a reset "for everyone"', async () => {
    const perVisitor = lessons.filter((lesson) => lesson.resetVisitor && lesson.state?.yours && !lesson.state.shared).map((lesson) => lesson.id);
    expect(perVisitor).toEqual(expect.arrayContaining(['payload', 'oob', 'failure', 'htmx2-vs-4']));
    for (const id of perVisitor) {
      const page = await (await (await newVisitor(server.url, `/lessons/${id}`)).fetch(`/lessons/${id}?lang=ko`)).text();
      expect(page, id).toContain('<input type="hidden" name="scope" value="mine">');
      expect(textOf(page), id).toContain('내 상태 초기화');
      expect(textOf(page), id).not.toContain('모든 사용자');
    }
    // Lesson 9: two tabs of one laptop are two visitors; the button's reset puts back only the one who pressed it.
    const [a, b] = [await newVisitor(server.url, '/lessons/htmx2-vs-4'), await newVisitor(server.url, '/lessons/htmx2-vs-4')];
    for (const who of [a, b]) await post(who, '/htmx2-vs-4/compat', 'compat=on');
    const page = textOf(await (await a.fetch('/lessons/htmx2-vs-4')).text());
    expect(page).toContain('Reset my state');
    expect(page).not.toContain('Reset this lesson for everyone');
    expect((await post(a, '/lessons/htmx2-vs-4/reset', 'scope=mine', {})).status).toBe(303);
    const switchOf = async (who: Visitor) => /id="compat-switch" aria-pressed="(\w+)"/.exec(await (await who.fetch('/lessons/htmx2-vs-4')).text())![1];
    expect(await switchOf(a)).toBe('false');
    expect(await switchOf(b)).toBe('true');
  });
});
