// Lesson 7's behaviour as checks any server can be held to: the news button's loading and failure attributes, its
// fragment, the one-shot 500 on each lane (an error page for htmx, a JSON error for the script), CSRF on the switches.
import {
  type Answer, byId, control, describe, enclosing, fail, type Html, type HtmlElement, hxAttr, idOf, inside, isFragment,
  type LessonSpec, pointedAt, rootWithId, roots, swapStyle, textOf,
} from '../../kit/spec/index.js';

const hints = {
  target: {
    en: 'Give the htmx lane\'s button hx-get="/failure/news" and hx-target="#htmx-news", the element the news goes into.',
    ko: 'htmx 레인의 버튼에 hx-get="/failure/news"와 hx-target="#htmx-news"(소식이 들어갈 요소)를 넣으세요.',
  },
  loading: {
    en: 'Give the button hx-indicator="#htmx-news-loading" (shown while the request is out) and hx-disable="this" (htmx 2 called it hx-disabled-elt).',
    ko: '버튼에 hx-indicator="#htmx-news-loading"(요청 중에 보임)과 hx-disable="this"(htmx 2의 hx-disabled-elt)를 넣으세요.',
  },
  status: {
    en: 'htmx 4 swaps a 500 page into the lane: give the button hx-status:5xx="swap:none", and let htmx:response:error say what went wrong.',
    ko: 'htmx 4는 500 페이지도 레인에 끼워 넣습니다. 버튼에 hx-status:5xx="swap:none"을 넣고, 무엇이 잘못됐는지는 htmx:response:error가 알리게 하세요.',
  },
  fragment: {
    en: 'Answer GET /failure/news from htmx with 200 and the _news partial as text/html: the headline with a <time datetime>, no page around it.',
    ko: 'htmx가 보낸 GET /failure/news에 200과 _news 조각을 text/html로 답하세요: <time datetime>과 헤드라인, 페이지 없이.',
  },
  noHtmx: {
    en: 'Check the HX-Request header: htmx gets the _news fragment, the address bar the whole page (renderPage). Add Vary: HX-Request.',
    ko: 'HX-Request 헤더를 확인하세요. htmx에게는 _news 조각을, 주소창에는 페이지 전체(renderPage)를 주세요. Vary: HX-Request도 붙이세요.',
  },
  json: {
    en: 'Answer GET /api/failure/news with 200, application/json and {"headline": "…", "publishedAt": "<an ISO date>"}.',
    ko: 'GET /api/failure/news에 200, application/json, {"headline": "…", "publishedAt": "<ISO 날짜>"}로 답하세요.',
  },
  strip: {
    en: 'Put the switch strip on the page: a form with hx-post (or action) holding a button name="fail" value="once".',
    ko: '스위치 띠를 페이지에 두세요: hx-post(또는 action)가 있는 폼 안에 name="fail" value="once"인 버튼.',
  },
  htmxError: {
    en: 'With "500 on the next request" on, answer the next GET /failure/news with 500 and an HTML body (the error page), once; the request after it answers 200.',
    ko: '"다음 요청에 500"이 켜져 있으면 다음 GET /failure/news에 500과 HTML 본문(오류 페이지)으로 한 번 답하고, 그다음 요청에는 200으로 답하세요.',
  },
  jsonError: {
    en: 'With "500 on the next request" on, answer the next GET /api/failure/news with 500 and the error as JSON ({"error": {…}}, application/json), once.',
    ko: '"다음 요청에 500"이 켜져 있으면 다음 GET /api/failure/news에 500과 JSON 오류({"error": {…}}, application/json)로 한 번 답하세요.',
  },
  csrf: {
    en: 'Refuse (403) a switch-strip POST that carries no CSRF token, before it flips anything.',
    ko: 'CSRF 토큰이 없는 스위치 POST는 아무것도 바꾸기 전에 403으로 거절하세요.',
  },
};

/** The lane's button: the first one in the nearest element around the news slot that holds a button. */
function newsButton(html: Html, slot: HtmlElement): HtmlElement | undefined {
  const around = html.elements.filter((el) => el.start < slot.start && el.end >= slot.end).reverse();
  for (const outer of around) {
    const button = inside(html, outer).find((el) => el.tag === 'button');
    if (button) return button;
  }
  return undefined;
}

/** A news item as htmx would swap it: a fragment with a headline and a <time datetime> that parses. */
function isNewsFragment(answer: Answer): boolean {
  if (answer.status !== 200 || !isFragment(answer)) return false;
  const html = answer.html();
  const time = html.elements.find((el) => el.tag === 'time' && !Number.isNaN(Date.parse(el.attrs.datetime ?? '')));
  return time !== undefined && roots(html).some((root) => textOf(html, root).replace(textOf(html, time), '').trim() !== '');
}

const newsPath = '/api/failure/news';

const spec: LessonSpec = {
  lesson: 'failure',
  async run(t) {
    const page = await t.openPage(['/lessons/failure', '/'], /id=["']?htmx-news\b/);
    const slot = page && byId(page, 'htmx-news');
    const button = page && slot ? newsButton(page, slot) : undefined;
    const htmx = { target: 'div#htmx-news', source: 'button' };
    const getJson = () => t.browser.send('GET', newsPath, { headers: { Accept: 'application/json' } });

    const hxGet = await t.check('markup', {
      en: 'the news button\'s hx-get and hx-target point at the page\'s #htmx-news',
      ko: '소식 버튼의 hx-get과 hx-target이 페이지의 #htmx-news를 가리킨다',
    }, async () => {
      t.need(page);
      if (!slot) fail(hints.target, 'no element with id="htmx-news"');
      if (!button) fail(hints.target, 'no <button> around #htmx-news');
      const url = hxAttr(button, 'hx-get') ?? fail(hints.target, 'the button has no hx-get');
      const target = hxAttr(button, 'hx-target');
      if (idOf(target) !== 'htmx-news') fail(hints.target, `hx-target is ${target === undefined ? 'missing' : `"${target}"`}`);
      return url;
    });
    // Later checks ask the lesson's URL when the button names none, so one missing attribute fails one check only.
    const get = page ? hxGet ?? '/failure/news' : undefined;

    await t.check('loading', {
      en: 'while the request is out, hx-indicator shows an element of the page and hx-disable disables the button',
      ko: '요청 중에는 hx-indicator가 페이지의 요소를 보이고 hx-disable이 버튼을 막는다',
    }, async () => {
      const html = t.need(page);
      const el = t.need(button);
      const indicator = hxAttr(el, 'hx-indicator');
      if (!pointedAt(html, indicator)) fail(hints.loading, `hx-indicator is ${indicator === undefined ? 'missing' : `"${indicator}", not an #id on the page`}`);
      if (hxAttr(el, 'hx-disable') === undefined) fail(hints.loading, hxAttr(el, 'hx-disabled-elt') !== undefined ? 'hx-disabled-elt is htmx 2\'s name: htmx 4 ignores it' : 'the button has no hx-disable');
    });

    await t.check('status', {
      en: 'the button says what to do with a 5xx answer (hx-status:5xx), which htmx 4 would swap into the lane',
      ko: '버튼이 5xx 응답을 어떻게 할지 말한다 (hx-status:5xx). 안 그러면 htmx 4가 레인에 끼워 넣는다',
    }, async () => {
      const el = t.need(button);
      const rule = Object.entries(el.attrs).find(([name]) => /^(data-)?hx-status:5(xx|\dx|\d\d)$/i.test(name));
      if (!rule) fail(hints.status, 'the button has no hx-status:5xx');
      if (!/swap:\s*none|target:/.test(rule[1])) fail(hints.status, `${rule[0]}="${rule[1]}" still swaps the error page into #htmx-news`);
    });

    await t.check('fragment', {
      en: 'GET with HX-Request answers text/html: the news item alone, to go inside #htmx-news',
      ko: 'HX-Request를 담은 GET에 text/html로 답한다: #htmx-news 안에 들어갈 소식 하나',
    }, async () => {
      const answer = await t.browser.send('GET', t.need(get), { htmx });
      if (!isNewsFragment(answer)) fail(hints.fragment, describe(answer));
      const wrapped = rootWithId(answer, 'htmx-news') !== undefined;
      if (wrapped !== (button !== undefined && swapStyle(button) === 'outerHTML')) fail(hints.fragment, wrapped ? 'the answer is a whole #htmx-news: swapped inside, it would nest' : 'hx-swap="outerHTML" needs #htmx-news as the root');
    });

    await t.check('no-htmx', {
      en: 'the same GET without HX-Request does not answer a bare fragment',
      ko: 'HX-Request 없는 같은 GET에는 조각만 답하지 않는다',
    }, async () => {
      const answer = await t.browser.get(t.need(get));
      if (answer.status < 300 && isFragment(answer)) fail(hints.noHtmx, `the address bar got the fragment: ${describe(answer)}`);
    });

    await t.check('json', {
      en: `GET ${newsPath} answers {"headline", "publishedAt"} as application/json`,
      ko: `GET ${newsPath}에 application/json으로 {"headline", "publishedAt"}을 답한다`,
    }, async () => {
      const answer = await getJson();
      if (answer.status !== 200 || answer.type !== 'application/json') fail(hints.json, describe(answer));
      const news = answer.json() as { headline?: unknown; publishedAt?: unknown };
      if (typeof news?.headline !== 'string' || !news.headline || typeof news.publishedAt !== 'string' || Number.isNaN(Date.parse(news.publishedAt))) fail(hints.json, `the body is ${answer.text.slice(0, 120)}`);
    });

    // The strip's "500 on the next request" button, as the learner would press it: the 500 fires once, then it is off again.
    const strip = page && control(page, 'fail', 'once');
    const stripForm = page && strip && enclosing(page, strip, 'form');
    const stripUrl = stripForm && (hxAttr(stripForm, 'hx-post') ?? stripForm.attrs.action);
    const flip = (value: 'once' | 'off', noCsrf = false) => t.browser.send('POST', t.need(stripUrl), {
      form: { fail: value }, noCsrf, htmx: { target: stripForm?.attrs.id ? `form#${stripForm.attrs.id}` : undefined, source: 'button#switch-fail' },
    });
    /** Arms the 500, asks `request`, and switches it off again if that request did not use it up. */
    const withFailure = async (request: () => Promise<Answer>, hint: typeof hints.htmxError): Promise<Answer> => {
      if (!stripUrl) fail(hints.strip, 'no form holding name="fail" value="once" with hx-post or action');
      const armed = await flip('once');
      if (armed.status >= 400) fail(hints.strip, `arming the 500: ${describe(armed)}`);
      const answer = await request();
      if (answer.status < 500) {
        await flip('off');
        fail(hint, `the first request after arming: ${describe(answer)}`);
      }
      const next = await request();
      if (next.status !== 200) fail(hint, `the one after it: ${describe(next)}`);
      return answer;
    };

    await t.check('error-htmx', {
      en: 'with the 500 switched on, the htmx request answers 500 with an HTML body, once',
      ko: '500 스위치를 켜면 htmx 요청에 HTML 본문과 함께 500으로 한 번 답한다',
    }, async () => {
      const url = t.need(get);
      const answer = await withFailure(() => t.browser.send('GET', url, { htmx }), hints.htmxError);
      if (answer.type !== 'text/html' || answer.text.trim() === '') fail(hints.htmxError, describe(answer));
    });

    await t.check('error-json', {
      en: `with the 500 switched on, GET ${newsPath} answers 500 with a JSON error, once`,
      ko: `500 스위치를 켜면 GET ${newsPath}에 JSON 오류와 함께 500으로 한 번 답한다`,
    }, async () => {
      t.need(page);
      const answer = await withFailure(getJson, hints.jsonError);
      const body = answer.type === 'application/json' ? answer.json() as { error?: unknown } : undefined;
      if (typeof body?.error !== 'object' && typeof body?.error !== 'string') fail(hints.jsonError, describe(answer));
    });

    await t.check('csrf', {
      en: 'a switch-strip POST without the CSRF token is refused',
      ko: 'CSRF 토큰 없는 스위치 POST는 거절된다',
    }, async () => {
      t.need(t.browser.csrf);
      // "off" changes nothing now: were it wrongly taken, the visitor's switches stay as they were.
      const answer = await flip('off', true);
      if (answer.status < 400 || answer.status >= 500) fail(hints.csrf, `POST ${stripUrl} without a token: ${describe(answer)}`);
    });
  },
};

export default spec;
