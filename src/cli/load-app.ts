// Loads the server (src/app.ts). From the sources, an ordinary import. In the published package it is one CommonJS
// file, dist/server.cjs, compiled with V8's code cache: the first start saves the compiled code (with what the first
// page needed) beside the CSRF secret, and later starts skip most of the compiling. Node 20 has no compile cache of
// its own (module.enableCompileCache came in 22), and V8 checks the cache against the source and itself: a cache
// from another build or another Node is refused and simply made again.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { packageRoot } from '../kit/paths.js';

type AppModule = typeof import('../app.js');

/** Set by the build to the server bundle's path in the package; undefined when running from the sources. */
declare const HTMX_DEMO_SERVER: string | undefined;

export interface LoadedApp {
  app: AppModule;
  /** Saves the code compiled so far for the next start, once (after the first page, or at exit); never throws. */
  saveCodeCache(): void;
}

export async function loadApp(cacheDir: string): Promise<LoadedApp> {
  if (typeof HTMX_DEMO_SERVER === 'undefined') return { app: await import('../app.js'), saveCodeCache: () => {} };
  return loadCommonJs(join(packageRoot, HTMX_DEMO_SERVER), cacheDir);
}

function loadCommonJs(file: string, cacheDir: string): LoadedApp {
  // The build writes it in ASCII (esbuild escapes anything else), which latin1 reads as utf8 would, only faster.
  const source = readFileSync(file, 'latin1');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = join(cacheDir, `code-cache-${basename(file)}-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
  const cachedData = readOrNothing(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as AppModule };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  let saved = cachedData !== undefined && !script.cachedDataRejected;
  const saveCodeCache = () => {
    if (saved) return;
    saved = true;
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      const partial = `${cacheFile}.${process.pid}`; // written whole, then moved: two servers starting at once never read half a file
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
      for (const old of readdirSync(cacheDir)) if (old.startsWith(`code-cache-${basename(file)}-`) && old !== basename(cacheFile)) rmSync(join(cacheDir, old), { force: true });
    } catch {
      // no cache this time: the next start compiles as this one did
    }
  };
  return { app: module.exports, saveCodeCache };
}

function readOrNothing(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
