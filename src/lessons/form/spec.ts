// Lesson 4's behaviour as checks any server can be held to: the server validates, and answers the form itself.
import { byId, describe, fail, hxAttr, inside, isDocument, type LessonSpec, rootWithId, textOf } from '../../kit/spec/index.js';

const hints = {
  markup: {
    en: 'Inside <div id="signup-htmx">, give the form hx-post, hx-target="#signup-htmx" and hx-swap="outerHTML", and fields named name, email and password.',
    ko: '<div id="signup-htmx"> 안의 폼에 hx-post, hx-target="#signup-htmx", hx-swap="outerHTML"과 name, email, password 필드를 두세요.',
  },
  invalid: {
    en: 'For a bad sign-up from htmx, answer 422 with #signup-htmx again: what was typed, and each bad field marked aria-invalid="true" with its message.',
    ko: 'htmx가 보낸 잘못된 가입에는 422와 #signup-htmx를 다시 답하세요: 입력한 값, 그리고 잘못된 필드마다 aria-invalid="true"와 메시지.',
  },
  noScript: {
    en: 'Without HX-Request (JavaScript off), answer the same bad sign-up with the whole page (422), not the fragment.',
    ko: 'HX-Request가 없으면 (JavaScript 꺼짐) 같은 잘못된 가입에 조각이 아니라 페이지 전체(422)로 답하세요.',
  },
  valid: {
    en: 'For a good sign-up from htmx, answer 201 with #signup-htmx welcoming the new name.',
    ko: 'htmx가 보낸 올바른 가입에는 201과 새 이름을 맞이하는 #signup-htmx로 답하세요.',
  },
  json: {
    en: 'Answer POST /api/form/signups as JSON: 422 {"errors": {"field": "message"}} for a bad one, 201 {"user": {...}} for a good one.',
    ko: 'POST /api/form/signups에 JSON으로 답하세요: 잘못되면 422 {"errors": {"필드": "메시지"}}, 올바르면 201 {"user": {...}}.',
  },
  csrf: { en: 'Refuse (403) a sign-up that carries no CSRF token.', ko: 'CSRF 토큰이 없는 가입은 403으로 거절하세요.' },
};

const bad = { name: '', email: 'not-an-email', password: 'short' };
/** A name nobody has taken yet: the check signs up once per lane, as the form's button would. */
const goodOne = () => {
  const name = `verify${Math.random().toString(36).slice(2, 10)}`;
  return { name, email: `${name}@example.com`, password: 'correct horse battery' };
};

const spec: LessonSpec = {
  lesson: 'form',
  async run(t) {
    const page = await t.openPage(['/lessons/form', '/'], /id=["']?signup-htmx\b/);
    const htmx = { target: 'div#signup-htmx', source: 'form' };

    const postUrl = await t.check('markup', {
      en: 'the page has #signup-htmx holding a form whose hx-post, hx-target and hx-swap point at each other',
      ko: '페이지의 #signup-htmx 안 폼의 hx-post, hx-target, hx-swap이 서로 맞물린다',
    }, async () => {
      const html = t.need(page);
      const root = byId(html, 'signup-htmx') ?? fail(hints.markup, 'no element with id="signup-htmx"');
      const form = inside(html, root).find((el) => el.tag === 'form') ?? fail(hints.markup, '#signup-htmx has no <form>');
      const names = inside(html, form).map((el) => el.attrs.name);
      const missing = ['name', 'email', 'password'].filter((name) => !names.includes(name));
      if (hxAttr(form, 'hx-target') !== '#signup-htmx' || hxAttr(form, 'hx-swap')?.split(/\s+/)[0] !== 'outerHTML' || missing.length > 0) {
        fail(hints.markup, `hx-target="${hxAttr(form, 'hx-target') ?? ''}" hx-swap="${hxAttr(form, 'hx-swap') ?? ''}"${missing.length ? `, no field ${missing.join(', ')}` : ''}`);
      }
      return hxAttr(form, 'hx-post') ?? fail(hints.markup, 'the form has no hx-post');
    });

    await t.check('invalid', {
      en: 'a bad sign-up from htmx answers 422 with the form again, the bad fields marked',
      ko: 'htmx의 잘못된 가입에 422와 표시된 잘못된 필드를 담은 폼으로 다시 답한다',
    }, async () => {
      const answer = await t.browser.send('POST', t.need(postUrl), { htmx, form: bad });
      const root = answer.status === 422 ? rootWithId(answer, 'signup-htmx') : undefined;
      if (!root) fail(hints.invalid, describe(answer));
      const invalid = inside(answer.html(), root).filter((el) => el.attrs['aria-invalid'] === 'true').map((el) => el.attrs.name);
      if (!invalid.includes('email') || !invalid.includes('password')) fail(hints.invalid, `fields marked aria-invalid: ${invalid.join(', ') || 'none'}`);
    });

    await t.check('no-script', {
      en: 'the same bad sign-up without HX-Request answers a whole page',
      ko: 'HX-Request 없는 같은 잘못된 가입에는 페이지 전체로 답한다',
    }, async () => {
      const answer = await t.browser.send('POST', t.need(postUrl), { form: bad });
      if (answer.status !== 422 || answer.type !== 'text/html' || !isDocument(answer.html())) fail(hints.noScript, describe(answer));
    });

    await t.check('valid', {
      en: 'a good sign-up from htmx answers 201 with a welcome',
      ko: 'htmx의 올바른 가입에 201과 환영 인사로 답한다',
    }, async () => {
      const user = goodOne();
      const answer = await t.browser.send('POST', t.need(postUrl), { htmx, form: user });
      const root = answer.status === 201 ? rootWithId(answer, 'signup-htmx') : undefined;
      if (!root || !textOf(answer.html(), root).includes(user.name)) fail(hints.valid, describe(answer));
    });

    await t.check('json', {
      en: 'POST /api/form/signups answers 422 {"errors"} or 201 {"user"} as application/json',
      ko: 'POST /api/form/signups에 application/json으로 422 {"errors"} 또는 201 {"user"}를 답한다',
    }, async () => {
      const refused = await t.browser.send('POST', '/api/form/signups', { json: bad });
      const errors = refused.type === 'application/json' ? (refused.json() as { errors?: Record<string, unknown> }).errors : undefined;
      if (refused.status !== 422 || typeof errors?.email !== 'string') fail(hints.json, `bad sign-up: ${describe(refused)}`);
      const accepted = await t.browser.send('POST', '/api/form/signups', { json: goodOne() });
      const user = accepted.type === 'application/json' ? (accepted.json() as { user?: unknown }).user : undefined;
      if (accepted.status !== 201 || typeof user !== 'object') fail(hints.json, `good sign-up: ${describe(accepted)}`);
    });

    await t.check('csrf', { en: 'a sign-up without the CSRF token is refused', ko: 'CSRF 토큰 없는 가입은 거절된다' }, async () => {
      t.need(t.browser.csrf);
      const answer = await t.browser.send('POST', t.need(postUrl), { htmx, form: goodOne(), noCsrf: true });
      if (answer.status < 400 || answer.status >= 500) fail(hints.csrf, describe(answer));
    });
  },
};

export default spec;
