// The join URL as a QR code in the terminal: two rows of modules per line, light modules drawn as blocks.
import chalk from 'chalk';
import { renderUnicodeCompact } from 'uqr';

/** Quiet zone in modules: wide enough for phone cameras, small enough for an 80x24 terminal. */
export const qrBorder = 2;

/**
 * uqr's compact drawing prints light modules as full blocks, which reads right on a dark terminal. With colour on,
 * each line is painted white on black, so it reads right on a light terminal too.
 */
export function terminalQr(url: string): string[] {
  const lines = renderUnicodeCompact(url, { border: qrBorder, ecc: 'L' }).split('\n');
  return chalk.level > 0 ? lines.map((line) => chalk.whiteBright.bgBlack(line)) : lines;
}
