// htmx-demo scaffold for real: the files it writes, where they come from, and every way it refuses to lose a file.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { notesForStarter, withoutCodeLists } from '../../src/cli/scaffold/plan.js';
import { filesUnder, repoRoot, runIn, snapshot, tempDir, type CliResult } from './scaffold-support.js';
import { binPath } from './spawn-cli.js';

let dir: string;
beforeEach(() => { dir = tempDir(); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const scaffold = (args: string[], env: Record<string, string> = {}) => runIn(dir, ['scaffold', ...args], env);

/** A refusal: exit 1, one `error:` line, no stack. */
function expectRefusal(result: CliResult, message: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

/** What `--lessons <ids>` must write: the starter template (with .gitignore), serve's shared files, the lessons. */
function expectedFiles(ids: string[]): string[] {
  const template = filesUnder(join(repoRoot, 'templates/starter')).map((f) => (f === '_gitignore' ? '.gitignore' : f));
  const served = [
    ...filesUnder(join(repoRoot, 'src/kit')).map((f) => `src/kit/${f}`), // the kit, whole: no twin of any of it
    'views/error-fragment.ejs', 'public/app.css', 'public/favicon.svg',
  ];
  const lessonFiles = ['shared', ...ids].flatMap((id) =>
    filesUnder(join(repoRoot, 'src/lessons', id))
      .filter((f) => (!/^notes\./.test(f) || f === 'notes.en.md') && f !== 'exercises.json')
      .map((f) => `src/lessons/${id}/${f === 'notes.en.md' ? 'notes.md' : f}`),
  );
  return [...template, ...served, ...lessonFiles, 'src/lessons/index.ts'].sort();
}

describe('htmx-demo scaffold <dir>', () => {
  it('--help lists the options and examples; no folder is a one-line usage error', async () => {
    const help = await scaffold(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: htmx-demo scaffold \[options\] <dir>/);
    for (const flag of ['--lessons <ids>', '--lang <code>', '--force', '--dry-run', '--install']) expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('htmx-demo scaffold my-demo --lessons like,toggle --lang ko');
    expectRefusal(await scaffold([]), /missing required argument 'dir' \(see htmx-demo scaffold --help\)/);
    expectRefusal(await scaffold(['x', '--lang', 'fr']), /'fr' is invalid.*en, ko/);
  });

  it('writes the starter with the like lesson, renames _gitignore, and prints the next steps', async () => {
    const result = await scaffold(['my-demo']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(filesUnder(join(dir, 'my-demo'))).toEqual(expectedFiles(['like']));
    expect(result.stdout).toContain('Scaffolded my-demo');
    expect(result.stdout).toMatch(/Next steps:\n {2}cd my-demo\n {2}npm install\n {2}npm test\n {2}npm start\n/);
    expect(readdirSync(dir)).toEqual(['my-demo']); // no temporary folder left beside it
  });

  it('copies the lesson and server files serve runs, byte for byte (one source, no copies that drift)', async () => {
    await scaffold(['my-demo', '--lessons', 'all']);
    const project = join(dir, 'my-demo');
    const pairs: Array<[string, string]> = [
      ['src/kit/security.ts', 'src/kit/security.ts'], ['src/kit/mount.ts', 'src/kit/mount.ts'],
      ['src/kit/visitor.ts', 'src/kit/visitor.ts'],
      ...expectedFiles(lessons.map((l) => l.id))
        .filter((f) => f.startsWith('src/kit/') || (f.startsWith('src/lessons/') && f !== 'src/lessons/index.ts' && !/\/(lesson\.ts|notes\.md)$/.test(f)))
        .map((f): [string, string] => [f, f]),
    ];
    for (const [source, copy] of pairs) {
      expect(readFileSync(join(project, copy), 'utf8'), copy).toBe(readFileSync(join(repoRoot, source), 'utf8'));
    }
    // Two edits on the way: no `code:` lists (they feed serve's code panels), notes without serve's highlight marks.
    for (const lesson of lessons) {
      const copied = readFileSync(join(project, `src/lessons/${lesson.id}/lesson.ts`), 'utf8');
      expect(copied, lesson.id).not.toMatch(/\bcode:/);
      expect(copied).toBe(withoutCodeLists(readFileSync(join(lesson.dir, 'lesson.ts'), 'utf8')));
      const notes = readFileSync(join(project, `src/lessons/${lesson.id}/notes.md`), 'utf8');
      expect(notes).not.toContain('<!--');
      expect(notes).toBe(notesForStarter(readFileSync(join(lesson.dir, 'notes.en.md'), 'utf8')));
    }
  });

  it('names the package after the folder, and sets the UI language with --lang', async () => {
    expect((await scaffold(['ko-demo', '--lang', 'ko'])).code).toBe(0);
    const project = join(dir, 'ko-demo');
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).name).toBe('ko-demo');
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toMatch(/^# ko-demo\n/);
    expect(readFileSync(join(project, 'src/main.ts'), 'utf8')).toContain("createApp({ lang: 'ko', ");
  });

  it('--lessons all takes every lesson of the list, in order; a list takes those', async () => {
    expect((await scaffold(['all', '--lessons', 'all'])).code).toBe(0);
    expect(filesUnder(join(dir, 'all'))).toEqual(expectedFiles(lessons.map((l) => l.id)));
    const index = readFileSync(join(dir, 'all/src/lessons/index.ts'), 'utf8');
    const imported = [...index.matchAll(/import\('\.\/([\w-]+)\/lesson\.js'\)/g)].map((m) => m[1]);
    expect(imported).toEqual(lessons.map((l) => l.id));

    expect((await scaffold(['some', '--lessons', ' like, like '])).code).toBe(0);
    expect(filesUnder(join(dir, 'some'))).toEqual(expectedFiles(['like']));
  });

  it('refuses an unknown lesson, naming the valid ones, and writes nothing', async () => {
    const result = await scaffold(['my-demo', '--lessons', 'like,nope']);
    expectRefusal(result, new RegExp(`unknown lesson "nope": choose from ${lessons.map((l) => l.id).join(', ')}, or all`));
    expect(readdirSync(dir)).toEqual([]);
    expectRefusal(await scaffold(['my-demo', '--lessons', ',']), /no lessons given/);
  });

  it('refuses a folder name npm would refuse, suggesting a valid one', async () => {
    expectRefusal(await scaffold(['My Demo']), /^error: "My Demo" cannot be a package name \(it has capital letters\): try htmx-demo scaffold my-demo$/m);
    expectRefusal(await scaffold(['sub/_hidden']), /"_hidden" cannot be a package name .*: try htmx-demo scaffold sub\/hidden$/m);
    expectRefusal(await scaffold(['http']), /Node\.js core module.*try htmx-demo scaffold http-app$/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('works in a path with spaces, and quotes it in the next steps', async () => {
    const result = await scaffold(['my folder/my-demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  cd 'my folder/my-demo'\n");
    expect(existsSync(join(dir, 'my folder/my-demo/package.json'))).toBe(true);
  });

  it('into the current folder: no cd step', async () => {
    const here = join(dir, 'here');
    mkdirSync(here);
    const result = await runIn(here, ['scaffold', '.']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Next steps:\n {2}npm install\n/);
    expect(JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).name).toBe('here');
  });

  it('gives the next steps of the package manager it was run with', async () => {
    const cases: Array<[string, string]> = [
      ['pnpm/9.12.0 npm/? node/v20.19.0 linux x64', '  pnpm install\n  pnpm test\n  pnpm start\n'],
      ['yarn/4.5.0 npm/? node/v20.19.0 linux x64', '  yarn\n  yarn test\n  yarn start\n'],
      ['bun/1.1.30 npm/? node/v20.19.0 linux x64', '  bun install\n  bun run test\n  bun run start\n'],
      ['npm/10.8.2 node/v20.19.0 linux x64 workspaces/false', '  npm install\n  npm test\n  npm start\n'],
    ];
    for (const [userAgent, steps] of cases) {
      const name = `demo-${userAgent.split('/')[0]}`;
      const result = await scaffold([name], { npm_config_user_agent: userAgent });
      expect(result.stdout).toContain(`  cd ${name}\n${steps}`);
    }
  });

  it('--dry-run lists every file it would write, and writes nothing (not even the folders above)', async () => {
    const result = await scaffold(['a/b/my-demo', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run: would write \d+ files to a\/b\/my-demo \(nothing written\):/);
    const listed = result.stdout.split('\n').slice(1).map((line) => line.trim()).filter(Boolean);
    expect(listed).toEqual(expectedFiles(['like']));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('never losing a file', () => {
  it('refuses a non-empty folder, listing what is in the way, and changes nothing', async () => {
    const project = join(dir, 'busy');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'notes.txt'), 'mine');
    writeFileSync(join(project, 'src/app.js'), 'mine');
    const before = snapshot(dir);
    const result = await scaffold(['busy']);
    expectRefusal(result, /^error: busy is not empty: notes\.txt, src would be in the way \(use an empty folder, or --force/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('takes a folder holding only harmless files (.git, LICENSE, .DS_Store, .idea, Thumbs.db) and keeps them', async () => {
    const project = join(dir, 'fresh');
    mkdirSync(join(project, '.git'), { recursive: true });
    mkdirSync(join(project, '.idea'));
    for (const file of ['.git/HEAD', 'LICENSE', '.DS_Store', 'Thumbs.db']) writeFileSync(join(project, file), `user's ${file}`);
    expect((await scaffold(['fresh'])).code).toBe(0);
    for (const file of ['.git/HEAD', 'LICENSE', '.DS_Store', 'Thumbs.db']) {
      expect(readFileSync(join(project, file), 'utf8')).toBe(`user's ${file}`);
    }
    expect(existsSync(join(project, 'package.json'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['fresh']);
  });

  it('--force writes over the starter\'s own files, keeps each in a backup folder it names, and keeps every other file', async () => {
    const project = join(dir, 'forced');
    mkdirSync(join(project, 'src/server'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"old"}');
    writeFileSync(join(project, 'README.md'), 'my readme');
    writeFileSync(join(project, 'notes.txt'), 'mine');
    writeFileSync(join(project, 'src/server/extra.ts'), 'mine too');
    const result = await scaffold(['forced', '--force']);
    expect(result.code).toBe(0);
    const backup = /Wrote over package\.json, README\.md; the old files are kept in forced\/(\.htmx-demo-backup-[\dT-]+)\/ \(nothing else was touched\)\./.exec(result.stdout)?.[1];
    expect(backup, result.stdout).toBeDefined();
    expect(readFileSync(join(project, backup!, 'package.json'), 'utf8')).toBe('{"name":"old"}');
    expect(readFileSync(join(project, backup!, 'README.md'), 'utf8')).toBe('my readme');
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).name).toBe('forced');
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(project, 'src/server/extra.ts'), 'utf8')).toBe('mine too');
    expect(filesUnder(project)).toEqual(
      [...expectedFiles(['like']), 'notes.txt', 'src/server/extra.ts', `${backup}/README.md`, `${backup}/package.json`].sort(),
    );
    expect(readdirSync(dir)).toEqual(['forced']);
  });

  it('the refusal and --dry-run say which of the user\'s files --force would replace, and where it keeps them', async () => {
    const project = join(dir, 'busy');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"old"}');
    writeFileSync(join(project, 'src/main.ts'), 'my main');
    writeFileSync(join(project, 'notes.txt'), 'mine');
    const before = snapshot(dir);
    expectRefusal(await scaffold(['busy']), /^error: busy is not empty: notes\.txt, package\.json, src would be in the way \(use an empty folder, or --force to replace package\.json, src\/main\.ts, keeping the old ones in \.htmx-demo-backup-[\dT-]+\/, and leave the rest alone\)\n$/);
    const dry = await scaffold(['busy', '--force', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^ {2}package\.json {2}\(replaces your file; the old one is kept in \.htmx-demo-backup-[\dT-]+\/\)$/m);
    expect(dry.stdout).toMatch(/^ {2}src\/main\.ts {2}\(replaces your file/m);
    expect(dry.stdout).toMatch(/^Would replace 2 of your files: package\.json, src\/main\.ts; each is kept in busy\/\.htmx-demo-backup-[\dT-]+\/\.$/m);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a folder with nothing the starter replaces: the refusal says --force would replace none of it', async () => {
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy/notes.txt'), 'mine');
    expectRefusal(await scaffold(['busy']), /\(use an empty folder, or --force to add the starter beside them: none of them would be replaced\)/);
  });

  it('--force still refuses to put a file where the user has a folder (or the other way round)', async () => {
    const project = join(dir, 'forced');
    mkdirSync(join(project, 'README.md'), { recursive: true });
    writeFileSync(join(project, 'README.md/keep.txt'), 'mine');
    writeFileSync(join(project, 'views'), 'a file where the starter has a folder');
    const before = snapshot(dir);
    const result = await scaffold(['forced', '--force']);
    expectRefusal(result, /cannot write into forced without deleting: README\.md \(a folder where the starter writes a file\), views \(a file or link where the starter needs a folder\)/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a target that is a file, or a path through a file, in one line', async () => {
    writeFileSync(join(dir, 'taken'), 'a file');
    expectRefusal(await scaffold(['taken']), /^error: taken is a file, not a folder: choose another path\n$/);
    expectRefusal(await scaffold(['taken/sub/my-demo']), /^error: cannot create taken\/sub\/my-demo: taken is a file, not a folder\n$/);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('a file');
  });

  it('a target that is a link to nothing is refused in a sentence, and the link is left alone', async () => {
    symlinkSync('gone/elsewhere', join(dir, 'my-demo'));
    const result = await scaffold(['my-demo']);
    expectRefusal(result, /^error: my-demo is a link to gone\/elsewhere, which does not exist: remove the link, or create that folder, or choose another path\n$/);
    expect(result.stderr).not.toMatch(/ENOENT/);
    expect(snapshot(dir)).toEqual({ 'my-demo': 'link -> gone/elsewhere' });
    expectRefusal(await scaffold(['my-demo/sub']), /^error: cannot create my-demo\/sub: my-demo is a link to gone\/elsewhere, which does not exist\n$/);
    expect(snapshot(dir)).toEqual({ 'my-demo': 'link -> gone/elsewhere' });
  });

  it('two scaffolds into one empty folder at once: one wins whole, the other fails in one line and changes nothing', async () => {
    mkdirSync(join(dir, 'shared'));
    const [en, ko] = await Promise.all([scaffold(['shared', '--lang', 'en']), scaffold(['shared', '--lang', 'ko'])]);
    expect([en.code, ko.code].sort()).toEqual([0, 1]);
    const [winner, loser] = en.code === 0 ? ['en', ko] : ['ko', en];
    expect(loser.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(readFileSync(join(dir, 'shared/src/main.ts'), 'utf8')).toContain(`createApp({ lang: '${winner}', `);
    expect(filesUnder(join(dir, 'shared'))).toEqual(expectedFiles(['like']));
    expect(readdirSync(dir)).toEqual(['shared']);
  });

  it('refuses a folder it may not write in', async () => {
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    // Root may write anywhere (CI runs as root): then the command runs as the unprivileged user "nobody".
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o777);
    const as = asRoot ? { uid: 65534, gid: 65534 } : undefined;
    expectRefusal(await runIn(dir, ['scaffold', 'locked/my-demo'], {}, as), /cannot create locked\/my-demo: locked is not writable/);
    expectRefusal(await runIn(dir, ['scaffold', 'locked'], {}, as), /locked is not writable/);
    expect(readdirSync(join(dir, 'locked'))).toEqual([]);
  });

  it('a failure at any step leaves nothing behind, not even the folders it made, and says what happened', async () => {
    const dry = await scaffold(['a/b/my-demo', '--dry-run']);
    const fileCount = Number(/would write (\d+) files/.exec(dry.stdout)?.[1]);
    // Steps: 2 folders above, the temporary folder, then a folder and a file per file, and the final move.
    const lastStep = 2 + 1 + 2 * fileCount + 1;
    for (const step of [1, 3, 4, lastStep - 1, lastStep]) {
      const result = await scaffold(['a/b/my-demo'], { HTMX_DEMO_SCAFFOLD_FAULT: String(step) });
      expectRefusal(result, new RegExp(`^error: could not write a/b/my-demo: injected fault at step ${step} \\(\\w+\\); nothing was changed\\n$`));
      expect(readdirSync(dir), `step ${step}`).toEqual([]);
    }
    expect((await scaffold(['a/b/my-demo'], { HTMX_DEMO_SCAFFOLD_FAULT: String(lastStep + 1) })).code).toBe(0);
  });

  it('a failure while moving into an existing folder puts back every file it had written over', async () => {
    const project = join(dir, 'forced');
    mkdirSync(join(project, 'src/lessons/like'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"old"}');
    writeFileSync(join(project, 'src/lessons/like/lesson.ts'), 'old lesson');
    writeFileSync(join(project, 'mine.txt'), 'mine');
    const before = snapshot(dir);
    const dry = await scaffold(['forced', '--dry-run', '--force']);
    const fileCount = Number(/would write (\d+) files/.exec(dry.stdout)?.[1]);
    // The last steps are the moves into the existing folder: fail late, when most of them are done.
    const result = await scaffold(['forced', '--force'], { HTMX_DEMO_SCAFFOLD_FAULT: String(1 + 2 * fileCount + 8) });
    expectRefusal(result, /could not write forced: injected fault .*; nothing was changed/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('Ctrl+C', () => {
  it('during the writing: everything is put back, and the exit status is 130', async () => {
    const result = await scaffold(['my-demo'], { HTMX_DEMO_SCAFFOLD_FAULT: '4:SIGINT' });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^error: could not write my-demo: interrupted \(SIGINT\); nothing was changed\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--install', () => {
  /** A fake package manager on PATH that records where and how it was run, then exits with `code`. */
  function fakeNpm(code: number): { path: string; log: string } {
    const bin = join(dir, 'bin');
    const log = join(dir, 'npm-ran.json');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npm'),
      `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));\nprocess.exit(${code});\n`,
      { mode: 0o755 },
    );
    return { path: `${bin}:${process.env.PATH}`, log };
  }

  it('runs the package manager\'s install in the new project, then leaves it out of the next steps', async () => {
    const npm = fakeNpm(0);
    const result = await scaffold(['my-demo', '--install'], { PATH: npm.path });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(npm.log, 'utf8'))).toEqual({ args: ['install'], cwd: join(dir, 'my-demo') });
    expect(result.stdout).toMatch(/Next steps:\n {2}cd my-demo\n {2}npm test\n {2}npm start\n/);
  });

  it('a Ctrl+C that comes at the last step, while cleaning up, never starts the install, and the exit status says so', async () => {
    const npm = fakeNpm(0);
    const dry = await scaffold(['my-demo', '--dry-run']);
    const fileCount = Number(/would write (\d+) files/.exec(dry.stdout)?.[1]);
    const lastStep = 1 + 2 * fileCount + 1; // the temporary folder, a folder and a file per file, the final move
    const result = await scaffold(['my-demo', '--install'], { PATH: npm.path, HTMX_DEMO_SCAFFOLD_FAULT: `${lastStep}:SIGINT` });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^error: interrupted \(SIGINT\): the project is written, but nothing more was done\n$/);
    expect(existsSync(npm.log)).toBe(false);
    expect(filesUnder(join(dir, 'my-demo'))).toEqual(expectedFiles(['like']));
  });

  it('a failed install keeps the project and says what to run', async () => {
    const npm = fakeNpm(3);
    const result = await scaffold(['my-demo', '--install'], { PATH: npm.path });
    expectRefusal(result, /^error: the project is written, but npm install failed \(exit code 3\): run it yourself in my-demo\n$/);
    expect(existsSync(join(dir, 'my-demo/package.json'))).toBe(true);
  });
});

describe('htmx-demo scaffold on a terminal', () => {
  // A real terminal through script(1): the question is asked only there, and only when no flag answers it.
  const hasScript = existsSync('/usr/bin/script');
  const onTerminal = (args: string, answer: string) => new Promise<string>((resolve) => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} scaffold ${args}`;
    const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('(y/N)') && child.stdin.writable) child.stdin.end(`${answer}\r`);
    });
    child.on('close', () => resolve(output));
    child.on('exit', () => child.stdin.end()); // script(1) waits for its input to end too
  });

  it.skipIf(!hasScript)('asks whether to make exercises; y gives them, Enter does not, --no-exercises never asks', async () => {
    const yes = await onTerminal('with --lessons like', 'y');
    expect(yes).toContain('Make it an exercise?');
    expect(existsSync(join(dir, 'with/solutions/like/htmx.ts'))).toBe(true);
    await onTerminal('without --lessons like', '');
    expect(existsSync(join(dir, 'without/solutions'))).toBe(false);
    const flagged = await onTerminal('flagged --no-exercises', 'y');
    expect(flagged).not.toContain('Make it an exercise?');
    expect(existsSync(join(dir, 'flagged/solutions'))).toBe(false);
  }, 60_000);
});

