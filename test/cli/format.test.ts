// The pure pieces behind the CLI: option parsing and the request log line.
import { hostname, networkInterfaces } from 'node:os';
import { stripVTControlCharacters as plain } from 'node:util';
import chalk from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatRequestLine } from '../../src/cli/log.js';
import { parseAllowedHosts, parsePort, resolveServeOptions } from '../../src/cli/options.js';
import { allowedHostsFor } from '../../src/kit/address.js';

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

  it('labels lesson-control traffic "control", in a colour of its own, not as either lane', () => {
    const line = (lane: 'json' | 'htmx' | 'controls') =>
      formatRequestLine({ method: 'POST', url: '/failure/switches', status: 200, bytes: 10, ms: 1, lane, aborted: false });
    expect(plain(line('controls'))).toBe('      POST /failure/switches  200  10 B  1 ms  control');
    const level = chalk.level;
    chalk.level = 1; // as on a terminal
    try {
      // The escape codes that open each label: three owners, three colours.
      const colourOf = (lane: 'json' | 'htmx' | 'controls') => /((?:\u001b\[[\d;]+m)+)[a-z]+(?:\u001b\[[\d;]+m)*$/.exec(line(lane))![1];
      const colours = [colourOf('json'), colourOf('htmx'), colourOf('controls')];
      expect(new Set(colours).size).toBe(3);
    } finally {
      chalk.level = level;
    }
  });

  it('formats sizes in B, kB and MB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
  });
});

describe('--allowed-hosts', () => {
  it('takes names and .domains, comma-separated, in any case; all (or true) answers to any name', () => {
    expect(parseAllowedHosts('Laptop.local, .lab.example,10.0.0.5')).toEqual(['laptop.local', '.lab.example', '10.0.0.5']);
    expect(parseAllowedHosts('all')).toBe(true);
    expect(parseAllowedHosts('true')).toBe(true);
  });

  it('refuses what is no host name, in one line', () => {
    for (const bad of ['a b', 'http://x.example', 'x.example:3000', '.', 'x/y', "x'y"]) {
      expect(() => parseAllowedHosts(bad)).toThrow(/^invalid host name ".*" in --allowed-hosts: use names such as/);
    }
  });

  it('on loopback: the loopback names and the extra ones only', () => {
    const hosts = allowedHostsFor('127.0.0.1', ['lab.example']);
    expect(hosts).toEqual(['localhost', '.localhost', '127.0.0.1', '::1', 'lab.example']);
  });

  it('with --host: the given host and every address of this machine, as well', () => {
    const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []).map((a) => a.address);
    expect(allowedHostsFor('0.0.0.0', [])).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', ...addresses]));
    expect(allowedHostsFor('0.0.0.0', [])).not.toContain('0.0.0.0');
    expect(allowedHostsFor('laptop.local', [])).toContain('laptop.local');
    expect(allowedHostsFor('0.0.0.0', [])).toEqual(expect.arrayContaining([hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]));
    expect(allowedHostsFor('0.0.0.0', true)).toBe(true);
  });
});
