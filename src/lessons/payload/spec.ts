// Lesson 3's behaviour as checks any server can be held to: one comment sent as flat form fields and as nested JSON.
import { byId, describe, fail, hxAttr, inside, type LessonSpec, pointedAt, rootWithId, swapStyle, textOf, valsOf } from '../../kit/spec/index.js';

const hints = {
  markup: {
    en: 'Inside <div id="payload-htmx-box">, give the form hx-post="/payload/comments", hx-target="#payload-htmx-box" and hx-swap="outerHTML", with a text field and tags checkboxes (views/_comment_box.ejs).',
    ko: '<div id="payload-htmx-box"> 안의 폼에 hx-post="/payload/comments", hx-target="#payload-htmx-box", hx-swap="outerHTML"을 넣고, text 필드와 tags 체크박스를 두세요 (views/_comment_box.ejs).',
  },
  include: {
    en: 'The name field sits outside the form: give the form hx-include="#payload-htmx-name" so htmx sends it too.',
    ko: '이름 필드는 폼 밖에 있습니다. 폼에 hx-include="#payload-htmx-name"을 넣어 htmx가 함께 보내게 하세요.',
  },
  vals: {
    en: 'No field holds the thread: give the form hx-vals=\'{"thread": 3}\' (JSON) so htmx adds it to what it sends.',
    ko: '스레드 번호는 어느 필드에도 없습니다. 폼에 hx-vals=\'{"thread": 3}\' (JSON)을 넣어 htmx가 보내는 값에 더하게 하세요.',
  },
  flat: {
    en: 'A form value is always text: turn thread "3" into the number 3, and one ticked tag (a string) into a list of one, before checkComment.',
    ko: '폼 값은 언제나 문자열입니다. checkComment 전에 thread "3"을 숫자 3으로, 하나만 체크한 태그(문자열)를 항목 하나짜리 목록으로 바꾸세요.',
  },
  comment: {
    en: 'Answer the htmx post with 201 and #payload-htmx-box rendered again as text/html: render(ctx, \'_comment_box\', { ...rules, log }), the new comment listed with its name and tags.',
    ko: 'htmx의 POST에는 201과 다시 렌더링한 #payload-htmx-box를 text/html로 답하세요: render(ctx, \'_comment_box\', { ...rules, log }). 새 댓글이 이름, 태그와 함께 목록에 있어야 합니다.',
  },
  escape: {
    en: 'Show the name and the comment with EJS <%= %>, which escapes them: what someone types must never become markup.',
    ko: '이름과 댓글은 이스케이프하는 EJS <%= %>로 보여 주세요. 누가 무엇을 입력하든 마크업이 되면 안 됩니다.',
  },
  rules: {
    en: 'Check every field with the one set of rules (comments.ts) on both lanes: a tag not on the list, or a number where text belongs, gets a 4xx with a message, never a 2xx or a 500.',
    ko: '두 레인 모두 같은 규칙(comments.ts)으로 모든 필드를 확인하세요. 목록에 없는 태그나 문자열 자리에 온 숫자에는 2xx나 500이 아니라 메시지가 담긴 4xx로 답합니다.',
  },
  json: {
    en: 'Read the nested JSON body (name in body.author, text and tags in body.comment) and answer 201 application/json {"received": the body, "comments": [...]}.',
    ko: '중첩된 JSON 본문을 읽고 (이름은 body.author, 글과 태그는 body.comment 안) 201 application/json {"received": 받은 본문, "comments": [...]}로 답하세요.',
  },
  csrf: { en: 'Refuse (403) a comment that carries no CSRF token, on both lanes.', ko: 'CSRF 토큰이 없는 댓글은 두 레인 모두 403으로 거절하세요.' },
};

const box = 'payload-htmx-box';
const jsonUrl = '/api/payload/comments';
/** What later checks send when the page does not say: the lesson's own URL, thread and tags. */
const lessonPost = '/payload/comments';
const lessonThread = 3;
const lessonTags = ['idea', 'bug'];
const unique = () => Math.random().toString(36).slice(2, 8);

/** JSON text with every object's keys in order: the same value reads the same, however a server wrote its keys. */
function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

const spec: LessonSpec = {
  lesson: 'payload',
  async run(t) {
    const page = await t.openPage(['/lessons/payload', '/'], new RegExp(`id=["']?${box}\\b`));
    const htmx = { target: `div#${box}`, source: 'form' };
    // The htmx lane's form, found apart from its attributes: one missing attribute fails one check only.
    const root = page && byId(page, box);
    const formEl = page && root ? inside(page, root).find((child) => child.tag === 'form') : undefined;
    const tagBoxes = page && formEl ? inside(page, formEl).filter((field) => field.attrs.name === 'tags' && field.attrs.type === 'checkbox') : [];

    await t.check('markup', {
      en: 'the page has #payload-htmx-box holding a form whose hx-post, hx-target and hx-swap point at each other, with text and tags fields',
      ko: '페이지에 #payload-htmx-box가 있고, 그 안 폼의 hx-post, hx-target, hx-swap이 서로 맞물리며 text와 tags 필드가 있다',
    }, async () => {
      const html = t.need(page);
      if (!root) fail(hints.markup, `no element with id="${box}"`);
      const el = formEl ?? fail(hints.markup, `#${box} has no <form>`);
      if (!hxAttr(el, 'hx-post')) fail(hints.markup, 'the form has no hx-post');
      const target = hxAttr(el, 'hx-target');
      if (target !== `#${box}` || swapStyle(el) !== 'outerHTML') fail(hints.markup, `hx-target is ${target ? `"${target}"` : 'missing'}, hx-swap is "${swapStyle(el)}"`);
      const hasText = inside(html, el).some((field) => field.attrs.name === 'text');
      if (!hasText || tagBoxes.length < 2) fail(hints.markup, `the form has ${hasText ? '' : 'no text field and '}${tagBoxes.length} tags checkboxes`);
    });

    await t.check('values', {
      en: 'the form also sends the name field outside it (hx-include) and the thread no field holds (hx-vals)',
      ko: '폼이 바깥의 이름 필드(hx-include)와 어느 필드에도 없는 스레드 번호(hx-vals)도 함께 보낸다',
    }, async () => {
      const html = t.need(page);
      const el = t.need(formEl);
      const ownNames = inside(html, el).map((field) => field.attrs.name);
      const include = hxAttr(el, 'hx-include');
      if (!ownNames.includes('name')) {
        if (!include) fail(hints.include, 'the form has no name field and no hx-include');
        // A selector other than `#id` is taken on trust.
        const picked = pointedAt(html, include);
        if (picked && picked.attrs.name !== 'name' && !inside(html, picked).some((field) => field.attrs.name === 'name')) fail(hints.include, `hx-include="${include}" picks no field named "name"`);
      }
      const raw = hxAttr(el, 'hx-vals');
      if (!('thread' in valsOf(el)) && !ownNames.includes('thread')) fail(hints.vals, raw ? `hx-vals="${raw}" has no thread` : 'the form has no hx-vals');
    });

    // What htmx would send from this form; the lesson's own values where the page does not say, so that a
    // missing attribute fails its own check only.
    const formVals = { thread: String(lessonThread), ...(formEl && valsOf(formEl)) };
    const thread = Number(formVals.thread);
    const tags = tagBoxes.length >= 2 ? tagBoxes.slice(0, 2).map((field) => field.attrs.value ?? 'on') : lessonTags;
    const postUrl = (formEl && hxAttr(formEl, 'hx-post')) ?? lessonPost;
    /** A comment as htmx sends it from the form: flat text fields, a tag per ticked box. */
    const post = (fields: { name: string; text: string; tags: string[] }, noCsrf = false) =>
      t.browser.send('POST', postUrl, { htmx, noCsrf, form: { ...fields, ...formVals } });

    await t.check('flat', {
      en: 'a form post, every value text and one tag ticked (a string, not a list), is taken: 201',
      ko: '값이 모두 문자열이고 태그를 하나만 체크한 (목록이 아닌 문자열) 폼 POST를 받아들인다: 201',
    }, async () => {
      const answer = await post({ name: 'Verify', text: `one tag ${unique()}`, tags: tags.slice(0, 1) });
      if (answer.status !== 201) fail(hints.flat, describe(answer));
    });

    await t.check('comment', {
      en: 'a comment from htmx answers 201 text/html: #payload-htmx-box alone, the new comment in it with its name and both tags',
      ko: 'htmx가 보낸 댓글에 201 text/html로 답한다: #payload-htmx-box 하나, 그 안에 이름과 두 태그를 단 새 댓글',
    }, async () => {
      const comment = { name: `Verify ${unique()}`, text: `two tags ${unique()}`, tags };
      const answer = await post(comment);
      const root = answer.status === 201 && answer.type === 'text/html' ? rootWithId(answer, box) : undefined;
      if (!root) fail(hints.comment, describe(answer));
      const html = answer.html();
      const item = inside(html, root).find((el) => el.tag === 'li' && textOf(html, el).includes(comment.text));
      if (!item) fail(hints.comment, `no <li> in #${box} with the comment "${comment.text}"`);
      const shown = textOf(html, item);
      const missing = [comment.name, ...comment.tags].filter((part) => !shown.includes(part));
      if (missing.length) fail(hints.comment, `the new comment does not show ${missing.join(', ')}: ${shown}`);
    });

    await t.check('escape', {
      en: 'a name and a comment written like HTML come back as the text typed, not as markup',
      ko: 'HTML처럼 쓴 이름과 댓글이 마크업이 아니라 입력한 글자 그대로 돌아온다',
    }, async () => {
      const comment = { name: '<b>Ana</b>', text: `<img src=x data-verify="${unique()}">`, tags: [] };
      const answer = await post(comment);
      const root = answer.status === 201 ? rootWithId(answer, box) : undefined;
      if (!root) fail(hints.comment, describe(answer));
      const html = answer.html();
      if (html.elements.some((el) => el.tag === 'img' || el.tag === 'b' || 'data-verify' in el.attrs)) fail(hints.escape, 'what was typed became an element in the answer');
      const item = inside(html, root).find((el) => el.tag === 'li' && textOf(html, el).includes(comment.text));
      if (!item || !textOf(html, item).includes(comment.name)) fail(hints.escape, `the comment is not shown as typed: ${comment.name} ${comment.text}`);
    });

    await t.check('rules', {
      en: 'a comment that breaks the rules gets a 4xx on both lanes: a tag not on the list, a number for a name',
      ko: '규칙을 어긴 댓글에는 두 레인 모두 4xx로 답한다: 목록에 없는 태그, 이름 자리의 숫자',
    }, async () => {
      const badTag = await post({ name: 'Verify', text: 'bad tag', tags: ['not-a-tag'] });
      if (badTag.status < 400 || badTag.status >= 500) fail(hints.rules, `a tag not on the list: ${describe(badTag)}`);
      const numberName = await t.browser.send('POST', jsonUrl, { json: { thread, author: { name: 42 }, comment: { text: 'a number for a name', tags: [] } } });
      if (numberName.status < 400 || numberName.status >= 500) fail(hints.rules, `a number for a name: ${describe(numberName)}`);
    });

    await t.check('json', {
      en: `POST ${jsonUrl} takes a nested object and answers 201 application/json: what it received, and the comments`,
      ko: `POST ${jsonUrl}가 중첩된 객체를 받아 201 application/json으로 받은 값과 댓글 목록을 답한다`,
    }, async () => {
      const body = { thread, author: { name: `Verify ${unique()}` }, comment: { text: `json ${unique()}`, tags } };
      const answer = await t.browser.send('POST', jsonUrl, { json: body });
      if (answer.status !== 201 || answer.type !== 'application/json') fail(hints.json, describe(answer));
      const data = answer.json() as { received?: unknown; comments?: unknown };
      if (canonical(data.received) !== canonical(body)) fail(hints.json, `"received" is ${JSON.stringify(data.received) ?? 'missing'}, not the body sent`);
      const comments = Array.isArray(data.comments) ? (data.comments as Array<Record<string, unknown>>) : [];
      const mine = comments.find((c) => c.text === body.comment.text && c.name === body.author.name);
      if (!mine || !Array.isArray(mine.tags) || tags.some((tag) => !(mine.tags as unknown[]).includes(tag))) fail(hints.json, `"comments" has no {"name", "text", "tags"} for the comment sent: ${answer.text.slice(0, 120)}`);
    });

    await t.check('csrf', { en: 'a comment without the CSRF token is refused, on both lanes', ko: 'CSRF 토큰 없는 댓글은 두 레인 모두 거절된다' }, async () => {
      t.need(t.browser.csrf);
      const fromHtmx = await post({ name: 'Verify', text: 'no token', tags: [] }, true);
      if (fromHtmx.status < 400 || fromHtmx.status >= 500) fail(hints.csrf, `the htmx lane: ${describe(fromHtmx)}`);
      const fromJson = await t.browser.send('POST', jsonUrl, { json: { thread, author: { name: 'Verify' }, comment: { text: 'no token', tags: [] } }, noCsrf: true });
      if (fromJson.status < 400 || fromJson.status >= 500) fail(hints.csrf, `the JSON lane: ${describe(fromJson)}`);
    });
  },
};

export default spec;
