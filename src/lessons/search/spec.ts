// Lesson 5's behaviour as checks any server can be held to: the search box's declared timing, its fragment and its twins.
import { type Answer, byId, describe, fail, type Html, hxAttr, idOf, inside, isDocument, isFragment, type LessonSpec, pointedAt, roots, swapStyle, textOf } from '../../kit/spec/index.js';

const hints = {
  input: {
    en: 'Give the htmx lane a search box: <input type="search" name="q"> with hx-get="/search/" (views/htmx.ejs).',
    ko: 'htmx 레인에 검색창을 두세요: hx-get="/search/"가 있는 <input type="search" name="q"> (views/htmx.ejs).',
  },
  target: {
    en: 'Give the box hx-target="#search-results", the element the results go into, and leave hx-swap at its default (innerHTML).',
    ko: '검색창에 hx-target="#search-results"를 넣으세요. 결과가 들어갈 요소이고, hx-swap은 기본값(innerHTML) 그대로 둡니다.',
  },
  trigger: {
    en: 'Give the box hx-trigger="input delay:300ms, search": one request when typing pauses, not one per key (and at once on Enter or ✕).',
    ko: '검색창에 hx-trigger="input delay:300ms, search"를 넣으세요. 키마다가 아니라 입력이 멈출 때 한 번 요청합니다 (Enter나 ✕에는 바로).',
  },
  sync: {
    en: 'Give the box hx-sync="this:replace": a new search aborts the one still on the wire, so a late answer never lands.',
    ko: '검색창에 hx-sync="this:replace"를 넣으세요. 새 검색이 아직 오가는 요청을 취소하므로 늦게 온 응답이 화면을 덮지 않습니다.',
  },
  indicator: {
    en: 'Give the box hx-indicator="#htmx-search-indicator", pointing at the "Searching…" label on the page.',
    ko: '검색창에 hx-indicator="#htmx-search-indicator"를 넣어 페이지의 "검색 중…" 표시를 가리키세요.',
  },
  route: {
    en: 'Answer GET /search/?q= from htmx with 200 and the _results partial alone as text/html: ctx.body = render(ctx, \'_results\', results).',
    ko: 'htmx가 보낸 GET /search/?q=에는 200과 _results 조각만 text/html로 답하세요: ctx.body = render(ctx, \'_results\', results).',
  },
  results: {
    en: 'List each matching country in its own <li>, the part that matches the query in <mark>, and no country that does not match.',
    ko: '맞는 나라마다 <li> 하나에 담고, 검색어와 맞는 부분은 <mark>로 감싸세요. 맞지 않는 나라는 넣지 마세요.',
  },
  noHtmx: {
    en: 'Check the HX-Request header: only htmx gets the bare fragment; the address bar gets the whole page, results included (renderPage). Both say Vary: HX-Request (ctx.vary).',
    ko: 'HX-Request 헤더를 확인하세요. htmx에게만 조각을 주고, 주소창에는 결과가 담긴 페이지 전체(renderPage)를 주세요. 두 응답 모두 Vary: HX-Request를 붙입니다 (ctx.vary).',
  },
  escape: {
    en: 'Say that nothing matches, with the query in it as text: EJS <%= %> escapes it (<%- %> would let a query become markup).',
    ko: '맞는 나라가 없다고, 검색어를 글자 그대로 넣어 알려 주세요. EJS <%= %>가 이스케이프합니다 (<%- %>면 검색어가 마크업이 됩니다).',
  },
  json: {
    en: 'Answer GET /api/search?q= with 200, application/json and {"query", "total", "countries": [{"en", "ko", "match": {"en": [start, end]}}]}.',
    ko: 'GET /api/search?q=에 200, application/json, {"query", "total", "countries": [{"en", "ko", "match": {"en": [시작, 끝]}}]}로 답하세요.',
  },
};

/** A query two countries match (North and South Korea), and a country it does not. */
const query = 'kor';
const notMatching = 'France';
/** A query a careless template would turn into an element: it must come back as the text typed. */
const hostile = '<img src=x data-verify="q">';

const lower = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const spec: LessonSpec = {
  lesson: 'search',
  async run(t) {
    // Searching changes nothing: the page needs no CSRF token, and no request here sends one.
    const page = await t.openPage(['/lessons/search', '/'], /id=["']?search-results\b/, { csrf: false });
    const htmx = { target: 'div#search-results', source: 'input#htmx-search-input' };
    // The search box: the input with hx-get, else the lesson's own, so that a missing hx-get fails one check only.
    const box = page && (page.elements.find((el) => el.tag === 'input' && hxAttr(el, 'hx-get') !== undefined) ?? byId(page, 'htmx-search-input'));

    const searchUrl = await t.check('markup', {
      en: 'the page has a search box named q whose hx-get and hx-target point at #search-results',
      ko: '페이지에 name이 q인 검색창이 있고, 그 hx-get과 hx-target이 #search-results를 가리킨다',
    }, async () => {
      const html = t.need(page);
      if (!box || !hxAttr(box, 'hx-get')) fail(hints.input, 'no <input> with hx-get');
      if (box.attrs.name !== 'q') fail(hints.input, `the box's name is ${box.attrs.name === undefined ? 'missing' : `"${box.attrs.name}"`}`);
      const target = hxAttr(box, 'hx-target');
      if (target !== '#search-results' || !byId(html, 'search-results')) fail(hints.target, `hx-target is ${target === undefined ? 'missing' : `"${target}"`}`);
      if (swapStyle(box) !== 'innerHTML') fail(hints.target, `hx-swap is "${swapStyle(box)}"`);
      return hxAttr(box, 'hx-get')!;
    });

    await t.check('timing', {
      en: 'the box declares its timing: hx-trigger waits for a pause, hx-sync replaces a search in flight, hx-indicator shows it',
      ko: '검색창이 타이밍을 선언한다: hx-trigger는 입력이 멈추길 기다리고, hx-sync는 진행 중인 검색을 새 검색으로 바꾸고, hx-indicator가 그것을 보여 준다',
    }, async () => {
      const html = t.need(page);
      const input = t.need(box);
      const trigger = hxAttr(input, 'hx-trigger') ?? '';
      if (!trigger.split(',').some((one) => /^\s*input\b.*\bdelay:\d+m?s\b/.test(one))) fail(hints.trigger, `hx-trigger is ${trigger ? `"${trigger}"` : 'missing'}`);
      const sync = hxAttr(input, 'hx-sync') ?? '';
      if (!/(^|:)replace$/.test(sync.trim())) fail(hints.sync, `hx-sync is ${sync ? `"${sync}"` : 'missing'}`);
      const indicator = hxAttr(input, 'hx-indicator');
      // A selector other than `#id` is taken on trust.
      if (!indicator || (idOf(indicator) !== undefined && !pointedAt(html, indicator))) fail(hints.indicator, indicator ? `nothing on the page is ${indicator}` : 'hx-indicator is missing');
    });

    /** The box's URL with `q` set, as htmx would send the input's value (keeping any query the URL has). */
    const url = (q: string) => {
      const address = new URL(searchUrl ?? '/search/', t.browser.base);
      address.searchParams.set('q', q);
      return `${address.pathname}${address.search}`;
    };

    await t.check('fragment', {
      en: `GET ${url(query)} with HX-Request answers text/html: the matching countries alone, the match in <mark>`,
      ko: `HX-Request를 담은 GET ${url(query)}에 text/html로 답한다: 맞는 나라만, 맞는 부분은 <mark>로`,
    }, async () => {
      const answer = await t.browser.send('GET', url(query), { htmx });
      if (answer.status !== 200 || !isFragment(answer)) fail(hints.route, describe(answer));
      if (roots(answer.html()).some((el) => el.attrs.id === 'search-results')) fail(hints.route, 'the answer holds #search-results itself: swapped inside it, there would be two');
      checkResults(answer.html(), describe(answer));
    });

    await t.check('no-htmx', {
      en: `GET ${url(query)} without HX-Request answers the whole page, results included, and both answers say Vary: HX-Request`,
      ko: `HX-Request 없는 GET ${url(query)}에는 결과가 담긴 페이지 전체로 답하고, 두 응답 모두 Vary: HX-Request를 붙인다`,
    }, async () => {
      const answer = await t.browser.get(url(query));
      if (answer.status !== 200 || answer.type !== 'text/html' || !isDocument(answer.html())) fail(hints.noHtmx, `the address bar got ${describe(answer)}`);
      const results = byId(answer.html(), 'search-results');
      const listed = results && inside(answer.html(), results).some((el) => el.tag === 'mark' && lower(textOf(answer.html(), el)) === query);
      if (!listed) fail(hints.noHtmx, `the page has no results for "${query}" in #search-results`);
      const fromHtmx = await t.browser.send('GET', url(query), { htmx });
      for (const [who, one] of [['the page', answer], ['the fragment', fromHtmx]] as const) {
        if (!varies(one)) fail(hints.noHtmx, `${who} says Vary: ${one.headers.get('vary') ?? '(nothing)'}`);
      }
    });

    await t.check('escape', {
      en: 'a query no country matches, written like HTML, comes back as the text typed, not as markup',
      ko: 'HTML처럼 쓴, 어떤 나라와도 맞지 않는 검색어가 마크업이 아니라 입력한 글자 그대로 돌아온다',
    }, async () => {
      const answer = await t.browser.send('GET', url(hostile), { htmx });
      if (answer.status !== 200 || !isFragment(answer)) fail(hints.route, describe(answer));
      const html = answer.html();
      if (html.elements.some((el) => el.tag === 'img' || 'data-verify' in el.attrs)) fail(hints.escape, `the query became an element: ${describe(answer)}`);
      if (html.elements.some((el) => el.tag === 'li')) fail(hints.escape, 'the answer lists countries for a query none matches');
      if (!textOf(html).includes(hostile)) fail(hints.escape, `the answer does not show the query: ${describe(answer)}`);
    });

    await t.check('json', {
      en: `GET /api/search?q=${query} answers {"query", "total", "countries"} as application/json, each with where it matched`,
      ko: `GET /api/search?q=${query}에 application/json으로 {"query", "total", "countries"}를, 나라마다 맞은 위치와 함께 답한다`,
    }, async () => {
      const answer = await t.browser.send('GET', `/api/search?q=${query}`, { headers: { Accept: 'application/json' } });
      if (answer.status !== 200 || answer.type !== 'application/json') fail(hints.json, describe(answer));
      const data = answer.json() as { query?: unknown; total?: unknown; countries?: unknown };
      const countries = Array.isArray(data.countries) ? (data.countries as Array<Record<string, unknown>>) : [];
      if (data.query !== query || !Number.isInteger(data.total) || countries.length === 0 || countries.length > (data.total as number)) fail(hints.json, `the body is ${answer.text.slice(0, 120)}`);
      const wrong = countries.find((country) => !matchesQuery(country));
      if (wrong) fail(hints.json, `this country's names and match do not show "${query}": ${JSON.stringify(wrong).slice(0, 120)}`);
    });
  },
};

/** The fragment lists each country in an <li> with a <mark> around the query, and no country that does not match. */
function checkResults(html: Html, seen: string): void {
  const items = html.elements.filter((el) => el.tag === 'li');
  if (items.length === 0) fail(hints.results, `no <li> in ${seen}`);
  const unmarked = items.find((item) => !inside(html, item).some((el) => el.tag === 'mark' && lower(textOf(html, el)) === query));
  if (unmarked) fail(hints.results, `this item has no <mark> around "${query}": ${textOf(html, unmarked)}`);
  if (textOf(html).includes(notMatching)) fail(hints.results, `${notMatching} is listed for "${query}"`);
}

/** A JSON country whose English or Korean name holds the query where `match` says it does. */
function matchesQuery(country: Record<string, unknown>): boolean {
  const match = (country.match ?? {}) as Record<string, unknown>;
  return (['en', 'ko'] as const).some((lang) => {
    const name = country[lang];
    const range = match[lang];
    return typeof name === 'string' && Array.isArray(range) && lower(name.slice(Number(range[0]), Number(range[1]))) === query;
  });
}

function varies(answer: Answer): boolean {
  return (answer.headers.get('vary') ?? '').split(',').some((name) => name.trim().toLowerCase() === 'hx-request' || name.trim() === '*');
}

export default spec;
