// A CommonJS bundle of the package compiled with V8's code cache: the first run saves the compiled code (with what
// that run needed) in the state folder, and later runs skip most of the compiling. Node 20 has no compile cache of
// its own (module.enableCompileCache came in 22), and V8 checks a cache against the source and itself: one from
// another build or another Node is refused and simply made again.
import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CompiledBundle<T> {
  exports: T;
  /** Saves the code compiled so far for the next run, once (a cache V8 accepted is left as it is); never throws. */
  saveCodeCache(): void;
}

/** Runs `file` as Node would require it, compiled from the cache in `cacheDir` when there is one V8 accepts. */
export function requireWithCodeCache<T>(file: string, cacheDir: string): CompiledBundle<T> {
  // Read as latin1 when it is ASCII (esbuild escapes all but a regular expression's letters), as utf8 would, faster.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = join(cacheDir, `code-cache-${basename(file)}-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
  const cachedData = readOrNothing(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  let saved = cachedData !== undefined && !script.cachedDataRejected;
  const saveCodeCache = () => {
    if (saved) return;
    saved = true;
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      const partial = `${cacheFile}.${process.pid}`; // written whole, then moved: two runs at once never read half a file
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
      for (const old of readdirSync(cacheDir)) if (old.startsWith(`code-cache-${basename(file)}-`) && old !== basename(cacheFile)) rmSync(join(cacheDir, old), { force: true });
    } catch {
      // no cache this time: the next run compiles as this one did
    }
  };
  return { exports: module.exports, saveCodeCache };
}

function readOrNothing(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
