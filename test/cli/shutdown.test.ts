// Ctrl+C and SIGTERM stop the server at once, even while a page holds the inspector's event stream open.
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, startServe } from './spawn-cli.js';

afterEach(killAll);

/** Opens /_inspector/stream as the page would (with its visitor cookie) and keeps reading it. */
async function holdInspectorStream(baseUrl: string) {
  const page = await fetch(baseUrl + '/');
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  expect(cookie).toMatch(/hxd_visitor=/);
  const stream = await fetch(baseUrl + '/_inspector/stream', { headers: { Cookie: cookie, Accept: 'text/event-stream' } });
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = stream.body!.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain(': connected');
  // Keep draining in the background until the server ends the stream.
  const ended = (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // the connection was cut: also an end
    }
  })();
  return { ended };
}

/** Starts a like that the server holds back for `--latency` ms, so a connection stays busy. */
async function startSlowRequest(baseUrl: string): Promise<void> {
  const page = await fetch(baseUrl + '/');
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1] ?? '';
  fetch(baseUrl + '/like/', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'HX-Request': 'true' } })
    .catch(() => {}); // cut off by the shutdown: expected
  await new Promise((resolve) => setTimeout(resolve, 200)); // the request is now waiting inside the server
}

describe('shutdown', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} exits 0 quickly with an open event stream`, async () => {
      const { cli, baseUrl } = await startServe(['--port', '0']);
      const { ended } = await holdInspectorStream(baseUrl);

      const started = performance.now();
      cli.child.kill(signal);
      const exit = await cli.exited;
      const elapsed = performance.now() - started;

      expect(exit).toEqual({ code: 0, signal: null });
      expect(elapsed).toBeLessThan(2500);
      expect(cli.stdout()).toContain('Shutting down…');
      await ended;
    });
  }

  it('a request still in flight holds the exit back 2 s at most', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0', '--latency', '10000']);
    await startSlowRequest(baseUrl);
    const started = performance.now();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(1500);
    expect(elapsed).toBeLessThan(3500);
  });

  it('a second Ctrl+C exits at once with code 130', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0', '--latency', '10000']);
    await startSlowRequest(baseUrl);
    cli.child.kill('SIGINT');
    await cli.waitFor(/Shutting down…/);
    const started = performance.now();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 130, signal: null });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
