// Every route the app serves, read from its own routers, its lesson list and the pages it renders, so that
// a new lesson's routes, form fields and files are put through the hostile tests without a list to keep.
import type { DemoApp } from '../../../src/app.js';
import { lessons } from '../../../src/lessons/index.js';
import { decodeEntities } from '../../support/http.js';
import { requestBytes, sendRaw, type SocketAnswer } from './raw-socket.js';

export interface RouteUnderTest {
  /** A concrete path: the route's pattern with its parameters filled in. */
  path: string;
  /** The methods the app serves on this path (HEAD and OPTIONS, which come with them, left out). */
  methods: string[];
  /** The route's pattern with a `:param` in it, e.g. /lessons/:id (for a hostile value in its place). */
  pattern?: { fill(value: string): string };
  /** A static file: answered before the body parser, so a body is never read there. */
  file?: boolean;
}

interface Layer {
  methods: string[];
  path: string | RegExp;
  paramNames: Array<{ name: string }>;
  url(params: Record<string, string>): string;
}

type Send = (method: string, path: string, headers?: Record<string, string>, body?: string) => Promise<SocketAnswer>;

/** The layers of every router mounted on the app (pages and each lesson's lanes). */
function routerLayers(demo: DemoApp): Layer[] {
  return demo.routers
    .flatMap((router) => router.stack as unknown as Layer[])
    .filter((layer) => layer.methods.length > 0 && typeof layer.path === 'string');
}

const served = (layer: Layer) => layer.methods.filter((method) => method !== 'HEAD' && method !== 'OPTIONS');

/**
 * Each router route, its `:params` filled with a value it takes: every value from `1` and the lesson ids
 * that gets an answer below 400 (so /lessons/:id is every lesson's page), else the first one it does not
 * call a 404. Paths several routes share (GET and POST /form/signups) are one entry with all their methods.
 */
export async function routerRoutes(demo: DemoApp, send: Send): Promise<RouteUnderTest[]> {
  const byPath = new Map<string, RouteUnderTest>();
  const add = (path: string, methods: string[], pattern?: RouteUnderTest['pattern']) => {
    const route = byPath.get(path) ?? { path, methods: [], pattern };
    route.methods = [...new Set([...route.methods, ...methods])];
    byPath.set(path, route);
  };
  const candidates = ['1', ...lessons.map((lesson) => lesson.id)];
  for (const layer of routerLayers(demo)) {
    const methods = served(layer);
    if (layer.paramNames.length === 0) {
      add(layer.path as string, methods);
      continue;
    }
    const fill = (value: string) => layer.url(Object.fromEntries(layer.paramNames.map(({ name }) => [name, value])));
    const answers = await Promise.all(candidates.map(async (value) => ({ path: fill(value), status: (await send(methods[0]!, fill(value))).status })));
    const good = answers.filter((answer) => answer.status > 0 && answer.status < 400);
    const picked = good.length ? good : [answers.find((answer) => answer.status !== 404) ?? answers[0]!];
    for (const { path } of picked) add(path, methods, { fill });
  }
  return [...byPath.values()];
}

/** The URLs a browser fetches for this HTML: stylesheets and scripts (classic and module). */
export function referencedAssets(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/gi)) {
    const value = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
    if (tag.startsWith('<script') && value('src')) urls.push(value('src')!);
    if (tag.startsWith('<link') && /\b(stylesheet|icon|modulepreload)\b/.test(value('rel') ?? '') && value('href')) urls.push(value('href')!);
  }
  return [...new Set(urls)];
}

/** Every local file any lesson page loads, as a route: GET (and HEAD) only. */
export function fileRoutes(pages: string[]): RouteUnderTest[] {
  const urls = new Set(pages.flatMap(referencedAssets).filter((url) => url.startsWith('/')));
  return [...urls].sort().map((path) => ({ path, methods: ['GET'], file: true }));
}

/** A form field a view declares: text to type, or a fixed value (hidden, checkbox, hx-vals) the client sends as is. */
export interface Field {
  name: string;
  /** Fixed values as declared (a checkbox group has several); none for a field the visitor types into. */
  values: Array<string | number | boolean>;
}

const typed = new Set(['', 'text', 'email', 'password', 'search', 'url', 'tel', 'number']);

/**
 * The fields every given page or fragment declares: <input>, <textarea> and <select> names, and htmx's
 * hx-vals. Buttons are left out: one is sent only when clicked (the failure lesson's switches are buttons).
 * The CSRF field is left out too: the hostile requests carry the token in their header.
 */
export function declaredFields(htmls: string[]): Field[] {
  const fields = new Map<string, Field>();
  const field = (name: string) => fields.get(name) ?? fields.set(name, { name, values: [] }).get(name)!;
  for (const html of htmls) {
    for (const [tag, element] of html.matchAll(/<(input|textarea|select)\b[^>]*>/gi)) {
      const attr = (name: string) => { const v = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1]; return v === undefined ? undefined : decodeEntities(v); };
      const name = attr('name');
      if (!name || name === '_csrf') continue;
      const type = element!.toLowerCase() === 'input' ? (attr('type') ?? '').toLowerCase() : '';
      const value = attr('value');
      const entry = field(name);
      if (!typed.has(type) && value !== undefined && !entry.values.includes(value)) entry.values.push(value);
    }
    for (const [, quoted] of html.matchAll(/\shx-vals=(?:'([^']*)'|"([^"]*)")/gi)) {
      const vals = JSON.parse(decodeEntities(quoted ?? '')) as Record<string, string | number | boolean>;
      for (const [name, value] of Object.entries(vals)) if (!field(name).values.includes(value)) field(name).values.push(value);
    }
  }
  return [...fields.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** What the hostile tests run over: every route, every file, every declared field. */
export interface Surface {
  routes: RouteUnderTest[];
  files: RouteUnderTest[];
  fields: Field[];
  lessonIds: string[];
}

/**
 * Reads the whole surface: the routers' routes, then every page and fragment their GET routes answer
 * (with and without HX-Request), for the fields those declare and the files the pages load.
 */
export async function readSurface(demo: DemoApp, baseUrl: string, session: Record<string, string>): Promise<Surface> {
  const send: Send = (method, path, headers = {}, body = '') =>
    sendRaw(baseUrl, requestBytes(method, path, { ...session, 'Content-Length': String(Buffer.byteLength(body)), ...headers }, body));
  const routes = await routerRoutes(demo, send);
  const htmls: string[] = [];
  for (const route of routes.filter((r) => r.methods.includes('GET'))) {
    for (const headers of [{}, { 'HX-Request': 'true' }] as Array<Record<string, string>>) {
      const res = await send('GET', route.path, headers);
      if (res.status < 400 && /^text\/html/.test(res.headers['content-type'] ?? '')) htmls.push(res.body);
    }
  }
  const pages = htmls.filter((html) => /^<!doctype html>/i.test(html.trimStart()));
  return { routes, files: fileRoutes(pages), fields: declaredFields(htmls), lessonIds: lessons.map((lesson) => lesson.id) };
}
