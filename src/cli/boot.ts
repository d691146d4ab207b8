// The published command's first step (bin/htmx-demo.cjs requires it): the CLI bundle beside it, dist/cli.cjs,
// compiled with V8's code cache as the server is (code-cache.ts), the cache saved when this first run ends.
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './code-cache.js';
import { stateDir } from './state-dir.js';

const { saveCodeCache } = requireWithCodeCache(fileURLToPath(new URL('cli.cjs', import.meta.url)), stateDir());
process.once('exit', saveCodeCache);
