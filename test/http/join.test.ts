// The join page (address, QR code, learner count), its polled count, and the package tarball it offers.
import { gunzipSync } from 'node:zlib';
import { renderSVG } from 'uqr';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { handleErrors } from '../../src/kit/errors.js';
import { views } from '../../src/workshop/views.js';
import { packageDownload } from '../../src/workshop/download.js';
import { packageRoot } from '../../src/kit/paths.js';
import { rawRequest } from '../support/http.js';
import { newVisitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const { version } = JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as { version: string };
const joinUrl = 'http://192.0.2.7:3000/';

/** Opens a visitor's inspector stream, as a lesson page does; resolves once the server has it open. */
async function openStream(baseUrl: string, cookie: string): Promise<AbortController> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/_inspector/stream`, { headers: { Cookie: cookie }, signal: controller.signal });
  const reader = res.body!.getReader();
  await reader.read(); // ": connected"
  return controller;
}

async function learnersShown(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/_join/learners`, { headers: { 'HX-Request': 'true' } });
  expect(res.status).toBe(200);
  return Number(/data-learners>(\d+)</.exec(await res.text())?.[1]);
}

describe('/join', () => {
  const server = useServer({ joinUrl });

  it('shows the join address in large type, its QR code, and the download command', async () => {
    const res = await fetch(`${server.url}/join`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/class="join-url"><a href="http:\/\/192\.0\.2\.7:3000\/">192\.0\.2\.7:3000<\/a>/);
    // The very QR code the library draws for the address: a phone that scans it opens the join URL.
    expect(html).toContain(renderSVG(joinUrl, { border: 2, ecc: 'M' }));
    expect(html).toContain(`aria-label="QR code for ${joinUrl}"`);
    const tarball = `http://192.0.2.7:3000/download/htmx-demo-${version}.tgz`;
    expect(html).toContain(`npx --package=${tarball} htmx-demo scaffold my-demo`);
    expect(html).toContain(`href="${tarball}" download`);
    // The count refreshes itself with htmx, and the page runs no script of its own.
    expect(html).toMatch(/hx-get="\/_join\/learners" hx-trigger="every 2s" hx-swap="outerHTML"/);
    expect(html).toMatch(/<strong data-learners>0<\/strong> learners connected/);
  });

  it('counts each learner with a lesson page open once, and lets go of those who leave', async () => {
    const a = await newVisitor(server.url);
    const b = await newVisitor(server.url);
    expect(await learnersShown(server.url)).toBe(0);
    const aFirst = await openStream(server.url, a.cookie);
    const aSecondTab = await openStream(server.url, a.cookie);
    expect(await learnersShown(server.url)).toBe(1);
    const bTab = await openStream(server.url, b.cookie);
    expect(await learnersShown(server.url)).toBe(2);
    const one = await fetch(`${server.url}/_join/learners`).then((r) => r.text());
    expect(one).toContain('2</strong> learners connected');

    for (const tab of [aFirst, aSecondTab, bTab]) tab.abort();
    await expect.poll(() => learnersShown(server.url)).toBe(0);
  });

  it('speaks Korean to a Korean visitor', async () => {
    const html = await fetch(`${server.url}/join?lang=ko`).then((r) => r.text());
    expect(html).toContain('워크숍 참여하기');
    expect(html).toContain('<strong data-learners>0</strong>명 접속 중');
  });

  it('serves the running package as a tarball, packed from the files this server runs', async () => {
    const res = await fetch(`${server.url}/download/htmx-demo-${version}.tgz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toContain(`htmx-demo-${version}.tgz`);
    const tar = gunzipSync(Buffer.from(await res.arrayBuffer()));
    const names = tarEntries(tar);
    expect(names).toContain('package/package.json');
    expect(names).toContain('package/bin/htmx-demo.cjs');
    expect(names.some((name) => name.startsWith('package/templates/views/'))).toBe(true);
    expect(names.some((name) => name.startsWith('package/test/'))).toBe(false);
    const packed = JSON.parse(tarFile(tar, 'package/package.json')) as { version: string };
    expect(packed.version).toBe(version);
  }, 60_000);

  it('answers 404 for another version', async () => {
    expect((await fetch(`${server.url}/download/htmx-demo-0.0.0-old.tgz`)).status).toBe(404);
  });
});

/** One /download request to an app packing `root`: the answer, and what reached the terminal. */
async function downloadFrom(root: string): Promise<{ res: Response; logged: string[] }> {
  const app = new Koa();
  const logged: string[] = [];
  app.on('error', (err: Error) => logged.push(err.message));
  app.use(handleErrors(views));
  const download = packageDownload(root, 'htmx-demo', '9.9.9');
  app.use(async (ctx, next) => (ctx.path === download.path ? download.middleware(ctx, next) : next()));
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/download/htmx-demo-9.9.9.tgz`);
    await res.clone().text();
    return { res, logged };
  } finally {
    server.close();
  }
}

describe('/download when the package cannot be packed', () => {
  it('answers 503 with one readable line, not a 500', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'htmx-demo-nopackage-'));
    mkdirSync(join(empty, 'dist'));
    writeFileSync(join(empty, 'dist', 'cli.cjs'), ''); // built, but no package.json: npm pack itself fails
    try {
      const { res, logged } = await downloadFrom(empty);
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('The package could not be packed on this server: the instructor’s terminal says why.');
      expect(html).not.toContain(empty); // no folder of this machine shown to the room
      // The terminal gets the reason, once.
      expect(logged).toEqual([expect.stringMatching(/^could not pack the package for \/download\/htmx-demo-9\.9\.9\.tgz: .*Could not read package\.json/)]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to pack a clone that has no bundle, saying how to build it', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'htmx-demo-unbuilt-'));
    writeFileSync(join(clone, 'package.json'), '{ "name": "htmx-demo", "version": "9.9.9" }\n');
    try {
      const { res, logged } = await downloadFrom(clone);
      expect(res.status).toBe(503);
      expect(logged).toEqual([expect.stringMatching(/no dist\/ to pack: run npm run build/)]);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('/join answering any host name (--allowed-hosts all)', () => {
  const server = useServer({ allowedHosts: true });

  it('refuses a Host that is no host name with a 400, not a 500', async () => {
    const res = await rawRequest(server.url, '/join', { headers: { Host: 'a b' } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('not a valid host');
  });
});

describe('/join without a join address', () => {
  const server = useServer();

  it('shows the address it was opened at', async () => {
    const html = await fetch(`${server.url}/join`).then((r) => r.text());
    const { host } = new URL(server.url);
    expect(html).toContain(`>${host}</a>`);
    expect(html).toContain(renderSVG(`${server.url}/`, { border: 2, ecc: 'M' }));
  });
});

/** The names in a tar archive (ustar headers: name at 0, size at 124 in octal, prefix at 345). */
function tarEntries(tar: Buffer): string[] {
  return [...walkTar(tar)].map(([name]) => name);
}

function tarFile(tar: Buffer, wanted: string): string {
  for (const [name, body] of walkTar(tar)) if (name === wanted) return body.toString('utf8');
  throw new Error(`${wanted} not in the tarball`);
}

function* walkTar(tar: Buffer): Generator<[string, Buffer]> {
  const text = (from: number, length: number) => tar.toString('utf8', from, from + length).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = text(offset, 100);
    if (!name) return;
    const prefix = text(offset + 345, 155);
    const size = parseInt(text(offset + 124, 12).trim(), 8);
    yield [prefix ? `${prefix}/${name}` : name, tar.subarray(offset + 512, offset + 512 + size)];
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
