// The pure pieces behind the CLI: option parsing and the request log line.
import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatRequestLine } from '../../src/cli/log.js';
import { parsePort, resolveServeOptions } from '../../src/cli/options.js';

describe('parsePort', () => {
  it('takes 0 to 65535', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('3000')).toBe(3000);
    expect(parsePort('65535')).toBe(65535);
  });

  it('refuses anything else with a readable message', () => {
    for (const bad of ['', 'abc', '-1', '65536', '3000.5', '0x10', ' 80', '1e3']) {
      expect(() => parsePort(bad)).toThrow(`invalid port "${bad}": use a number from 0 to 65535`);
    }
  });
});

describe('resolveServeOptions', () => {
  const raw = { host: '127.0.0.1', lang: 'en' };
  it('--port wins over PORT, which wins over 3000; an empty PORT counts as unset', () => {
    expect(resolveServeOptions({ ...raw, port: '8080' }, { PORT: '9090' }, false).port).toBe(8080);
    expect(resolveServeOptions(raw, { PORT: '9090' }, false).port).toBe(9090);
    expect(resolveServeOptions(raw, { PORT: '' }, false).port).toBe(3000);
  });
});

describe('formatRequestLine', () => {
  it('shows method, url, status, size, time and lane', () => {
    const line = formatRequestLine({ method: 'POST', url: '/like/', status: 200, bytes: 212, ms: 3.4, lane: 'htmx', aborted: false });
    expect(plain(line)).toBe('      POST /like/  200  212 B  3 ms  htmx');
  });

  it('leaves the lane out for pages and files', () => {
    const line = formatRequestLine({ method: 'GET', url: '/', status: 404, bytes: 15_900, ms: 12.6, aborted: false });
    expect(plain(line)).toBe('      GET /  404  15.9 kB  13 ms');
  });

  it('says a request was aborted instead of showing a status that was never sent', () => {
    const line = formatRequestLine({ method: 'POST', url: '/like/', status: 404, bytes: 0, ms: 300, lane: 'htmx', aborted: true });
    expect(plain(line)).toBe('      POST /like/  aborted  0 B  300 ms  htmx');
  });

  it('formats sizes in B, kB and MB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
  });
});
