// Reads a QR code printed by uqr's compact drawing back into modules (true = dark), to compare with what it encodes.
import { stripVTControlCharacters as plain } from 'node:util';

/** Each character holds two rows: █ both light, ▀ light over dark, ▄ dark over light, space both dark. */
export function readCompactQr(lines: string[]): boolean[][] {
  const top: Record<string, boolean> = { '█': false, '▀': false, '▄': true, ' ': true };
  const bottom: Record<string, boolean> = { '█': false, '▀': true, '▄': false, ' ': true };
  const rows: boolean[][] = [];
  for (const line of lines.map((l) => plain(l))) {
    const chars = [...line];
    for (const char of chars) if (!(char in top)) throw new Error(`not a QR character: ${JSON.stringify(char)}`);
    rows.push(chars.map((char) => top[char]!), chars.map((char) => bottom[char]!));
  }
  return rows;
}
