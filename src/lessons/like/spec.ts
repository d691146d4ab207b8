// Lesson 1's behaviour as checks any server can be held to: the like button's markup, its fragment, its JSON twin, CSRF.
import { buttonIn, byId, describe, fail, hasClass, hxAttr, isFragment, type LessonSpec, rootWithId, textOf } from '../../kit/spec/index.js';

/** The count a like button shows: the last "(N)" in its text. */
function countIn(text: string): number | undefined {
  const all = [...text.matchAll(/\((\d+)\)/g)];
  return all.length ? Number(all[all.length - 1]![1]) : undefined;
}

const hints = {
  section: {
    en: 'Put the htmx lane\'s button inside <div id="like-section"> (views/_like_button.ejs).',
    ko: 'htmx 레인의 버튼을 <div id="like-section"> 안에 두세요 (views/_like_button.ejs).',
  },
  hxPost: {
    en: 'Give the button hx-post="/like/": htmx sends the POST when it is clicked.',
    ko: '버튼에 hx-post="/like/"를 넣으세요. 클릭하면 htmx가 POST를 보냅니다.',
  },
  hxTarget: {
    en: 'Give the button hx-target="#like-section": the answer replaces the section, not the button alone.',
    ko: '버튼에 hx-target="#like-section"을 넣으세요. 응답이 버튼만이 아니라 섹션을 바꿉니다.',
  },
  hxSwap: {
    en: 'Give the button hx-swap="outerHTML": the answer is a whole #like-section, so it takes the old one\'s place (innerHTML would nest one inside the other).',
    ko: '버튼에 hx-swap="outerHTML"을 넣으세요. 응답이 #like-section 전체이므로 기존 것을 통째로 바꿉니다 (innerHTML이면 섹션 안에 섹션이 생깁니다).',
  },
  route: {
    en: 'Answer POST /like/ (with HX-Request) with 200 and the _like_button partial rendered as text/html: ctx.type = \'html\'; ctx.body = render(ctx, \'_like_button\', { likes, liked: true }).',
    ko: 'POST /like/ (HX-Request 포함)에 200과 _like_button 조각을 text/html로 답하세요: ctx.type = \'html\'; ctx.body = render(ctx, \'_like_button\', { likes, liked: true }).',
  },
  root: {
    en: 'The answer must be the fragment alone, with <div id="like-section"> as its one root element: no page around it.',
    ko: '응답은 <div id="like-section"> 하나를 뿌리로 하는 조각이어야 합니다. 페이지 전체로 감싸지 마세요.',
  },
  liked: {
    en: 'Render the button in the answer with class="btn-liked" (liked: true), and the count one higher than before.',
    ko: '응답의 버튼에 class="btn-liked"를 넣고 (liked: true), 숫자는 전보다 하나 커야 합니다.',
  },
  noHtmx: {
    en: 'Check the HX-Request header: only htmx gets the bare fragment; any other POST gets the whole page (renderPage) or a redirect. Add Vary: HX-Request.',
    ko: 'HX-Request 헤더를 확인하세요. htmx에게만 조각을 주고, 다른 POST에는 페이지 전체(renderPage)나 리다이렉트를 주세요. Vary: HX-Request도 붙이세요.',
  },
  json: {
    en: 'Answer POST /api/like with 200, Content-Type application/json and {"likes": N}, the JSON lane\'s new count.',
    ko: 'POST /api/like에 200, Content-Type application/json, {"likes": N} (JSON 레인의 새 숫자)로 답하세요.',
  },
  csrf: {
    en: 'Refuse (403) a POST that carries no CSRF token, on both lanes, before it counts anything.',
    ko: 'CSRF 토큰이 없는 POST는 두 레인 모두 아무것도 세기 전에 403으로 거절하세요.',
  },
};

const spec: LessonSpec = {
  lesson: 'like',
  async run(t) {
    const page = await t.openPage(['/', '/lessons/like'], /id=["']?like-section\b/);
    // What later checks need from the page; each has a fallback, so one missing attribute fails one check only.
    const section = page && byId(page, 'like-section');
    const shownCount = page && section ? countIn(textOf(page, section)) : undefined;

    const postUrl = await t.check('markup', {
      en: 'the page has #like-section holding a button whose hx-post, hx-target and hx-swap point at each other',
      ko: '페이지에 #like-section이 있고, 그 안의 버튼의 hx-post, hx-target, hx-swap이 서로 맞물린다',
    }, async () => {
      const html = t.need(page);
      if (!section) fail(hints.section, 'no element with id="like-section"');
      const button = buttonIn(html, section) ?? fail(hints.section, '#like-section has no <button>');
      const post = hxAttr(button, 'hx-post') ?? fail(hints.hxPost, 'the button has no hx-post');
      const target = hxAttr(button, 'hx-target');
      if (target !== '#like-section' && target !== 'closest #like-section') fail(hints.hxTarget, `hx-target is ${target === undefined ? 'missing' : `"${target}"`}`);
      const swap = hxAttr(button, 'hx-swap')?.split(/\s+/)[0];
      if (swap !== 'outerHTML') fail(hints.hxSwap, `hx-swap is ${swap === undefined ? 'missing' : `"${swap}"`}`);
      return post;
    });
    const post = postUrl ?? '/like/';

    await t.check('fragment', {
      en: `POST ${post} with HX-Request answers text/html: #like-section alone, the count one higher, btn-liked`,
      ko: `HX-Request를 담은 POST ${post}에 text/html로 답한다: #like-section 하나, 숫자 하나 증가, btn-liked`,
    }, async () => {
      const before = t.need(shownCount);
      const answer = await t.browser.send('POST', post, { htmx: { target: 'div#like-section', source: 'button' } });
      if (answer.status !== 200 || answer.type !== 'text/html') fail(hints.route, describe(answer));
      const html = answer.html();
      const root = rootWithId(answer, 'like-section') ?? fail(hints.root, describe(answer));
      const button = buttonIn(html, root) ?? fail(hints.liked, 'the answer has no <button>');
      const after = countIn(textOf(html, button));
      if (!hasClass(button, 'btn-liked') || after !== before + 1) {
        fail(hints.liked, `the page showed (${before}); the answer's button shows ${after === undefined ? 'no count' : `(${after})`}${hasClass(button, 'btn-liked') ? '' : ' without btn-liked'}`);
      }
    });

    await t.check('no-htmx', {
      en: `POST ${post} without HX-Request does not answer a bare fragment`,
      ko: `HX-Request 없는 POST ${post}에는 조각만 답하지 않는다`,
    }, async () => {
      const answer = await t.browser.send('POST', post);
      if (answer.status < 300 && isFragment(answer)) fail(hints.noHtmx, `a browser that is not htmx got the fragment: ${describe(answer)}`);
    });

    await t.check('json', {
      en: 'POST /api/like answers {"likes": N} as application/json',
      ko: 'POST /api/like에 application/json으로 {"likes": N}을 답한다',
    }, async () => {
      const answer = await t.browser.send('POST', '/api/like', { headers: { Accept: 'application/json' } });
      if (answer.status !== 200 || answer.type !== 'application/json') fail(hints.json, describe(answer));
      const data = answer.json() as { likes?: unknown };
      if (typeof data !== 'object' || data === null || !Number.isInteger(data.likes) || Object.keys(data).length !== 1) fail(hints.json, `the body is ${answer.text.slice(0, 80)}`);
    });

    await t.check('csrf', {
      en: 'a POST without the CSRF token is refused, on both lanes',
      ko: 'CSRF 토큰 없는 POST는 두 레인 모두 거절된다',
    }, async () => {
      t.need(t.browser.csrf);
      for (const [path, htmx] of [[post, { target: 'div#like-section' }], ['/api/like', undefined]] as const) {
        const answer = await t.browser.send('POST', path, { htmx, noCsrf: true, headers: htmx ? {} : { Accept: 'application/json' } });
        if (answer.status < 400 || answer.status >= 500) fail(hints.csrf, `POST ${path} without a token: ${describe(answer)}`);
      }
    });
  },
};

export default spec;
