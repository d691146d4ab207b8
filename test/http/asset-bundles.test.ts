// The tool's own CSS and JS as bundles: the pages name them, each is its sources joined (or the build's minified
// text of exactly those sources), never a lesson's file, and a browser revalidates it with a 304.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundles, digestOf, joinBundle, serveBundles } from '../../src/workshop/assets.js';
import { lessonsDir } from '../../src/kit/paths.js';
import { rawRequest, tagsNamed, attribute } from '../support/http.js';
import { listen } from '../support/server.js';
import { useServer } from '../support/suite.js';

const server = useServer();

describe('the pages', () => {
  it('a lesson page loads one stylesheet and one script of the tool\'s own, besides htmx and the lesson\'s files', async () => {
    const page = await (await fetch(`${server.url}/lessons/like`)).text();
    const scripts = tagsNamed(page, 'script').map((tag) => attribute(tag, 'src')).filter((src) => src && !src.startsWith('/static/lessons/'));
    expect(scripts).toEqual(['/vendor/htmx/4.0.1/htmx.min.js', '/static/lesson.js']);
    const styles = tagsNamed(page, 'link').filter((tag) => attribute(tag, 'rel') === 'stylesheet').map((tag) => attribute(tag, 'href'));
    expect(styles.filter((href) => !href!.startsWith('/static/lessons/'))).toEqual(['/static/page.css']);
  });

  it('another page loads the page bundles', async () => {
    const page = await (await fetch(`${server.url}/wrap-up`)).text();
    expect(tagsNamed(page, 'script').map((tag) => attribute(tag, 'src'))).toEqual(['/vendor/htmx/4.0.1/htmx.min.js', '/static/page.js']);
  });

  it.each(Object.keys(bundles))('/static/%s is its sources (the build\'s minified text of them, if built), revalidated with a 304', async (name) => {
    const res = await fetch(`${server.url}/static/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(name.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    const body = await res.text();
    const etag = res.headers.get('etag')!;
    // From the sources, the joined text; from a build of the same sources, its minified text (smaller).
    if (etag.endsWith('-min"')) expect(body.length).toBeLessThan(joinBundle(name).length);
    else expect(body).toBe(joinBundle(name));
    expect(etag).toContain(digestOf(joinBundle(name)));
    const again = await rawRequest(server.url, `/static/${name}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('no bundle holds a lesson\'s file: those are shown in the code panels as they are', () => {
    for (const sources of Object.values(bundles)) for (const file of sources) expect(file.startsWith(lessonsDir)).toBe(false);
  });

  it('a bundle answers only GET and HEAD', async () => {
    const res = await rawRequest(server.url, '/static/page.css', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('what the build saved', () => {
  let dir: string;
  let app: Awaited<ReturnType<typeof listen>>;
  let url: string;
  const savedFile = () => join(dir, 'assets.json');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hxd-bundles-'));
    app = await listen(new Koa().use(serveBundles(savedFile())));
    url = app.url;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is served while the sources are the ones it was made from, and never once they differ', async () => {
    writeFileSync(savedFile(), JSON.stringify({
      'page.css': { digest: digestOf(joinBundle('page.css')), text: 'a{color:red}' },
      'page.js': { digest: 'made-from-other-sources', text: 'stale()' },
    }));
    expect(await (await fetch(`${url}/static/page.css`)).text()).toBe('a{color:red}');
    expect(await (await fetch(`${url}/static/page.js`)).text()).toBe(joinBundle('page.js'));
    expect(await (await fetch(`${url}/static/lesson.js`)).text()).toBe(joinBundle('lesson.js'));
    expect(readFileSync(savedFile(), 'utf8')).toContain('stale()');
  });
});
