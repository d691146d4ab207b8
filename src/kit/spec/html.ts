// Just enough HTML reading for a lesson spec: elements with their attributes, nesting and text. No dependency.

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** Index of its `<` in the source, and the index just past its end tag (or its start tag, for a void element). */
  start: number;
  end: number;
  /** How many elements it sits inside; 0 for a root of the document or fragment. */
  depth: number;
}

export interface Html {
  source: string;
  elements: HtmlElement[];
}

const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const rawTextTags = new Set(['script', 'style', 'textarea', 'title']);
const tagPattern = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/gi;
const attrPattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function parseHtml(source: string): Html {
  const elements: HtmlElement[] = [];
  const open: HtmlElement[] = [];
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(source); match; match = tagPattern.exec(source)) {
    const [whole, closing, name, rest = ''] = match;
    if (!name) continue; // a comment or a doctype
    const tag = name.toLowerCase();
    if (closing) {
      const at = open.map((el) => el.tag).lastIndexOf(tag);
      if (at < 0) continue;
      for (const el of open.splice(at)) el.end = match.index + whole.length;
      continue;
    }
    const element: HtmlElement = { tag, attrs: parseAttributes(rest), start: match.index, end: match.index + whole.length, depth: open.length };
    elements.push(element);
    if (voidTags.has(tag) || rest.trimEnd().endsWith('/')) continue;
    if (rawTextTags.has(tag)) {
      const close = source.toLowerCase().indexOf(`</${tag}`, tagPattern.lastIndex);
      const closeEnd = close < 0 ? source.length : source.indexOf('>', close) + 1 || source.length;
      element.end = closeEnd;
      tagPattern.lastIndex = closeEnd;
      continue;
    }
    open.push(element);
  }
  for (const el of open) el.end = source.length;
  return { source, elements };
}

function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  attrPattern.lastIndex = 0;
  for (let match = attrPattern.exec(text); match; match = attrPattern.exec(text)) {
    const name = match[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

export function byId(html: Html, id: string): HtmlElement | undefined {
  return html.elements.find((el) => el.attrs.id === id);
}

/** The elements inside `parent`, in document order. */
export function inside(html: Html, parent: HtmlElement): HtmlElement[] {
  return html.elements.filter((el) => el.start > parent.start && el.end <= parent.end && el.depth > parent.depth);
}

/** The elements at the top level: what a fragment's roots are. */
export function roots(html: Html): HtmlElement[] {
  return html.elements.filter((el) => el.depth === 0);
}

/** An element's text (the whole document's, without one) with tags dropped and spaces folded. */
export function textOf(html: Html, el?: HtmlElement): string {
  const source = el ? html.source.slice(el.start, el.end) : html.source;
  return decodeEntities(source.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The value of an htmx attribute, with or without htmx 4's `:inherited` suffix, or a `data-` prefix. */
export function hxAttr(el: HtmlElement, name: string): string | undefined {
  return el.attrs[name] ?? el.attrs[`${name}:inherited`] ?? el.attrs[`data-${name}`];
}

/** True for a whole document (a page), false for a fragment. */
export function isDocument(html: Html): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<!doctype html/i.test(html.source) || html.elements.some((el) => el.tag === 'html' || el.tag === 'body');
}

export function hasClass(el: HtmlElement, name: string): boolean {
  return (el.attrs.class ?? '').split(/\s+/).includes(name);
}
