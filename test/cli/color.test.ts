// Colour only when it can be seen or is asked for: piped output is plain; --no-color and NO_COLOR win over FORCE_COLOR.
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, startServe } from './spawn-cli.js';

afterEach(killAll);

const ansi = /\u001b\[\d+(;\d+)*m/;

async function bannerWith(args: string[], env: Record<string, string>) {
  const { cli } = await startServe(['--port', '0', ...args], env);
  return cli.stdout();
}

describe('colour', () => {
  it('piped output has no ANSI escapes', async () => {
    expect(await bannerWith([], {})).not.toMatch(ansi);
  });

  it('FORCE_COLOR=1 colours the banner', async () => {
    expect(await bannerWith([], { FORCE_COLOR: '1' })).toMatch(ansi);
  });

  it('--no-color wins over FORCE_COLOR=1', async () => {
    expect(await bannerWith(['--no-color'], { FORCE_COLOR: '1' })).not.toMatch(ansi);
  });

  it('NO_COLOR=1 wins over FORCE_COLOR=1', async () => {
    expect(await bannerWith([], { NO_COLOR: '1', FORCE_COLOR: '1' })).not.toMatch(ansi);
  });
});
