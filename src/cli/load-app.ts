// Loads the server (src/app.ts). From the sources, an ordinary import. In the published package it is one CommonJS
// file, dist/server.cjs, compiled with V8's code cache (code-cache.ts): serve saves it after the first page, so the
// next start finds compiled what a page needs.
import { join } from 'node:path';
import { packageRoot } from '../kit/paths.js';
import { requireWithCodeCache } from './code-cache.js';

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
  const { exports, saveCodeCache } = requireWithCodeCache<AppModule>(join(packageRoot, HTMX_DEMO_SERVER), cacheDir);
  return { app: exports, saveCodeCache };
}
