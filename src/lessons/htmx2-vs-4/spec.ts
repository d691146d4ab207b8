// Lesson 9's behaviour as checks any server can be held to: two frames, one on htmx 2 and one on htmx 4, and for each
// case what the server must send so that it works under htmx 4: the token, a swappable 422, the headers, the OOB part.
import {
  type Answer, byId, describe, fail, type Html, type HtmlElement, hxAttr, idOf, inside, isDocument, isFragment,
  type LessonSpec, pointedAt, resolvePath, roots, rootWithId, tagged, textIn, textOf, valsOf,
} from '../../kit/spec/index.js';

const hints = {
  frames: {
    en: 'Show the lesson as two frames (<iframe src>): one page that loads htmx 2.x and one that loads htmx 4.x, with the same cases.',
    ko: '레슨을 두 프레임(<iframe src>)으로 보여 주세요: 같은 사례를 담고 htmx 2.x를 불러오는 페이지와 htmx 4.x를 불러오는 페이지.',
  },
  inherit: {
    en: 'In the htmx 4 frame, wrap the second like button in an element with hx-headers:inherited=\'{"X-CSRF-Token": "…"}\': htmx 4 passes a parent\'s hx-headers down only when it says :inherited.',
    ko: 'htmx 4 프레임에서 두 번째 좋아요 버튼을 hx-headers:inherited=\'{"X-CSRF-Token": "…"}\'가 있는 요소로 감싸세요. htmx 4는 :inherited라고 쓴 부모의 hx-headers만 물려줍니다.',
  },
  like: {
    en: 'Answer the like button\'s POST (with its token) with 200 and its section again, as text/html: the root is its hx-target, the count one higher.',
    ko: '좋아요 버튼의 POST(토큰 포함)에 200과 그 섹션을 text/html로 다시 답하세요: 뿌리는 hx-target, 숫자는 하나 증가.',
  },
  aim: {
    en: 'Give the second name form hx-status:422="target:#name-aimed-error", an element of the frame: htmx 4 then puts a 422 answer there instead of the result slot.',
    ko: '두 번째 이름 폼에 hx-status:422="target:#name-aimed-error"(프레임 안의 요소)를 넣으세요. 그러면 htmx 4가 422 응답을 결과 자리 대신 그곳에 넣습니다.',
  },
  status: {
    en: 'Answer an empty name with 422 and a small HTML fragment saying what is wrong (htmx 4 swaps it; htmx 2 drops it), and a good one with 200 and the name.',
    ko: '빈 이름에는 422와 무엇이 잘못됐는지 말하는 작은 HTML 조각으로(htmx 4는 끼워 넣고 htmx 2는 버림), 올바른 이름에는 200과 그 이름으로 답하세요.',
  },
  headers: {
    en: 'Answer the probe with the HX-* headers that came with it, names and values: htmx 4 sends HX-Source and HX-Request-Type, htmx 2 HX-Trigger.',
    ko: '탐침 요청에는 함께 온 HX-* 헤더의 이름과 값을 답하세요. htmx 4는 HX-Source와 HX-Request-Type을, htmx 2는 HX-Trigger를 보냅니다.',
  },
  listen: {
    en: 'Answer the listener probe with the X-Listener header it carried, so the frame shows which event name\'s listener ran.',
    ko: '리스너 탐침 요청에는 담겨 온 X-Listener 헤더를 답해서, 어느 이벤트 이름의 리스너가 실행됐는지 프레임에 보이게 하세요.',
  },
  oob: {
    en: 'Answer "Add an item" with the sentence for its target and, out of band, <span id="item-count" hx-swap-oob="true"> one higher.',
    ko: '"항목 추가"에는 대상에 들어갈 문장과 함께, 대역 외(out of band)로 하나 늘어난 <span id="item-count" hx-swap-oob="true">를 답하세요.',
  },
  csrf: {
    en: 'Refuse (403) every POST of the cases that carries no CSRF token: it is what htmx 4 sends for the first like button.',
    ko: '사례의 POST 중 CSRF 토큰이 없는 것은 모두 403으로 거절하세요. htmx 4가 첫 번째 좋아요 버튼에서 보내는 요청이 바로 그것입니다.',
  },
};

interface Frame {
  major: string;
  path: string;
  html: Html;
}

/** The major version of the htmx a page loads: from its script's URL (`/htmx/2.0.11/`, `htmx.org@4.0.1`, `htmx2.js`). */
function htmxMajor(html: Html): string | undefined {
  for (const el of html.elements) {
    const src = el.tag === 'script' ? el.attrs.src ?? '' : '';
    if (!/htmx/i.test(src)) continue;
    const major = /(\d+)\.\d+\.\d+/.exec(src)?.[1] ?? /htmx-?(\d)\b/i.exec(src)?.[1];
    if (major) return major;
  }
  return undefined;
}

/** The number at the end of an element's text: a like button's "(N)", the item counter's "N". */
function countIn(html: Html, el: HtmlElement): number | undefined {
  const n = /(\d+)\)?\s*$/.exec(textOf(html, el))?.[1];
  return n === undefined ? undefined : Number(n);
}

/** The CSRF header an element's hx-headers:inherited carries, if any. */
function inheritedToken(el: HtmlElement): string | undefined {
  try {
    const headers = JSON.parse(el.attrs['hx-headers:inherited'] ?? 'null') as Record<string, unknown> | null;
    return Object.keys(headers ?? {}).find((name) => /csrf|xsrf/i.test(name));
  } catch {
    return undefined;
  }
}

const spec: LessonSpec = {
  lesson: 'htmx2-vs-4',
  async run(t) {
    const page = await t.openPage(['/lessons/htmx2-vs-4', '/'], /<iframe\b[^>]*\bsrc=/i);

    const frames = await t.check('frames', {
      en: 'the page shows two frames, one running htmx 2 and one htmx 4',
      ko: '페이지에 htmx 2로 도는 프레임과 htmx 4로 도는 프레임이 있다',
    }, async () => {
      const html = t.need(page);
      const found: Record<string, Frame> = {};
      for (const iframe of html.elements.filter((el) => el.tag === 'iframe' && el.attrs.src)) {
        const path = resolvePath(iframe.attrs.src!, '/lessons/htmx2-vs-4');
        const answer = await t.browser.get(path);
        if (answer.status !== 200 || answer.type !== 'text/html' || !isDocument(answer.html())) fail(hints.frames, `frame ${path}: ${describe(answer)}`);
        const major = htmxMajor(answer.html());
        if (major) found[major] = { major, path, html: answer.html() };
      }
      if (!found['2'] || !found['4']) fail(hints.frames, `frames running htmx ${Object.keys(found).join(' and ') || 'none'}`);
      return { v2: found['2'], v4: found['4'] };
    });
    const v4 = frames?.v4;
    /** An element of the htmx 4 frame, and the URL its attribute names, resolved as the frame's htmx would. */
    const inFrame = (frame: Frame | undefined, id: string, attr: string) => {
      const el = frame && byId(frame.html, id);
      const url = el && hxAttr(el, attr);
      return el && url && frame ? { el, url: resolvePath(url, frame.path) } : undefined;
    };

    const like = await t.check('inherit', {
      en: 'in the htmx 4 frame, a like button gets its CSRF token from hx-headers:inherited on an element around it',
      ko: 'htmx 4 프레임에서 좋아요 버튼이 바깥 요소의 hx-headers:inherited로 CSRF 토큰을 받는다',
    }, async () => {
      const frame = t.need(v4);
      const wrappers = frame.html.elements.filter((el) => inheritedToken(el));
      const button = wrappers.flatMap((wrapper) => inside(frame.html, wrapper)).find((el) => el.tag === 'button' && hxAttr(el, 'hx-post') !== undefined && /\(\d+\)/.test(textOf(frame.html, el)));
      if (!button) fail(hints.inherit, wrappers.length ? 'no like button inside an element with hx-headers:inherited' : 'no element with hx-headers:inherited holding a CSRF token');
      const target = pointedAt(frame.html, hxAttr(button, 'hx-target'));
      if (!target) fail(hints.like, `the button's hx-target "${hxAttr(button, 'hx-target') ?? ''}" is not an #id of the frame`);
      return { button, target, post: resolvePath(hxAttr(button, 'hx-post')!, frame.path), count: countIn(frame.html, button) };
    });

    await t.check('like', {
      en: 'the like button\'s POST with the token answers its section again, the count one higher',
      ko: '토큰을 담은 좋아요 POST에 그 섹션을 다시 답하고, 숫자는 하나 증가한다',
    }, async () => {
      const { button, target, post, count } = t.need(like);
      const answer = await t.browser.send('POST', post, { htmx: { target: tagged(target), source: tagged(button) }, form: valsOf(button) });
      const root = answer.status === 200 ? rootWithId(answer, target.attrs.id!) : undefined;
      if (!root) fail(hints.like, describe(answer));
      const shown = countIn(answer.html(), inside(answer.html(), root).find((el) => el.tag === 'button') ?? root);
      if (count === undefined || shown !== count + 1) fail(hints.like, `the frame showed (${count}); the answer shows (${shown ?? 'no count'})`);
    });

    const name = await t.check('aim', {
      en: 'in the htmx 4 frame, hx-status:422 on the second name form aims a 422 at an element of the frame',
      ko: 'htmx 4 프레임에서 두 번째 이름 폼의 hx-status:422가 422 응답을 프레임 안의 요소로 보낸다',
    }, async () => {
      const frame = t.need(v4);
      const forms = frame.html.elements.filter((el) => el.tag === 'form' && hxAttr(el, 'hx-post') !== undefined && inside(frame.html, el).some((field) => field.attrs.name === 'name'));
      if (forms.length === 0) fail(hints.status, 'no form with hx-post and a field called name');
      const for422 = /^(data-)?hx-status:(422|42x|4xx)$/;
      const rule = forms.flatMap((form) => Object.entries(form.attrs)).find(([attr]) => for422.test(attr));
      const slot = rule && /target:\s*(\S+)/.exec(rule[1])?.[1];
      if (!rule || !pointedAt(frame.html, slot)) fail(hints.aim, rule ? `${rule[0]}="${rule[1]}" names no #id of the frame` : 'no name form has hx-status:422');
      return resolvePath(hxAttr(forms[0]!, 'hx-post')!, frame.path);
    });

    await t.check('status', {
      en: 'an empty name answers 422 with a fragment htmx 4 swaps; a good one 200 with the name',
      ko: '빈 이름에는 htmx 4가 끼워 넣을 조각과 함께 422로, 올바른 이름에는 200과 그 이름으로 답한다',
    }, async () => {
      const frame = t.need(v4);
      const post = name ?? inFrame(frame, 'name-plain', 'hx-post')?.url ?? resolvePath('name', frame.path);
      const htmx = { target: 'output#name-plain-result', source: 'form#name-plain' };
      const empty = await t.browser.send('POST', post, { htmx, form: { name: '' } });
      if (empty.status !== 422 || !isFragment(empty) || textIn(empty.text) === '') fail(hints.status, `an empty name: ${describe(empty)}`);
      const good = await t.browser.send('POST', post, { htmx, form: { name: 'Ada Lovelace' } });
      if (good.status !== 200 || !isFragment(good) || !good.text.includes('Ada Lovelace')) fail(hints.status, `a good name: ${describe(good)}`);
    });

    await t.check('headers', {
      en: 'the probe answers the HX-* headers it got: htmx 4\'s HX-Source and HX-Request-Type, htmx 2\'s HX-Trigger',
      ko: '탐침 요청에 받은 HX-* 헤더로 답한다: htmx 4의 HX-Source와 HX-Request-Type, htmx 2의 HX-Trigger',
    }, async () => {
      const { v2: old } = t.need(frames);
      const four = inFrame(t.need(v4), 'probe', 'hx-get') ?? fail(hints.headers, 'the htmx 4 frame has no #probe with hx-get');
      const heard4 = await t.browser.send('GET', four.url, { htmx: { target: 'div#headers-sent', source: 'button#probe' } });
      const listed4 = heard4.text.toLowerCase();
      if (heard4.status !== 200 || !isFragment(heard4) || !listed4.includes('hx-source') || !listed4.includes('button#probe') || !listed4.includes('hx-request-type')) fail(hints.headers, `htmx 4's headers: ${describe(heard4)}`);
      const two = inFrame(old, 'probe', 'hx-get') ?? fail(hints.headers, 'the htmx 2 frame has no #probe with hx-get');
      const heard2 = await t.browser.send('GET', two.url, { headers: { 'HX-Request': 'true', 'HX-Trigger': 'probe', 'HX-Trigger-Name': 'probe', 'HX-Target': 'headers-sent', 'HX-Current-URL': t.browser.url(old.path) } });
      if (heard2.status !== 200 || !heard2.text.toLowerCase().includes('hx-trigger')) fail(hints.headers, `htmx 2's headers: ${describe(heard2)}`);
    });

    await t.check('listen', {
      en: 'the listener probe answers which listener added X-Listener',
      ko: '리스너 탐침 요청에 X-Listener를 추가한 리스너로 답한다',
    }, async () => {
      const listen = inFrame(t.need(v4), 'listen', 'hx-get') ?? fail(hints.listen, 'the htmx 4 frame has no #listen with hx-get');
      const answer = await t.browser.send('GET', listen.url, { htmx: { target: 'div#heard', source: 'button#listen' }, headers: { 'X-Listener': 'htmx:config:request' } });
      if (answer.status !== 200 || !isFragment(answer) || !answer.text.includes('htmx:config:request')) fail(hints.listen, describe(answer));
    });

    await t.check('oob', {
      en: '"Add an item" answers the sentence for its target and the counter one higher, out of band',
      ko: '"항목 추가"에 대상에 들어갈 문장과 하나 늘어난 카운터(대역 외)로 답한다',
    }, async () => {
      const frame = t.need(v4);
      const add = inFrame(frame, 'add-item', 'hx-post') ?? fail(hints.oob, 'the htmx 4 frame has no #add-item with hx-post');
      const counter = byId(frame.html, 'item-count') ?? fail(hints.oob, 'the htmx 4 frame has no #item-count');
      const before = countIn(frame.html, counter);
      const answer = await t.browser.send('POST', add.url, { htmx: { target: `p#${idOf(hxAttr(add.el, 'hx-target')) ?? ''}`, source: 'button#add-item' } });
      if (answer.status !== 200 || !isFragment(answer)) fail(hints.oob, describe(answer));
      const html = answer.html();
      const oob = roots(html).find((el) => el.attrs.id === 'item-count' && el.attrs['hx-swap-oob'] !== undefined);
      if (!oob) fail(hints.oob, 'the answer has no #item-count with hx-swap-oob');
      if (textIn(html.source.slice(0, oob.start) + html.source.slice(oob.end)) === '') fail(hints.oob, 'the answer has nothing for the main target');
      if (before === undefined || countIn(html, oob) !== before + 1) fail(hints.oob, `the counter showed ${before}; the answer's shows ${countIn(html, oob) ?? 'nothing'}`);
    });

    await t.check('csrf', {
      en: 'a POST of the cases without the CSRF token is refused',
      ko: 'CSRF 토큰 없는 사례 POST는 거절된다',
    }, async () => {
      t.need(t.browser.csrf);
      const { button, target, post } = t.need(like);
      const answer = await t.browser.send('POST', post, { htmx: { target: tagged(target), source: tagged(button) }, form: valsOf(button), noCsrf: true });
      if (answer.status < 400 || answer.status >= 500) fail(hints.csrf, `POST ${post} without a token: ${describe(answer)}`);
    });
  },
};

export default spec;
