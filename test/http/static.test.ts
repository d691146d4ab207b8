// Static files: htmx served untouched and cached for good, the page's assets as on disk, and no way out of their folders.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleErrors } from '../../src/kit/errors.js';
import { views } from '../../src/workshop/views.js';
import { serveStatic } from '../../src/kit/static.js';
import { rawRequest } from '../support/http.js';
import { listen } from '../support/server.js';
import { useServer } from '../support/suite.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const server = useServer();

const maxAge = (cacheControl: string | null) => Number(/max-age=(\d+)/.exec(cacheControl ?? '')?.[1] ?? NaN);

describe('htmx', () => {
  const url = '/vendor/htmx/4.0.1/htmx.min.js';
  const onDisk = readFileSync(repo('node_modules/htmx.org/dist/htmx.min.js'));

  it('is the installed 4.0.1 build, byte for byte', async () => {
    expect(JSON.parse(readFileSync(repo('node_modules/htmx.org/package.json'), 'utf8')).version).toBe('4.0.1');
    const res = await fetch(server.url + url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(onDisk)).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(onDisk.length));
  });

  it('is served as JavaScript and cached for a year as immutable (its URL carries the version)', async () => {
    const res = await fetch(server.url + url);
    await res.arrayBuffer();
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(maxAge(res.headers.get('cache-control'))).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(res.headers.get('cache-control')).toMatch(/\bimmutable\b/);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await rawRequest(server.url, url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(onDisk.length));
    expect(res.body.length).toBe(0);
  });
});

describe('the page\'s own assets load as they are on disk', () => {
  it.each([
    ['/static/app.css', 'templates/assets/app.css', /^text\/css/],
    ['/static/serve.css', 'templates/assets/serve.css', /^text\/css/],
    ['/static/inspector.js', 'templates/assets/inspector.js', /^text\/javascript/],
    ['/static/walkthrough.js', 'templates/assets/walkthrough.js', /^text\/javascript/],
    ['/static/favicon.svg', 'templates/assets/favicon.svg', /^image\/svg\+xml/],
    ['/static/lessons/like/like.js', 'src/lessons/like/public/like.js', /^text\/javascript/],
  ])('%s', async (url, file, type) => {
    const res = await fetch(server.url + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(repo(file)))).toBe(true);
    // Unversioned URLs: an edit during the workshop shows on the next reload.
    expect(res.headers.get('cache-control')).not.toMatch(/immutable/);
  });
});

describe('no path leaves a static folder, in any encoding', () => {
  /** Text that would only be in the answer if a file outside the folder leaked. */
  const secrets = [
    readFileSync(repo('package.json'), 'utf8').match(/"devDependencies"/)![0],
    readFileSync(repo('src/lessons/like/lesson.ts'), 'utf8').match(/LessonDefinition/)![0],
    'root:x:0:0',
  ];

  it.each([
    '/static/../package.json',
    '/static/..%2f..%2fpackage.json',
    '/static/..%2F..%2Fpackage.json',
    '/static/%2e%2e/%2e%2e/package.json',
    '/static/%2e%2e%2f%2e%2e%2fpackage.json',
    '/static/.%2e/.%2e/package.json',
    '/static/..%5c..%5cpackage.json',
    '/static/..\\..\\package.json',
    '/static/%00',
    '/static/app.css%00.js',
    '/static/app.css%00',
    '/vendor/htmx/4.0.1/../../package.json',
    '/vendor/htmx/4.0.1/..%2f..%2f..%2f..%2fpackage.json',
    '/vendor/htmx/4.0.1/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/vendor/highlight.js/../../../package.json',
    '/static/lessons/like/../lesson.ts',
    '/static/lessons/like/..%2flesson.ts',
    '/static/lessons/like/%2e%2e/lesson.ts',
    '/static/lessons/like/%2e%2e%5clesson.ts',
    '/static/%252e%252e%252f%252e%252e%252fpackage.json',
    '/static/%252e%252e/%252e%252e/package.json',
    '/static/%E0%A4%A',
    '/static/%',
    '/static/%2fetc%2fpasswd',
    '/static//etc/passwd',
    '/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  ])('%s', async (path) => {
    const res = await rawRequest(server.url, path);
    expect([400, 404]).toContain(res.status);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const secret of secrets) expect(res.text).not.toContain(secret);
  });

  it('the server still serves files after all that', async () => {
    expect((await fetch(`${server.url}/static/app.css`)).status).toBe(200);
  });
});

describe('a link inside a static folder that points out of it', () => {
  // A starter's public/ is the user's folder: a link there must not publish what lies outside it.
  let dir: string;
  let server: Awaited<ReturnType<typeof listen>>;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hxd-static-'));
    mkdirSync(join(dir, 'public', 'inner'), { recursive: true });
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'public', 'inner', 'ok.txt'), 'public text');
    writeFileSync(join(dir, 'private', 'secret.txt'), 'private text');
    symlinkSync(join(dir, 'private', 'secret.txt'), join(dir, 'public', 'secret.txt'));
    symlinkSync('../private', join(dir, 'public', 'private'));
    symlinkSync('inner/ok.txt', join(dir, 'public', 'alias.txt'));
    const app = new Koa();
    app.use(handleErrors(views));
    app.use(serveStatic('/static/', join(dir, 'public'), { maxAge: 0 }));
    server = await listen(app);
    url = server.url;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/static/secret.txt', '/static/private/secret.txt'])('%s is a 404, and nothing of the file shows', async (path) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('private text');
  });

  it('a link to a file inside the folder is served', async () => {
    const res = await fetch(`${url}/static/alias.txt`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('public text');
  });
});
