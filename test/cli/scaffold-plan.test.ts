// The scaffold's pure parts: names, package managers, shell quoting, the plan, and a starter that imports only itself.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import { commandsFor, detectPackageManager, packageNameProblem, quoteForShell, suggestPackageName } from '../../src/cli/scaffold/names.js';
import { lessonIndexSource, listFiles, planStarter, sharedSources, type PlannedFile } from '../../src/cli/scaffold/plan.js';
import { repoRoot } from './scaffold-support.js';

describe('package names', () => {
  it('takes what npm takes', () => {
    for (const name of ['my-demo', 'demo2', 'a', 'my.demo', 'my_demo', '2048']) expect(packageNameProblem(name), name).toBeUndefined();
  });

  it('refuses the rest, saying why, and suggests the nearest valid name', () => {
    const cases: Array<[string, RegExp, string]> = [
      ['My-Demo', /capital letters/, 'my-demo'],
      ['my demo', /spaces/, 'my-demo'],
      ['.hidden', /starting with a letter or digit/, 'hidden'],
      ['_private', /starting with a letter or digit/, 'private'],
      ['démo!', /only a-z/, 'd-mo'],
      ['fs', /core module/, 'fs-app'],
      ['node_modules', /reserves/, 'node_modules-app'],
      ['x'.repeat(215), /longer than 214/, 'x'.repeat(214)],
      ['!!!', /only a-z/, 'htmx-starter'],
    ];
    for (const [name, why, suggestion] of cases) {
      expect(packageNameProblem(name), name).toMatch(why);
      expect(suggestPackageName(name), name).toBe(suggestion);
      expect(packageNameProblem(suggestPackageName(name)), suggestion).toBeUndefined();
    }
  });
});

describe('package managers', () => {
  it('come from npm_config_user_agent; npm when unknown or unset', () => {
    expect(detectPackageManager('pnpm/9.1.0 npm/? node/v20.11.0 darwin arm64')).toBe('pnpm');
    expect(detectPackageManager('yarn/1.22.22 npm/? node/v20.11.0 linux x64')).toBe('yarn');
    expect(detectPackageManager('bun/1.1.0 npm/? node/v20.11.0 linux x64')).toBe('bun');
    expect(detectPackageManager('npm/10.2.0 node/v20.11.0 linux x64')).toBe('npm');
    expect(detectPackageManager('deno/2.0')).toBe('npm');
    expect(detectPackageManager(undefined)).toBe('npm');
  });

  it('each says install, start and test its own way', () => {
    expect(commandsFor('npm')).toEqual({ install: ['npm', 'install'], start: 'npm start', test: 'npm test' });
    expect(commandsFor('yarn')).toEqual({ install: ['yarn'], start: 'yarn start', test: 'yarn test' });
    expect(commandsFor('bun')).toEqual({ install: ['bun', 'install'], start: 'bun run start', test: 'bun run test' });
  });
});

describe('quoteForShell', () => {
  it('leaves plain paths alone and quotes the rest for the shell at hand', () => {
    expect(quoteForShell('my-demo', 'linux')).toBe('my-demo');
    expect(quoteForShell('../a/b_c.d', 'linux')).toBe('../a/b_c.d');
    expect(quoteForShell('my demo', 'linux')).toBe("'my demo'");
    expect(quoteForShell("it's here", 'darwin')).toBe(`'it'\\''s here'`);
    expect(quoteForShell('$HOME/x', 'linux')).toBe("'$HOME/x'");
    expect(quoteForShell('a\\b', 'linux')).toBe("'a\\b'");
    expect(quoteForShell('my demo', 'win32')).toBe('"my demo"');
    expect(quoteForShell('..\\my-demo', 'win32')).toBe('..\\my-demo');
  });
});

describe('planStarter', () => {
  const inputs = {
    packageRoot: '/pkg',
    templateFiles: ['_gitignore', 'package.json', 'src/main.ts', 'README.md'],
    kitFiles: ['mount.ts', 'spec/index.ts'],
    sharedFiles: ['per-visitor.ts'],
    lessons: [{ id: 'two-clients', dir: '/pkg/src/lessons/two-clients', files: ['lesson.ts', 'notes.en.md', 'notes.ko.md', 'views/htmx.ejs'] }],
    name: 'my-demo',
    lang: 'ko' as const,
  };

  it('maps each file to its place: _gitignore renamed, the kit whole, the notes in the starter\'s language, the lesson list written', () => {
    const plan = planStarter(inputs);
    const where = Object.fromEntries(plan.map((file) => [file.path, 'from' in file ? file.from : 'generated']));
    expect(where).toMatchObject({
      '.gitignore': '/pkg/templates/starter/_gitignore',
      'src/kit/mount.ts': '/pkg/src/kit/mount.ts',
      'src/kit/spec/index.ts': '/pkg/src/kit/spec/index.ts',
      'src/lessons/two-clients/notes.md': '/pkg/src/lessons/two-clients/notes.ko.md',
      'src/lessons/shared/per-visitor.ts': '/pkg/src/lessons/shared/per-visitor.ts',
      'src/lessons/two-clients/lesson.ts': '/pkg/src/lessons/two-clients/lesson.ts',
      'src/lessons/two-clients/views/htmx.ejs': '/pkg/src/lessons/two-clients/views/htmx.ejs',
      'src/lessons/index.ts': 'generated',
    });
    expect(Object.keys(where).filter((path) => /notes\.\w+\.md|_gitignore/.test(path))).toEqual([]);
  });

  it('edits the name into package.json and README, and the language into main.ts', () => {
    const edit = (path: string, text: string) => {
      const file = planStarter(inputs).find((f) => f.path === path) as Extract<PlannedFile, { from: string }>;
      return file.edit!(text);
    };
    expect(JSON.parse(edit('package.json', '{"name":"htmx-demo-starter","private":true}'))).toEqual({ name: 'my-demo', private: true });
    expect(edit('README.md', '# htmx-demo-starter\n\nText')).toBe('# my-demo\n\nText');
    expect(edit('src/main.ts', "const app = createApp({ lang: 'en', allowedHosts });")).toBe("const app = createApp({ lang: 'ko', allowedHosts });");
    expect(() => edit('src/main.ts', 'createApp()')).toThrow(/no longer has/);
  });

  it('with exercises: the holed files in the lesson, the originals under solutions/, the list in the starter\'s language', () => {
    const exercise = { number: 1, file: 'htmx.ts', check: 'fragment', title: { en: 'the route', ko: '경로' }, hint: { en: 'Render it.', ko: '렌더링하세요.' } };
    const plan = planStarter({
      ...inputs,
      templateFiles: [...inputs.templateFiles, 'README.md'].filter((f, i, all) => all.indexOf(f) === i),
      exerciseTemplateFiles: ['scripts/solution.ts', 'test/exercises.test.ts'],
      lessons: [{
        id: 'like', dir: '/pkg/src/lessons/like', title: '좋아요 버튼',
        files: ['lesson.ts', 'htmx.ts', 'like.test.ts', 'exercises.json'],
        exercises: { holed: { 'htmx.ts': '// TODO 1: render it\n' }, list: [exercise] },
      }],
    });
    const where = Object.fromEntries(plan.map((file) => [file.path, 'from' in file ? file.from : file.content]));
    expect(where['src/lessons/like/htmx.ts']).toBe('// TODO 1: render it\n');
    expect(where['solutions/like/htmx.ts']).toBe('/pkg/src/lessons/like/htmx.ts');
    expect(where['scripts/solution.ts']).toBe('/pkg/templates/exercises/scripts/solution.ts');
    expect(Object.keys(where).filter((path) => /like\.test\.ts|lessons\/like\/exercises\.json/.test(path))).toEqual([]);
    expect(JSON.parse(where['exercises.json']!)).toEqual({
      lang: 'ko',
      lessons: [{ id: 'like', title: '좋아요 버튼', exercises: [{ number: 1, file: 'htmx.ts', check: 'fragment', title: '경로', hint: '렌더링하세요.' }] }],
    });
    const edit = (path: string, text: string) => (plan.find((f) => f.path === path) as Extract<PlannedFile, { from: string }>).edit!(text);
    expect(JSON.parse(edit('package.json', '{"name":"x","scripts":{"test":"vitest run"}}')).scripts).toEqual({ test: 'vitest run', solution: 'tsx scripts/solution.ts' });
    expect(edit('README.md', '# htmx-demo-starter\n\n## Follow a like\n')).toContain('## 연습');
  });

  it('without exercises, a lesson\'s exercises.json stays out of the starter', () => {
    const plan = planStarter({ ...inputs, lessons: [{ id: 'like', dir: '/pkg/src/lessons/like', files: ['lesson.ts', 'exercises.json'] }] });
    expect(plan.map((file) => file.path).filter((path) => path.includes('exercises'))).toEqual([]);
  });

  it('writes the lesson list with one line per lesson, in order', () => {
    const source = lessonIndexSource(['like', 'two-clients']);
    expect(source).toContain("await Promise.all([\n  import('./like/lesson.js'),\n  import('./two-clients/lesson.js'),\n]);");
  });

  it('writes, with every lesson, this package\'s own list: one shape for both', () => {
    const own = readFileSync(join(repoRoot, 'src/lessons/index.ts'), 'utf8');
    expect(lessonIndexSource(lessons.map((lesson) => lesson.id))).toBe(own);
  });
});

describe('the starter project', () => {
  it('imports only its own files, its dependencies and Node built-ins, whatever the lessons', async () => {
    const plan = planStarter({
      packageRoot: repoRoot,
      templateFiles: await listFiles(join(repoRoot, 'templates/starter')),
      kitFiles: await listFiles(join(repoRoot, 'src/kit')),
      sharedFiles: await listFiles(join(repoRoot, 'src/lessons/shared')),
      lessons: await Promise.all(lessons.map(async ({ id, dir }) => ({ id, dir, files: await listFiles(dir) }))),
      name: 'x',
      lang: 'en',
    });
    const paths = new Set(plan.map((file) => file.path));
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'templates/starter/package.json'), 'utf8'));
    const packages = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const problems: string[] = [];
    for (const file of plan) {
      if (!/\.(ts|js)$/.test(file.path)) continue;
      const text = 'content' in file ? file.content : readFileSync(file.from, 'utf8');
      const imports = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
      for (const match of text.matchAll(imports)) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        if (specifier.startsWith('.')) {
          const resolved = join(dirname(file.path), specifier).split('\\').join('/').replace(/\.js$/, '');
          if (!paths.has(`${resolved}.ts`) && !paths.has(`${resolved}.js`)) problems.push(`${file.path} imports ${specifier}`);
        } else if (specifier.startsWith('/static/')) {
          // a browser import (public/*.js) of a file the app serves: /static/lessons/<id>/x.js is src/lessons/<id>/public/x.js
          const served = specifier.replace(/^\/static\/lessons\/([^/]+)\//, 'src/lessons/$1/public/');
          if (!paths.has(served)) problems.push(`${file.path} imports ${specifier}`);
        } else {
          const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
          if (!packages.has(name) && !builtinModules.includes(specifier.replace(/^node:/, ''))) {
            problems.push(`${file.path} imports ${specifier}, which the starter does not depend on`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('depends on the versions this package runs and tests with (htmx.org 4.0.1 exactly)', () => {
    const ours = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const starter = JSON.parse(readFileSync(join(repoRoot, 'templates/starter/package.json'), 'utf8'));
    const all = (pkg: { dependencies: object; devDependencies: object }) => ({ ...pkg.dependencies, ...pkg.devDependencies }) as Record<string, string>;
    for (const [name, range] of Object.entries(all(starter))) {
      if (name in all(ours)) expect(range, name).toBe(all(ours)[name]);
    }
    expect(starter.dependencies['htmx.org']).toBe('4.0.1');
    // Node 20 as this package, from 20.19: vitest 4 brings vite 8, which needs it.
    expect(starter.engines.node).toBe('>=20.19');
    // npm 11.16+ asks before running a dependency's install script: esbuild's (tsx's) is expected.
    expect(starter.allowScripts).toEqual({ esbuild: true });
  });

  it('ships every file it copies from serve (package.json "files")', () => {
    const ours = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    for (const [from] of sharedSources) {
      expect(ours.files.some((entry) => entry === from || (entry.endsWith('/') && from.startsWith(entry))), from).toBe(true);
    }
  });
});
