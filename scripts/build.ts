// npm run build: the published package's dist/. The CLI and the server bundled with every library inside (each
// command's code run only when reached, the server a file of its own), the browser files of htmx and the code theme
// copied in, and the pages' work done ahead (dist/prebuilt/; the tool's own CSS and JS minified, assets.json). Run
// from the sources with tsx.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { codeTheme } from '../src/workshop/assets.js';
import { minifyBundles, prebuild } from './prebuild.js';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));
const versionOf = (name: string): string => require(`${name}/package.json`).version;

/** Libraries whose version the running bundle needs to know (what it serves, what dist/prebuilt/ was made with). */
const versioned = ['htmx.org', 'htmx2', 'highlight.js', 'marked'];

rmSync(dist, { recursive: true, force: true });

// Koa and its helpers look types up by name or extension ('html', 'json', 'text'): each copy of mime-types builds
// its tables from all of mime-db (2,500 types) at start-up. The bundle gets one mime-types, with the web's types.
const webExtensions = new Set(['html', 'htm', 'json', 'js', 'mjs', 'cjs', 'css', 'svg', 'png', 'jpg', 'jpeg', 'gif', 'ico', 'webp', 'avif', 'woff', 'woff2', 'ttf', 'otf', 'txt', 'text', 'md', 'markdown', 'map', 'xml', 'csv', 'tar', 'gz', 'tgz', 'zip', 'pdf', 'wasm', 'webmanifest', 'mp4', 'webm', 'mp3', 'ogg', 'wav']);
const mimeDb = require('mime-db') as Record<string, { extensions?: string[] }>;
const webTypes = Object.fromEntries(Object.entries(mimeDb).filter(([, entry]) => entry.extensions?.some((ext) => webExtensions.has(ext))));
const buildInputs = mkdtempSync(join(tmpdir(), 'htmx-demo-build-'));
const webMimeDb = join(buildInputs, 'mime-db.cjs');
writeFileSync(webMimeDb, `module.exports = ${JSON.stringify(webTypes)};\n`);

// 1. The bundle: bin/htmx-demo.cjs runs dist/cli.cjs (through boot.cjs), one CommonJS file: Node 20 loads it without its ES module
//    loader (resolving, linking and a facade for each of Node's own modules cost serve several milliseconds at each
//    start). Each command's code, a lesson's spec, the QR code: bundled in, but run only when a command reaches its
//    `await import()`. The server itself (src/app.ts and all it needs, Koa among it) is a file of its own,
//    dist/server.cjs, which only serve loads, compiled with V8's code cache (see src/cli/load-app.ts): so `lessons`,
//    `scaffold` and `verify` never load Koa.
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Names too: the package is read by Node, and a smaller file is less to read and compile at start (NO_MINIFY=1
  // keeps them, and each module's path, for reading a CPU profile).
  minify: !process.env.NO_MINIFY,
  legalComments: 'none', // every bundled package's licence is in dist/THIRD-PARTY-LICENSES.txt instead
  metafile: true,
  alias: {
    'iconv-lite': join(root, 'scripts/bundle/iconv-lite.cjs'),
    'mime-db': webMimeDb,
    // One copy each, not one per package that pins its own (the APIs they use are the same).
    'mime-types': join(root, 'node_modules/mime-types'),
    'http-errors': join(root, 'node_modules/http-errors'),
  },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  supported: { 'dynamic-import': false }, // an import() is bundled in, and its module runs when it is reached
  // What import.meta.url would be, in a CommonJS file.
  define: { HTMX_DEMO_BUNDLE: JSON.stringify({ versions: Object.fromEntries(versioned.map((name) => [name, versionOf(name)])) }), 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
} satisfies BuildOptions;
const serverFile = 'server.cjs';
const cli = await build({
  ...shared,
  // boot.cjs, which bin/htmx-demo.cjs requires, compiles cli.cjs with V8's code cache (src/cli/boot.ts).
  entryPoints: { boot: join(root, 'src/cli/boot.ts'), cli: join(root, 'src/cli/main.ts') },
  define: { ...shared.define, HTMX_DEMO_SERVER: JSON.stringify(`dist/${serverFile}`) },
  plugins: [staticLessonList(), modulesWhenUsed()],
});
// The libraries that highlight code and render notes stay files of their own beside it, loaded (by require) only
// when a file changed since the build.
const ownFiles = ['highlighter', 'markdown'];
const server = await build({
  ...shared,
  entryPoints: { [serverFile.replace(/\.cjs$/, '')]: join(root, 'src/app.ts'), ...Object.fromEntries(ownFiles.map((name) => [name, join(root, `src/workshop/${name}.ts`)])) },
  plugins: [staticLessonList(), modulesWhenUsed(), {
    name: 'own-files',
    setup(plugin) {
      plugin.onResolve({ filter: new RegExp(`^\\./(${ownFiles.join('|')})\\.js$`) }, ({ path }) => ({ path: path.replace(/\.js$/, '.cjs'), external: true }));
    },
  }],
});
rmSync(buildInputs, { recursive: true, force: true });

// 2. What the browser loads from the package: htmx's minified scripts (core and extensions) and the code theme
//    (in the page's CSS bundle, or any a <link> names).
const htmxDist = dirname(require.resolve('htmx.org/dist/htmx.min.js'));
const servedFromHtmx = (path: string) => statSync(path).isDirectory() || /[\\/]htmx\.min\.js$|[\\/]ext[\\/][\w-]+\.min\.js$/.test(path);
cpSync(htmxDist, join(dist, 'vendor/htmx.org'), { recursive: true, filter: servedFromHtmx });
cpSync(join(htmxDist, '../LICENSE'), join(dist, 'vendor/htmx.org/LICENSE'));
const htmx2Dist = dirname(require.resolve('htmx2/dist/htmx.min.js')); // lesson 9's frame, under its npm alias
mkdirSync(join(dist, 'vendor/htmx2'));
for (const file of ['htmx.min.js', '../LICENSE']) cpSync(join(htmx2Dist, file), join(dist, 'vendor/htmx2', file.replace('../', '')));
const stylesDir = dirname(require.resolve('highlight.js/styles/github.css'));
const pageViews = readdirSync(join(root, 'templates/views')).map((file) => readFileSync(join(root, 'templates/views', file), 'utf8'));
const themes = new Set([codeTheme, ...pageViews.flatMap((text) => [...text.matchAll(/\/vendor\/highlight\.js\/([\w.-]+\.css)/g)].map((m) => m[1]!))]);
mkdirSync(join(dist, 'vendor/highlight.js'), { recursive: true });
for (const theme of themes) cpSync(join(stylesDir, theme), join(dist, 'vendor/highlight.js', theme));

// 3. Every bundled or copied package's licence, as their licences ask.
// mime-db's types are bundled from a trimmed copy of its data, so the package is named here.
const packageDirs = new Set(['htmx.org', 'highlight.js', 'mime-db'].map((name) => join(root, 'node_modules', name)));
for (const input of [...Object.keys(cli.metafile.inputs), ...Object.keys(server.metafile.inputs)]) {
  const found = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split('\\').join('/'));
  if (found) packageDirs.add(join(root, found[1]!));
}
const notices = [...packageDirs].sort().map((dir) => {
  const licenceFile = readdirSync(dir).find((file) => /^(licen[sc]e|copying)/i.test(file));
  const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `(${license}; no licence file in the package)`;
  return `${name}@${version} (${license})\n\n${text}\n`;
});
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), `Packages bundled into dist/ or copied into dist/vendor/:\n\n${notices.join('\n---\n\n')}`);

// 4. Code panels highlighted and notes rendered ahead; the tool's own CSS and JS bundles minified.
await prebuild();
await minifyBundles();

if (!existsSync(join(dist, 'cli.cjs'))) throw new Error('the build made no dist/cli.cjs');

/**
 * The lesson list awaits its lessons' imports at the top (one line per lesson, src/lessons/index.ts), which a
 * CommonJS file cannot do: for server.cjs the same list is written with static imports, in the same order.
 */
function staticLessonList(): Plugin {
  const list = join(root, 'src/lessons/index.ts');
  return {
    name: 'static-lesson-list',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]src[\\/]lessons[\\/]index\.ts$/ }, () => {
        const source = readFileSync(list, 'utf8');
        const ids = [...source.matchAll(/import\('\.\/([\w-]+)\/lesson\.js'\)/g)].map((m) => m[1]!);
        if (ids.length === 0) throw new Error('src/lessons/index.ts lists no lesson the build can read');
        const imports = ids.map((id, at) => `import * as lesson${at} from './${id}/lesson.js';`).join('\n');
        const awaited = /const modules = await Promise\.all\(\[[^\]]*\]\);/;
        if (!awaited.test(source)) throw new Error('src/lessons/index.ts no longer awaits its list as the build expects');
        const contents = `${imports}\n${source.replace(awaited, `const modules = [${ids.map((_, at) => `lesson${at}`).join(', ')}];`)}`;
        return { contents, loader: 'ts', resolveDir: dirname(list) };
      });
    },
  };
}

/**
 * Node modules that two libraries load at start-up for a case serve's start never meets: commander's child_process
 * (for subcommands that are programs of their own, which this CLI has none of), and Koa's `destroy`'s fs streams and
 * zlib (to tell what kind of stream it closes). Several milliseconds of every start; in the bundle each is loaded
 * when first used. A library whose line changed stops the build, so nothing is made lazy by accident.
 */
function modulesWhenUsed(): Plugin {
  const whenUsed: Array<{ file: RegExp; eager: string; lazy: string }> = [
    {
      file: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/,
      eager: "const childProcess = require('node:child_process');",
      lazy: "const childProcess = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
    },
    {
      file: /[\\/]node_modules[\\/]destroy[\\/]index\.js$/,
      eager: "var ReadStream = require('fs').ReadStream",
      lazy: "var ReadStream = { [Symbol.hasInstance]: (value) => value instanceof require('fs').ReadStream }",
    },
    {
      file: /[\\/]node_modules[\\/]destroy[\\/]index\.js$/,
      eager: "var Zlib = require('zlib')",
      lazy: "var Zlib = new Proxy({}, { get: (_, name) => require('zlib')[name] })",
    },
  ];
  return {
    name: 'modules-when-used',
    setup(plugin) {
      for (const file of new Set(whenUsed.map((line) => line.file))) {
        plugin.onLoad({ filter: file }, ({ path }) => {
          let source = readFileSync(path, 'utf8');
          for (const { eager, lazy } of whenUsed.filter((line) => line.file === file)) {
            if (!source.includes(eager)) throw new Error(`${path} no longer has "${eager}", which the build makes lazy`);
            source = source.replace(eager, lazy);
          }
          return { contents: source, loader: 'js' };
        });
      }
    },
  };
}
