// `npm run bench`: throughput, start-up and page weight, each against a baseline measured in the same run.
// Prints a table and writes the same figures to bench-results.json. Exits 0 even when a target is missed.
// Sections can be picked: `node test/bench/run.js throughput weight`; BENCH_* variables shorten a run.
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { benchBreakdown, printBreakdown } from './breakdown.js';
import { benchInstall } from './install.js';
import { benchPageWeight } from './page-weight.js';
import { printTable, rows } from './report.js';
import { benchStartup, cliBuilt } from './startup.js';
import { benchThroughput } from './throughput.js';

const targets = { laneThroughput: 0.8, inspectorThroughput: 0.75, startup: 1.6, pageGzipBytes: 30 * 1024, installBytes: 2 * 1024 * 1024 };
const config = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  warmupSeconds: 1,
  startupRuns: Number(process.env.BENCH_STARTUP_RUNS ?? 7),
  /** BENCH_ONLY=fragment,json+inspector measures only these (and the baseline). */
  only: process.env.BENCH_ONLY?.split(','),
};
const sections = process.argv.slice(2).length ? process.argv.slice(2) : ['throughput', 'startup', 'weight', 'install', 'breakdown'];
const log = (message) => console.error(`  ${message}`);
const notes = [
  `throughput: ${config.connections} connections × ${config.seconds} s (after ${config.warmupSeconds} s warm-up), ` +
    `${config.rounds} rounds in alternating order, median; every server in its own process, autocannon in this one.`,
  'inspector off: the visitor\'s exchanges are still recorded in the store, but no page is watching (no stream open). ' +
    'inspector on: the same, with that visitor\'s /_inspector/stream open and read, checked to reach the last exchange; ' +
    'the stream writes at most once in 16 ms, and of what piled up meanwhile renders and sends the newest 20 of each list (all the page keeps).',
  'latency is measured by autocannon in whole milliseconds; CPU/req is the server process\'s CPU time per request.',
  'ratios: a lane against the same-work app (the like answered safely by hand: router, security headers, visitor ' +
    'cookie, HMAC CSRF token, counter, the compiled _like_button partial), and inspector on against inspector off, ' +
    'each within the same round; start-up against a bare node:http script started right before or after it (the median of ' +
    `${config.startupRuns} such pairs' ratios); page against the budget; the fragment exchange against the JSON one.`,
  'install: npm pack, then npm install of the tarball into an empty folder with --offline (from the npm cache): ' +
    'packages added, bytes on disk, and every npm warning.',
  'start-up, the fixed stack unbundled: a server that only loads koa, @koa/router, ejs, commander and chalk from ' +
    'node_modules and renders one template, started the same way; htmx-demo itself starts from one bundled file ' +
    'whose compiled code V8 keeps between starts (the first start after an install compiles it all).',
];

const figures = {};
if (sections.includes('throughput')) figures.throughput = await benchThroughput({ ...config, log });
if (sections.includes('startup')) {
  if (cliBuilt()) figures.startup = await benchStartup({ runs: config.startupRuns, log });
  else notes.push('start-up: not measured, dist/cli.cjs does not exist yet (the CLI is not built).');
}
if (sections.includes('weight')) {
  figures.pageWeight = await benchPageWeight();
  const { heaviest } = figures.pageWeight;
  notes.push(
    'page weight: each lesson page as a fresh browser loads it on first view (no cache, walkthrough at step 1): the ' +
      'page and every stylesheet, icon and script it names, each gzipped on its own; a folded code panel\'s file and a ' +
      `hidden walkthrough step's text are fetched only when shown. Heaviest, ${heaviest.path}: ${heaviest.files.map((f) => `${f.url} ${(f.gzip / 1024).toFixed(1)}`).join(', ')} (KB gzip).`,
  );
}
if (sections.includes('install')) figures.install = await benchInstall();
if (sections.includes('breakdown')) figures.breakdown = await benchBreakdown({ ...config, log });

const table = rows(figures, targets);
if (figures.breakdown) {
  printBreakdown(figures.breakdown);
  notes.push(
    'breakdown: the same requests handed straight to the app in a child under node --cpu-prof, with no socket and no ' +
      'load generator (so the figures are the app\'s own, apart from the machine\'s noise); each sample put in the part ' +
      'of the stack of its innermost frame of ours or of a package. Profiling slows every part a little alike. A real ' +
      'request adds one read and one writev system call, the same for every server here.',
  );
}
printTable(table, notes);
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model };
const results = { date: new Date().toISOString(), machine, config, targets, table, figures };
writeFileSync(new URL('../../bench-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('Wrote bench-results.json');
