// Lesson 6's behaviour as checks any server can be held to: one answer updates the list and the badge.
import { byId, describe, fail, hxAttr, inside, type LessonSpec, roots, rootWithId, textOf, type Answer } from '../../kit/spec/index.js';

const hints = {
  markup: {
    en: 'The page needs the form #oob-form-htmx (hx-post, hx-swap="outerHTML"), the list #oob-list-htmx and the badge #oob-count-htmx.',
    ko: '페이지에 폼 #oob-form-htmx (hx-post, hx-swap="outerHTML"), 목록 #oob-list-htmx, 배지 #oob-count-htmx가 있어야 합니다.',
  },
  add: {
    en: 'Answer an added item with a fresh #oob-form-htmx, plus out of band: the new <li> (hx-swap-oob="beforeend:#oob-list-htmx") and #oob-count-htmx (hx-swap-oob="true") one higher.',
    ko: '항목 추가에는 새 #oob-form-htmx와 함께, 대역 외(out of band)로 새 <li> (hx-swap-oob="beforeend:#oob-list-htmx")와 하나 늘어난 #oob-count-htmx (hx-swap-oob="true")를 답하세요.',
  },
  remove: {
    en: 'Give each item\'s ✕ button hx-delete, and answer the DELETE with only the badge, out of band, one lower.',
    ko: '항목마다 ✕ 버튼에 hx-delete를 두고, DELETE에는 하나 줄어든 배지만 대역 외로 답하세요.',
  },
  empty: {
    en: 'Answer an empty item with 422 and the form again, its field marked aria-invalid="true" with the message; nothing else changes.',
    ko: '빈 항목에는 422와 함께 폼을 다시 답하고, 필드에 aria-invalid="true"와 메시지를 표시하세요. 다른 것은 바뀌지 않습니다.',
  },
  json: {
    en: 'Answer POST /api/oob/items with 201 {"item": {"id", "text"}, "count"} and DELETE /api/oob/items/<id> with {"count"}, as application/json.',
    ko: 'POST /api/oob/items에 201 {"item": {"id", "text"}, "count"}, DELETE /api/oob/items/<id>에 {"count"}를 application/json으로 답하세요.',
  },
  csrf: { en: 'Refuse (403) an item that carries no CSRF token.', ko: 'CSRF 토큰이 없는 항목 추가는 403으로 거절하세요.' },
};

/** The out-of-band badge in an answer, and the number it shows. */
function badgeIn(answer: Answer): number | undefined {
  const badge = roots(answer.html()).find((el) => el.attrs.id === 'oob-count-htmx' && el.attrs['hx-swap-oob'] !== undefined);
  return badge ? Number(textOf(answer.html(), badge)) : undefined;
}

const spec: LessonSpec = {
  lesson: 'oob',
  async run(t) {
    const page = await t.openPage(['/lessons/oob', '/'], /id=["']?oob-list-htmx\b/);
    const htmx = { target: 'form#oob-form-htmx', source: 'form#oob-form-htmx' };
    const text = `verify ${Math.random().toString(36).slice(2, 8)}`;

    const start = await t.check('markup', {
      en: 'the page has the form, the list and the badge of the htmx lane',
      ko: '페이지에 htmx 레인의 폼, 목록, 배지가 있다',
    }, async () => {
      const html = t.need(page);
      const form = byId(html, 'oob-form-htmx');
      const badge = byId(html, 'oob-count-htmx');
      if (!form || !byId(html, 'oob-list-htmx') || !badge) fail(hints.markup, 'missing one of #oob-form-htmx, #oob-list-htmx, #oob-count-htmx');
      const post = hxAttr(form, 'hx-post') ?? fail(hints.markup, 'the form has no hx-post');
      if (hxAttr(form, 'hx-swap')?.split(/\s+/)[0] !== 'outerHTML') fail(hints.markup, `hx-swap="${hxAttr(form, 'hx-swap') ?? ''}"`);
      return { post, count: Number(textOf(html, badge)) };
    });

    const added = await t.check('add', {
      en: 'adding an item answers the fresh form, the new <li> and the badge one higher, the last two out of band',
      ko: '항목을 추가하면 새 폼, 새 <li>, 하나 늘어난 배지로 답하고, 뒤의 둘은 대역 외로 온다',
    }, async () => {
      const { post, count } = t.need(start);
      const answer = await t.browser.send('POST', post, { htmx, form: { text } });
      if (answer.status >= 300 || !rootWithId(answer, 'oob-form-htmx')) fail(hints.add, describe(answer));
      const list = roots(answer.html()).find((el) => (el.attrs['hx-swap-oob'] ?? '').includes('#oob-list-htmx'));
      const item = list && inside(answer.html(), list).find((el) => el.tag === 'li' && textOf(answer.html(), el).includes(text));
      if (!item) fail(hints.add, 'no out-of-band <li> for #oob-list-htmx with the new text');
      if (badgeIn(answer) !== count + 1) fail(hints.add, `the badge showed ${count}; the answer's out-of-band badge shows ${badgeIn(answer) ?? 'nothing'}`);
      const remove = inside(answer.html(), item).map((el) => hxAttr(el, 'hx-delete')).find(Boolean);
      return { remove, count: count + 1 };
    });

    await t.check('remove', {
      en: 'the item\'s ✕ button (hx-delete) answers the badge one lower, out of band',
      ko: '항목의 ✕ 버튼(hx-delete)에 하나 줄어든 배지를 대역 외로 답한다',
    }, async () => {
      const { remove, count } = t.need(added);
      if (!remove) fail(hints.remove, 'the new <li> has no button with hx-delete');
      const answer = await t.browser.send('DELETE', remove, { htmx: { source: 'button' } });
      if (answer.status !== 200 || badgeIn(answer) !== count - 1) fail(hints.remove, describe(answer));
    });

    await t.check('empty', {
      en: 'an empty item answers 422 with the form again, the field marked',
      ko: '빈 항목에 422와 표시된 필드를 담은 폼으로 다시 답한다',
    }, async () => {
      const answer = await t.browser.send('POST', t.need(start).post, { htmx, form: { text: '   ' } });
      const root = answer.status === 422 ? rootWithId(answer, 'oob-form-htmx') : undefined;
      if (!root || !inside(answer.html(), root).some((el) => el.attrs['aria-invalid'] === 'true')) fail(hints.empty, describe(answer));
    });

    await t.check('json', {
      en: 'POST /api/oob/items answers {"item", "count"}, and DELETE the item {"count"}, as application/json',
      ko: 'POST /api/oob/items에 {"item", "count"}, 그 항목의 DELETE에 {"count"}를 application/json으로 답한다',
    }, async () => {
      const answer = await t.browser.send('POST', '/api/oob/items', { json: { text } });
      const data = answer.type === 'application/json' ? (answer.json() as { item?: { id?: unknown; text?: unknown }; count?: unknown }) : {};
      if (answer.status !== 201 || data.item?.text !== text || !Number.isInteger(data.count)) fail(hints.json, describe(answer));
      const removed = await t.browser.send('DELETE', `/api/oob/items/${encodeURIComponent(String(data.item!.id))}`, { headers: { Accept: 'application/json' } });
      const left = removed.type === 'application/json' ? (removed.json() as { count?: unknown }).count : undefined;
      if (removed.status !== 200 || left !== (data.count as number) - 1) fail(hints.json, `DELETE: ${describe(removed)}`);
    });

    await t.check('csrf', { en: 'an item without the CSRF token is refused', ko: 'CSRF 토큰 없는 항목 추가는 거절된다' }, async () => {
      t.need(t.browser.csrf);
      const answer = await t.browser.send('POST', t.need(start).post, { htmx, form: { text }, noCsrf: true });
      if (answer.status < 400 || answer.status >= 500) fail(hints.csrf, describe(answer));
    });
  },
};

export default spec;
