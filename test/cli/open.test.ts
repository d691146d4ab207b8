// --open starts the browser named by $BROWSER with the Local URL; a browser that fails is only a note.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killAll, startServe } from './spawn-cli.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'htmx-demo-open-')); });
afterEach(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** A fake browser: a node script that writes the arguments it was given into a file. */
function fakeBrowser(fileName: string): { path: string; argvFile: string } {
  const argvFile = join(dir, 'argv.json');
  const path = join(dir, fileName);
  writeFileSync(path, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(2)));\n`);
  chmodSync(path, 0o755);
  return { path, argvFile };
}

async function readWhenWritten(file: string, timeoutMs = 5000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text) return JSON.parse(text) as string[];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the browser never wrote ${file}`);
}

describe('--open', () => {
  it('runs $BROWSER (an executable) with the Local URL', async () => {
    const browser = fakeBrowser('browser');
    const { localUrl } = await startServe(['--port', '0', '--open'], { BROWSER: browser.path });
    expect(await readWhenWritten(browser.argvFile)).toEqual([localUrl]);
  });

  it('runs a .cjs script in $BROWSER with node', async () => {
    const browser = fakeBrowser('browser.cjs');
    chmodSync(browser.path, 0o644); // not executable: node runs it
    const { localUrl } = await startServe(['--port', '0', '--open'], { BROWSER: browser.path });
    expect(await readWhenWritten(browser.argvFile)).toEqual([localUrl]);
  });

  it('a browser that cannot start leaves a note and the server running', async () => {
    const { cli, baseUrl } = await startServe(['--port', '0', '--open'], { BROWSER: join(dir, 'no-such-browser') });
    await cli.waitFor(/Could not open a browser .*; open http:\/\/localhost:\d+\/ yourself\./);
    expect((await fetch(baseUrl + '/')).status).toBe(200);
  });
});
