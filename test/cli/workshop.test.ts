// htmx-demo serve for a room, for real: the LAN banner's QR code and instructor URL, the kept CSRF secret, --log.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters as plain } from 'node:util';
import { encode } from 'uqr';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { qrBorder } from '../../src/cli/qr.js';
import { readCompactQr } from '../support/qr.js';
import { killAll, startServe } from './spawn-cli.js';

const stateHome = mkdtempSync(join(tmpdir(), 'htmx-demo-state-'));
const env = { XDG_STATE_HOME: stateHome };
afterEach(killAll);
afterAll(() => rmSync(stateHome, { recursive: true, force: true }));

/** A page load as a browser does it: the visitor cookie and the page's CSRF token. */
async function loadPage(baseUrl: string) {
  const page = await fetch(`${baseUrl}/`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1] ?? '';
  return { cookie, csrfToken };
}

const like = (baseUrl: string, visitor: { cookie: string; csrfToken: string }) =>
  fetch(`${baseUrl}/like/`, { method: 'POST', headers: { Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken, 'HX-Request': 'true' } });

describe('htmx-demo serve --host 0.0.0.0', () => {
  it('prints a QR code of the first Network URL, the join page, and an instructor URL with a fresh key', async () => {
    const { cli, port, baseUrl } = await startServe(['--port', '0', '--host', '0.0.0.0'], env);
    const lines = plain(cli.stdout()).split('\n');
    const first = /Network: +(http:\S+)/.exec(lines.join('\n'))?.[1];
    // This machine may have no LAN address: then there is no one to join, and the console is reached locally.
    const base = first ?? `http://localhost:${port}/`;
    const instructor = /Instructor: (http:\/\/\S+\/present\?key=([A-Za-z0-9_-]{22}))(?=\s)/.exec(lines.join('\n'));
    expect(instructor?.[1]).toBe(`${base}present?key=${instructor?.[2]}`);

    if (first) {
      const qr = lines.filter((line) => /^ {2}[█▀▄ ]+$/.test(line) && /[█▀▄]/.test(line)).map((line) => line.slice(2));
      const expected = encode(first, { border: qrBorder, ecc: 'L' }).data;
      expect(readCompactQr(qr).slice(0, expected.length)).toEqual(expected);
      expect(lines.join('\n')).toContain(`Project: http://localhost:${port}/join`);
      // The join page, opened on this machine for the projector, shows the LAN address, not localhost.
      const join = await fetch(`${baseUrl}/join`).then((r) => r.text());
      expect(join).toContain(`<a href="${first}">${first.replace('http://', '').replace(/\/$/, '')}</a>`);
    }

    // Each run makes its own key. (Stopped as Ctrl+C does: the tarball the join page began to pack is cleaned up.)
    cli.child.kill('SIGINT');
    expect((await cli.exited).code).toBe(0);
    const again = await startServe(['--port', '0', '--host', '0.0.0.0'], env);
    const key = /present\?key=(\S+)/.exec(plain(again.cli.stdout()))?.[1];
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).not.toBe(instructor?.[2]);
  });

  it('on loopback prints neither a QR code nor an instructor URL', async () => {
    const { cli } = await startServe(['--port', '0'], env);
    expect(plain(cli.stdout())).not.toMatch(/Instructor|Scan to join|█/);
  });
});

describe('a restart', () => {
  it("keeps the CSRF secret (owner-only file) so the last run's token still works; --fresh makes a new one", async () => {
    const first = await startServe(['--port', '0'], env);
    const visitor = await loadPage(first.baseUrl);
    expect(statSync(join(stateHome, 'htmx-demo', 'csrf-secret')).mode & 0o777).toBe(0o600);
    await killAll();

    const second = await startServe(['--port', '0'], env);
    expect((await like(second.baseUrl, visitor)).status).toBe(200);
    await killAll();

    const fresh = await startServe(['--port', '0', '--fresh'], env);
    const refused = await like(fresh.baseUrl, visitor);
    expect(refused.status).toBe(403);
  });
});

describe('a state folder that cannot be written', () => {
  it('still serves, and the banner says open tabs will need a reload after a restart', async () => {
    const notAFolder = join(stateHome, 'a-file');
    writeFileSync(notAFolder, '');
    const { cli, baseUrl } = await startServe(['--port', '0'], { XDG_STATE_HOME: notAFolder });
    expect(plain(cli.stdout())).toMatch(/Note: could not save the CSRF secret in .*a-file\/htmx-demo \(ENOTDIR\); open tabs will need a reload after a restart\./);
    expect((await fetch(`${baseUrl}/`)).status).toBe(200);
    expect(cli.stderr()).toBe('');
  });
});

describe('--log', () => {
  /** Loads a page, a stylesheet and a like, then waits for the like's line (the last request made). */
  async function traffic(args: string[]) {
    const { cli, baseUrl } = await startServe(['--port', '0', ...args], env);
    const visitor = await loadPage(baseUrl);
    await fetch(`${baseUrl}/static/app.css`);
    await like(baseUrl, visitor);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return plain(cli.stdout()).split('Ctrl+C to stop')[1]!;
  }

  it('lanes (the default) logs the page and the lane request with a learner tag, and no static file', async () => {
    const log = await traffic([]);
    const [page, likeLine] = [/^([0-9a-f]{4})  GET \/  200/m.exec(log), /^([0-9a-f]{4})  POST \/like\/  200 .* htmx$/m.exec(log)];
    expect(page).not.toBeNull();
    expect(likeLine?.[1]).toBe(page?.[1]); // the same learner
    expect(log).not.toContain('/static/');
  });

  it('all logs static files too; none logs nothing', async () => {
    expect(await traffic(['--log', 'all'])).toMatch(/^ {4} {2}GET \/static\/app\.css {2}200/m);
    await killAll();
    expect((await traffic(['--log', 'none'])).trim()).toBe('');
  });
});
