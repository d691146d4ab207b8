// Page weight: every byte each lesson page makes a browser load (a fresh browser: no cache), and each lane's single
// like exchange.
import { gzipSync } from 'node:zlib';
import { startChild } from './children.js';
import { newVisitor } from './visitor.js';

const appServer = new URL('./servers/app.js', import.meta.url).pathname;

/** The URLs a browser fetches for this HTML: stylesheets, icons, scripts (classic and module). */
export function referencedAssets(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/gi)) {
    const attr = (name) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
    if (tag.startsWith('<script') && attr('src')) urls.push(attr('src'));
    if (tag.startsWith('<link') && /\b(stylesheet|icon|modulepreload)\b/.test(attr('rel') ?? '') && attr('href')) urls.push(attr('href'));
  }
  return [...new Set(urls)];
}

const sizes = (bytes) => ({ raw: bytes.length, gzip: bytes.length === 0 ? 0 : gzipSync(bytes).length });

export async function benchPageWeight() {
  const server = await startChild(appServer);
  try {
    const { cookie, csrfToken, html } = await newVisitor(server.url);
    const weigh = async (path, pageHtml) => {
      const files = [{ url: path, ...sizes(Buffer.from(pageHtml)) }];
      for (const url of referencedAssets(pageHtml)) {
        const res = await fetch(new URL(url, `${server.url}/`), { headers: { Cookie: cookie } });
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        files.push({ url, ...sizes(Buffer.from(await res.arrayBuffer())) });
      }
      return { path, raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), files };
    };
    const page = await weigh('/', html);
    const lessonPaths = [...new Set([...html.matchAll(/href="(\/lessons\/[\w-]+)"/g)].map((m) => m[1]))];
    const pages = [page];
    for (const path of lessonPaths) {
      const res = await fetch(server.url + path, { headers: { Cookie: cookie } });
      pages.push(await weigh(path, await res.text()));
    }
    const heaviest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));

    const like = async (path, headers) => {
      const res = await fetch(server.url + path, { method: 'POST', headers: { ...headers, Cookie: cookie, 'X-CSRF-Token': csrfToken } });
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      const response = sizes(Buffer.from(await res.arrayBuffer()));
      return { request: { raw: 0, gzip: 0 }, response, raw: response.raw, gzip: response.gzip };
    };
    const exchanges = {
      fragment: await like('/like/', { 'HX-Request': 'true', 'HX-Target': 'like-section', Accept: 'text/html' }),
      json: await like('/api/like', { Accept: 'application/json' }),
    };
    return { page, heaviest, pages, exchanges };
  } finally {
    await server.stop();
  }
}

const sum = (items, key) => items.reduce((total, item) => total + item[key], 0);
