// JSON lane: search when typing pauses, cancel the request a newer one replaces, drop late answers, draw the list.
import { sendJson, showError } from '/static/lessons/shared/send.js';

const input = document.getElementById('json-search-input');
const results = document.getElementById('json-search-results');
const indicator = document.getElementById('json-search-indicator');
const error = document.getElementById('json-search-error');
const words = JSON.parse(results.dataset.words);
const lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';
const otherLang = lang === 'ko' ? 'en' : 'ko';

let timer; // debounce: the search waiting for typing to pause
let inFlight; // the AbortController of the request on the wire
let latest = 0; // the number of the newest search: an answer to an older one is never drawn

input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(search, 300);
});
// Enter, or the box's ✕ button: search now.
input.addEventListener('search', () => {
  clearTimeout(timer);
  search();
});

async function search() {
  const query = input.value;
  inFlight?.abort();
  inFlight = new AbortController();
  const ticket = ++latest;
  indicator.hidden = false;
  try {
    const data = await sendJson(`/api/search?q=${encodeURIComponent(query)}`, { method: 'GET', signal: inFlight.signal });
    if (ticket !== latest) return; // its body was already read when it was aborted: too late to cancel, not to ignore
    render(data);
    showError(error, '');
  } catch (failure) {
    if (failure.name === 'AbortError' || ticket !== latest) return;
    showError(error, failure.message);
  } finally {
    if (ticket === latest) indicator.hidden = true;
  }
}

function render({ query, total, countries }) {
  const status = paragraph('search-status',
    !query ? words.hint
    : total === 0 ? fill(words.none, query)
    : fill(total === 1 ? words.countOne : words.count, total));
  const list = document.createElement('ul');
  list.className = 'search-list';
  for (const country of countries) {
    const item = document.createElement('li');
    item.append(name(country, lang, 'name'), ' ', name(country, otherLang, 'other'));
    list.append(item);
  }
  const more = total > countries.length ? [paragraph('search-more', fill(words.more, total - countries.length))] : [];
  results.replaceChildren(status, ...(countries.length ? [list] : []), ...more);
}

/** One name, its match in <mark>. Text nodes only: a name or a query can never turn into markup. */
function name(country, nameLang, role) {
  const span = document.createElement('span');
  span.className = `country-${role}`;
  span.lang = nameLang;
  const text = country[nameLang];
  const [start, end] = country.match[nameLang] ?? [0, 0];
  span.append(text.slice(0, start));
  if (end > start) {
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    span.append(mark);
  }
  span.append(text.slice(end));
  return span;
}

function paragraph(className, text) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** Puts a value into "{n} matches" or "No country matches “{q}”" (a function, so "$&" in a query stays as typed). */
function fill(template, value) {
  return template.replace(/\{[nq]\}/, () => String(value));
}
