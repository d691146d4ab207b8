// Lesson 2's behaviour as checks any server can be held to: every answer is the control valid now (HATEOAS).
import { buttonIn, byId, describe, fail, hasClass, type HtmlElement, hxAttr, type LessonSpec, rootWithId, type Answer } from '../../kit/spec/index.js';

const section = 'toggle-section';

const hints = {
  markup: {
    en: 'Put the htmx lane\'s control in <div id="toggle-section">: a button with hx-post (like) or hx-delete (unlike), hx-target="#toggle-section" and hx-swap="outerHTML".',
    ko: 'htmx 레인의 컨트롤을 <div id="toggle-section">에 두세요: hx-post(좋아요)나 hx-delete(취소), hx-target="#toggle-section", hx-swap="outerHTML"을 가진 버튼.',
  },
  like: {
    en: 'Answer the like POST with #toggle-section holding the control valid now: an unlike button (hx-delete, class="btn-liked").',
    ko: '좋아요 POST에는 지금 유효한 컨트롤을 담은 #toggle-section으로 답하세요: 취소 버튼 (hx-delete, class="btn-liked").',
  },
  unlike: {
    en: 'Answer the DELETE with #toggle-section holding a like button (hx-post) again, the count one lower.',
    ko: 'DELETE에는 다시 좋아요 버튼(hx-post)을 담은 #toggle-section으로 답하고, 숫자는 하나 줄이세요.',
  },
  signedOut: {
    en: 'Signed out, answer the like with 401 and #toggle-section holding a "log in to like" button (hx-post to the login route); logging in answers the like button again.',
    ko: '로그아웃 상태의 좋아요에는 401과 "로그인하고 좋아요" 버튼(로그인 경로로 hx-post)을 담은 #toggle-section으로 답하고, 로그인하면 다시 좋아요 버튼으로 답하세요.',
  },
  json: {
    en: 'Answer POST and DELETE /api/toggle/like as application/json: {"liked": true|false, "likes": N}.',
    ko: 'POST와 DELETE /api/toggle/like에 application/json으로 답하세요: {"liked": true|false, "likes": N}.',
  },
  csrf: { en: 'Refuse (403) a like that carries no CSRF token.', ko: 'CSRF 토큰이 없는 좋아요는 403으로 거절하세요.' },
};

/** The control in a #toggle-section answer: its button, what it sends, and the count it shows. */
function controlOf(answer: Answer, status: number): { button: HtmlElement; post?: string; del?: string; count?: number } | undefined {
  const root = answer.status === status ? rootWithId(answer, section) : undefined;
  const button = root && buttonIn(answer.html(), root);
  if (!button) return undefined;
  const count = /\((\d+)\)/.exec(answer.html().source.slice(button.start, button.end))?.[1];
  return { button, post: hxAttr(button, 'hx-post'), del: hxAttr(button, 'hx-delete'), count: count === undefined ? undefined : Number(count) };
}

const htmx = { target: `div#${section}`, source: 'button' };

const spec: LessonSpec = {
  lesson: 'toggle',
  async run(t) {
    const page = await t.openPage(['/lessons/toggle', '/'], /id=["']?toggle-section\b/);

    const likeUrl = await t.check('markup', {
      en: 'the page has #toggle-section holding a like button whose hx-post, hx-target and hx-swap point at each other',
      ko: '페이지의 #toggle-section 안 좋아요 버튼의 hx-post, hx-target, hx-swap이 서로 맞물린다',
    }, async () => {
      const html = t.need(page);
      const root = byId(html, section) ?? fail(hints.markup, 'no element with id="toggle-section"');
      const button = buttonIn(html, root) ?? fail(hints.markup, '#toggle-section has no <button>');
      const url = hxAttr(button, 'hx-post') ?? hxAttr(button, 'hx-delete') ?? fail(hints.markup, 'the button has neither hx-post nor hx-delete');
      if (hxAttr(button, 'hx-target') !== `#${section}` || hxAttr(button, 'hx-swap')?.split(/\s+/)[0] !== 'outerHTML') {
        fail(hints.markup, `hx-target="${hxAttr(button, 'hx-target') ?? ''}" hx-swap="${hxAttr(button, 'hx-swap') ?? ''}"`);
      }
      return url;
    });

    const liked = await t.check('like', {
      en: 'a like answers the unlike control: #toggle-section with hx-delete and btn-liked',
      ko: '좋아요에 취소 컨트롤로 답한다: hx-delete와 btn-liked를 가진 #toggle-section',
    }, async () => {
      const answer = await t.browser.send('POST', t.need(likeUrl), { htmx });
      const control = controlOf(answer, 200);
      if (!control?.del || !hasClass(control.button, 'btn-liked')) fail(hints.like, describe(answer));
      return control;
    });

    await t.check('unlike', {
      en: 'the unlike button\'s DELETE answers the like control again, one fewer',
      ko: '취소 버튼의 DELETE에 다시 좋아요 컨트롤로 답하고, 숫자가 하나 준다',
    }, async () => {
      const before = t.need(liked);
      const answer = await t.browser.send('DELETE', before.del!, { htmx });
      const control = controlOf(answer, 200);
      if (!control?.post || hasClass(control.button, 'btn-liked')) fail(hints.unlike, describe(answer));
      if (before.count !== undefined && control.count !== before.count - 1) fail(hints.unlike, `(${before.count}) became (${control.count})`);
    });

    await t.check('signed-out', {
      en: 'signed out (the page\'s switch), a like answers 401 with "log in to like"; logging in brings the like button back',
      ko: '로그아웃 상태(페이지의 스위치)의 좋아요에 401과 "로그인하고 좋아요"로 답하고, 로그인하면 좋아요 버튼이 돌아온다',
    }, async () => {
      const html = t.need(page);
      const form = byId(html, 'session-switch');
      const sessionUrl = (form && hxAttr(form, 'hx-post')) ?? fail(hints.signedOut, 'no #session-switch form with hx-post on the page');
      const off = await t.browser.send('POST', sessionUrl, { htmx: { source: 'form#session-switch' }, form: { signedOut: 'true' } });
      if (off.status !== 200) fail(hints.signedOut, `the switch's POST: ${describe(off)}`);
      const refused = controlOf(await t.browser.send('POST', t.need(likeUrl), { htmx }), 401);
      if (!refused?.post || refused.post === t.need(likeUrl)) fail(hints.signedOut, 'signed out, the like did not answer 401 with a log-in button');
      const back = controlOf(await t.browser.send('POST', refused.post, { htmx }), 200);
      if (!back?.post || back.del) fail(hints.signedOut, 'logging in did not answer the like button');
    });

    await t.check('json', {
      en: 'POST and DELETE /api/toggle/like answer {"liked", "likes"} as application/json',
      ko: 'POST와 DELETE /api/toggle/like에 application/json으로 {"liked", "likes"}를 답한다',
    }, async () => {
      const state = async (method: string) => {
        const answer = await t.browser.send(method, '/api/toggle/like', { headers: { Accept: 'application/json' } });
        if (answer.status !== 200 || answer.type !== 'application/json') fail(hints.json, `${method}: ${describe(answer)}`);
        const data = answer.json() as { liked?: unknown; likes?: unknown };
        if (typeof data?.liked !== 'boolean' || !Number.isInteger(data.likes)) fail(hints.json, `${method}: ${answer.text.slice(0, 80)}`);
        return data as { liked: boolean; likes: number };
      };
      const on = await state('POST');
      const off = await state('DELETE');
      if (!on.liked || off.liked || off.likes !== on.likes - 1) fail(hints.json, `POST gave ${JSON.stringify(on)}, DELETE ${JSON.stringify(off)}`);
    });

    await t.check('csrf', { en: 'a like without the CSRF token is refused', ko: 'CSRF 토큰 없는 좋아요는 거절된다' }, async () => {
      t.need(t.browser.csrf);
      const answer = await t.browser.send('POST', t.need(likeUrl), { htmx, noCsrf: true });
      if (answer.status < 400 || answer.status >= 500) fail(hints.csrf, describe(answer));
    });
  },
};

export default spec;
