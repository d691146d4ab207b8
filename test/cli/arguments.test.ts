// The CLI's front door: help, version, and one clear line (no stack trace) for every kind of bad argument.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, runCli } from './spawn-cli.js';

afterEach(killAll);

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** A readable failure: exit 1, an `error:` line first, no stack frames. */
function expectCleanFailure(result: { code: number | null; stderr: string }, message: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('help and version', () => {
  it('--help shows the usage, the serve command and the examples', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: htmx-demo \[options\] \[command\]/);
    expect(stdout).toMatch(/^\s+serve \[options\]/m);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('htmx-demo serve --port 8080 --open');
    expect(stdout).toContain('htmx-demo serve --host 0.0.0.0   # workshop on a LAN');
    expect(stdout).toContain('htmx-demo serve --latency 800 --lang ko');
  });

  it('serve --help lists every option and the examples', async () => {
    const { code, stdout } = await runCli(['serve', '--help']);
    expect(code).toBe(0);
    for (const flag of ['-p, --port <n>', '--host <addr>', '--strict-port', '--open', '--latency <ms>', '--lang <code>', '--lesson <id|number>', '--no-color']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('Examples:');
  });

  it('--version and -v print the version from package.json', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await runCli([flag]);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(version);
    }
  });

  it('no command shows the help (on stderr, exit 1, as commander does)', async () => {
    const { code, stderr } = await runCli([]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Usage: htmx-demo/);
    expect(stderr).toContain('Examples:');
  });
});

describe('bad arguments fail in one readable line', () => {
  it('an unknown option, with a hint to run --help', async () => {
    const result = await runCli(['serve', '--x']);
    expectCleanFailure(result, /unknown option '--x'/);
    expect(result.stderr).toContain('--help');
  });

  it('an unknown command, with a hint to run --help', async () => {
    const result = await runCli(['frobnicate']);
    expectCleanFailure(result, /unknown command 'frobnicate'/);
    expect(result.stderr).toContain('--help');
  });

  it('a port that is not a number', async () => {
    const result = await runCli(['serve', '-p', 'abc']);
    expectCleanFailure(result, /^error: invalid port "abc": use a number from 0 to 65535$/);
  });

  it('--debug (or DEBUG=1) adds the stack trace', async () => {
    for (const [args, env] of [[['--debug'], {}], [[], { DEBUG: '1' }]] as const) {
      const { code, stderr } = await runCli(['serve', '-p', 'abc', ...args], env);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^error: invalid port "abc"/);
      expect(stderr).toMatch(/^\s+at /m);
    }
  });

  it('a port out of range', async () => {
    expectCleanFailure(await runCli(['serve', '--port', '70000']), /invalid port "70000"/);
  });

  it('a bad PORT variable, naming where it came from', async () => {
    expectCleanFailure(await runCli(['serve'], { PORT: 'http' }), /invalid port "http" \(from the PORT variable\)/);
  });

  it('a language it does not speak', async () => {
    const result = await runCli(['serve', '--lang', 'xx']);
    expectCleanFailure(result, /'xx' is invalid.*en, ko/);
  });

  it('a negative latency', async () => {
    expectCleanFailure(await runCli(['serve', '--latency', '-5']), /invalid latency "-5"/);
  });

  it('--allowed-hosts with something that is no host name', async () => {
    expectCleanFailure(await runCli(['serve', '--allowed-hosts', 'lab.example,http://x']), /invalid host name "http:\/\/x" in --allowed-hosts/);
  });

  it('an empty host (which would silently mean every interface)', async () => {
    expectCleanFailure(await runCli(['serve', '--host', '']), /invalid host ""/);
  });
});
