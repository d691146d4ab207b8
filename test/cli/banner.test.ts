// The LAN banner: every Network URL, a terminal QR code that reads back as the join URL, the join page, the instructor URL.
import chalk from 'chalk';
import { encode } from 'uqr';
import { stripVTControlCharacters as plain } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printBanner, type BannerInfo } from '../../src/cli/log.js';
import { qrBorder, terminalQr } from '../../src/cli/qr.js';
import { readCompactQr } from '../support/qr.js';

const joinUrl = 'http://192.0.2.7:3000/';
const info: BannerInfo = {
  name: 'htmx-demo',
  version: '0.1.0',
  localUrl: 'http://localhost:3000/',
  networkUrls: [joinUrl, 'http://198.51.100.4:3000/'],
  exposeHint: false,
  latencyMs: 0,
  joinUrl,
  joinPageUrl: 'http://localhost:3000/join',
  instructorUrl: 'http://192.0.2.7:3000/present?key=abcdefghijklmnopqrstuv',
};

const level = chalk.level;
afterEach(() => {
  chalk.level = level;
  vi.restoreAllMocks();
});

function banner(shown: BannerInfo): string[] {
  let out = '';
  if (shown.joinUrl) shown = { ...shown, joinQr: terminalQr(shown.joinUrl) }; // drawn at the colour level in force
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    out += String(text);
    return true;
  });
  printBanner(shown);
  vi.restoreAllMocks();
  return out.split('\n');
}

/** The banner's QR block: the run of lines made of block characters only. */
function qrLines(lines: string[]): string[] {
  return lines.filter((line) => /^ {2}[█▀▄ ]+$/.test(plain(line)) && /[█▀▄]/.test(line)).map((line) => plain(line).slice(2));
}

describe('the LAN banner', () => {
  for (const colour of [false, true]) {
    it(`draws a QR code that reads back as the first Network URL (${colour ? 'colour' : 'plain'})`, () => {
      chalk.level = colour ? 1 : 0;
      const lines = banner(info);
      const expected = encode(joinUrl, { border: qrBorder, ecc: 'L' }).data;
      const drawn = readCompactQr(qrLines(lines));
      // An odd number of rows leaves the last line's lower half as padding.
      expect(drawn.slice(0, expected.length)).toEqual(expected);
      if (colour) {
        // White on black whatever the terminal's theme: light modules stay light on a light background too.
        for (const line of lines.filter((l) => /[█▀▄]/.test(l))) expect(line).toContain('\u001b[40m');
      }
    });
  }

  it('lists every Network URL, the join page and the instructor URL', () => {
    chalk.level = 0;
    const text = banner(info).join('\n');
    expect(text).toMatch(/Network: +http:\/\/192\.0\.2\.7:3000\//);
    expect(text).toMatch(/Network: +http:\/\/198\.51\.100\.4:3000\//);
    expect(text).toContain('Scan to join http://192.0.2.7:3000/');
    expect(text).toMatch(/Project: +http:\/\/localhost:3000\/join/);
    expect(text).toMatch(/Instructor: http:\/\/192\.0\.2\.7:3000\/present\?key=abcdefghijklmnopqrstuv +\(yours alone: do not project it\)/);
  });

  it('on loopback draws no QR code and prints no instructor URL', () => {
    chalk.level = 0;
    const lines = banner({ ...info, networkUrls: undefined, exposeHint: true, joinUrl: undefined, joinPageUrl: undefined, instructorUrl: undefined });
    expect(qrLines(lines)).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/Instructor|Scan to join|\/join/);
  });

  it('says when the CSRF secret could not be kept', () => {
    chalk.level = 0;
    const text = banner({ ...info, secretNote: 'Note: could not save the CSRF secret in /x (EACCES); open tabs will need a reload after a restart.' }).join('\n');
    expect(text).toContain('could not save the CSRF secret in /x (EACCES)');
  });
});
