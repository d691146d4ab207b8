// What a page's htmx attributes point at: the element a `#id` selector names, a form's fields, a URL from a frame.
import { type Html, type HtmlElement, byId, hxAttr, inside } from './html.js';

/** The id a selector names when it is a plain `#id` (or htmx's `closest #id`, `find #id`), else undefined. */
export function idOf(selector: string | undefined): string | undefined {
  return /^(?:(?:closest|find)\s+)?#([\w-]+)$/.exec(selector?.trim() ?? '')?.[1];
}

/** The element a selector names on the page, when it is a plain `#id` that exists there. */
export function pointedAt(html: Html, selector: string | undefined): HtmlElement | undefined {
  const id = idOf(selector);
  return id === undefined ? undefined : byId(html, id);
}

/** The first word of an hx-swap (the swap style), htmx's default innerHTML when there is none. */
export function swapStyle(el: HtmlElement): string {
  return hxAttr(el, 'hx-swap')?.trim().split(/\s+/)[0] || 'innerHTML';
}

/** The fields a form sends as a browser would: its named inputs with their values, and `button`'s name if it has one. */
export function fieldsOf(html: Html, form: HtmlElement, button?: HtmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const el of inside(html, form)) {
    if (el.tag !== 'input' || !el.attrs.name || ['submit', 'button', 'checkbox', 'radio'].includes(el.attrs.type ?? '')) continue;
    fields[el.attrs.name] = el.attrs.value ?? '';
  }
  if (button?.attrs.name) fields[button.attrs.name] = button.attrs.value ?? '';
  return fields;
}

/** A form's fields without the ones that carry a CSRF token, to send a request the server must refuse. */
export function withoutToken(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !/csrf|xsrf|token/i.test(name)));
}

/** A URL as written in a page at `pagePath` (relative ones, like `like` in a frame, resolved against it), as a path. */
export function resolvePath(url: string, pagePath: string): string {
  const resolved = new URL(url, new URL(pagePath, 'http://page.invalid'));
  return resolved.pathname + resolved.search;
}

/** The innermost element of tag `tag` that holds `el`. */
export function enclosing(html: Html, el: HtmlElement, tag: string): HtmlElement | undefined {
  return html.elements.filter((outer) => outer.tag === tag && outer.start < el.start && outer.end >= el.end).at(-1);
}

/** The element with `name` (and `value`, when given) that a form would send: an input or a button. */
export function control(html: Html, name: string, value?: string): HtmlElement | undefined {
  return html.elements.find((el) => el.attrs.name === name && (value === undefined || el.attrs.value === value));
}

/** The fields an element's hx-vals adds to its request (JSON only: htmx 4's js: values cannot be read here). */
export function valsOf(el: HtmlElement): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(JSON.parse(hxAttr(el, 'hx-vals') ?? '{}') as Record<string, unknown>).map(([name, value]) => [name, String(value)]));
  } catch {
    return {};
  }
}

/** An element as htmx 4 names it in HX-Source and HX-Target: `tag#id`. */
export function tagged(el: HtmlElement): string {
  return `${el.tag}${el.attrs.id ? `#${el.attrs.id}` : ''}`;
}

/** The text of some HTML, tags dropped. */
export function textIn(source: string): string {
  return source.replace(/<[^>]*>/g, '').trim();
}
