// htmx-demo serve for real: the banner, the page, the request log, busy ports and the LAN banner.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/http.js';
import { killAll, spawnCli, startServe } from './spawn-cli.js';

let blockers: Server[] = [];
afterEach(async () => {
  await killAll();
  await Promise.all(blockers.map((blocker) => new Promise((resolve) => blocker.close(resolve))));
  blockers = [];
});

/** Holds a free loopback port, so the CLI finds it busy. */
async function occupyPort(): Promise<number> {
  const blocker = createServer();
  blockers.push(blocker);
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return (blocker.address() as AddressInfo).port;
}

describe('htmx-demo serve', () => {
  it('prints a banner whose Local URL serves the lesson page', async () => {
    const { cli, localUrl, baseUrl } = await startServe(['--port', '0']);
    expect(localUrl).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(cli.stdout()).toMatch(/htmx-demo v\d+\.\d+\.\d+/);
    expect(cli.stdout()).toMatch(/Network: +use --host 0\.0\.0\.0 to expose/);
    // localhost may resolve to ::1 first; the server listens on 127.0.0.1 by default.
    const res = await fetch(baseUrl + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('hx-post="/like/"');
  });

  it('logs one line per finished request, with the lane for lane requests', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0']);
    const page = await fetch(baseUrl + '/');
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1] ?? '';
    await cli.waitFor(/^[0-9a-f]{4}  GET \/  200  [\d.]+ k?B  \d+ ms$/m);

    const like = await fetch(baseUrl + '/like/', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'HX-Request': 'true' },
    });
    expect(like.status).toBe(200);
    await cli.waitFor(/^[0-9a-f]{4}  POST \/like\/  200  \d+ B  \d+ ms  htmx$/m);
  });

  it('prints the latency when one is set', async () => {
    const { cli } = await startServe(['--port', '0', '--latency', '800', '--lang', 'ko']);
    expect(cli.stdout()).toMatch(/Latency: +800 ms/);
  });

  it('moves to the next free port when the asked-for one is busy, and says so', async () => {
    const busy = await occupyPort();
    const { cli, port, baseUrl } = await startServe(['--port', String(busy)]);
    expect(port).toBeGreaterThan(busy);
    expect(cli.stdout()).toContain(`Port ${busy} is in use, using ${port} instead.`);
    expect((await fetch(baseUrl + '/')).status).toBe(200);
  });

  it('--strict-port on a busy port exits 1 with one clear line', async () => {
    const busy = await occupyPort();
    const cli = spawnCli(['serve', '--port', String(busy), '--strict-port']);
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.stderr()).toBe(`error: port ${busy} is already in use (--strict-port)\n`);
    expect(cli.stderr()).not.toMatch(/^\s+at /m);
  });

  it('keeps serving when its output pipe closes (htmx-demo serve | head)', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0']);
    cli.child.stdout!.destroy();
    for (let i = 0; i < 3; i++) expect((await fetch(baseUrl + '/')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cli.child.exitCode).toBeNull();
    expect(cli.stderr()).toBe('');
  });

  it('--host 0.0.0.0 lists the Network URLs instead of the hint', async () => {
    const { cli, port, localUrl } = await startServe(['--port', '0', '--host', '0.0.0.0']);
    expect(localUrl).toBe(`http://localhost:${port}/`);
    const out = cli.stdout();
    expect(out).not.toContain('use --host 0.0.0.0 to expose');
    // Each LAN address gets a line; a machine without one says so (the test does not connect to them).
    const network = out.split('\n').filter((line) => line.includes('Network:'));
    expect(network.length).toBeGreaterThan(0);
    for (const line of network) {
      expect(line).toMatch(new RegExp(`Network: +(http://\\d+\\.\\d+\\.\\d+\\.\\d+:${port}/|no network address found)`));
    }
  });

  it('answers only to the names it announced; --allowed-hosts adds names', async () => {
    const { baseUrl, port } = await startServe(['--port', '0', '--allowed-hosts', 'lab.example']);
    const asked = (host: string) => rawRequest(baseUrl, '/', { headers: { Host: `${host}:${port}` } });
    expect((await asked('localhost')).status).toBe(200);
    expect((await asked('lab.example')).status).toBe(200);
    const rebound = await asked('rebind.attacker.example');
    expect(rebound.status).toBe(403);
    expect(rebound.text).toContain('--allowed-hosts rebind.attacker.example');
  });

  it('--host 0.0.0.0 answers to each address of this machine', async () => {
    const { baseUrl, port } = await startServe(['--port', '0', '--host', '0.0.0.0']);
    const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []).filter((a) => a.family === 'IPv4');
    for (const { address } of addresses) {
      expect((await rawRequest(baseUrl, '/', { headers: { Host: `${address}:${port}` } })).status, address).toBe(200);
    }
    expect((await rawRequest(baseUrl, '/', { headers: { Host: `rebind.attacker.example:${port}` } })).status).toBe(403);
  });
});
