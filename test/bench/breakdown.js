// Where a request's CPU time goes: each throughput scenario's requests handed straight to the app (no socket, no
// load generator: see inject.js) in a child under `node --cpu-prof`, the samples of the measured part sorted into
// parts of the stack, in µs per request. The sockets' share is measured apart: see the notes.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarios } from './throughput.js';

const child = new URL('./servers/inject-child.js', import.meta.url).pathname;

/** Parts of the stack, by the innermost frame of ours or of a package on the sampled stack. */
const parts = [
  ['Koa (context, request, response, compose, cookies…)', /node_modules\/(koa|koa-compose|delegates|on-finished|ee-first|cookies|keygrip|tsscmp|accepts|negotiator|type-is|media-typer|mime-types|mime-db|content-type|content-disposition|statuses|http-errors|http-assert|vary|encodeurl|escape-html|fresh|only|depd|debug|ms|destroy|deep-equal|setprototypeof|toidentifier|inherits)\//],
  ['routing (@koa/router)', /node_modules\/(@koa\/router|path-to-regexp|koa-compose)\//],
  ['body parsing (@koa/bodyparser)', /node_modules\/(@koa\/bodyparser|co-body|raw-body|inflation|qs|iconv-lite|bytes|unpipe|side-channel|object-inspect|call-bind|get-intrinsic|es-|function-bind|has-|hasown|gopd|dunder-proto|math-intrinsics)/],
  ['EJS templates (render, escape, locals)', /node_modules\/ejs\/|\.ejs$|\/src\/kit\/(views|mount)\.ts/],
  ['inspector (record, render, gzip, stream)', /\/src\/workshop\/inspector\/|^node:zlib$/],
  ['security and visitor (headers, hosts, cookie, CSRF, body limits)', /\/src\/kit\/(security|hosts|visitor|body-parser)\.ts/],
  ['errors, static prefixes, request log', /\/src\/kit\/(errors|static)\.ts|\/src\/workshop\/request-log\.ts|\/src\/app\.ts/],
  ['lesson handler', /\/src\/lessons\//],
];
const socketWrites = new Set(['writev', 'writeUtf8String', 'writeBuffer', 'writeLatin1String', 'writeAsciiString']);

export function categorize(profile, [from, to]) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id) => {
    const { functionName, url } = byId.get(id).callFrame;
    if (functionName === '(idle)') return null;
    if (functionName === '(program)') return 'other (V8 and native, outside JavaScript)';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (!url && socketWrites.has(functionName)) return 'socket writes (the system call)';
    if (/\/test\/bench\//.test(url)) return 'the harness (fake request and socket)';
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame.url;
      const part = parts.find(([, pattern]) => pattern.test(frame));
      if (part) return part[0];
    }
    return 'Node HTTP (headers, streams, events)';
  };
  const totals = new Map();
  let at = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i];
    if (at < from || at > to) continue;
    const part = label(id);
    if (part) totals.set(part, (totals.get(part) ?? 0) + profile.timeDeltas[i]);
  }
  return totals;
}

/** Every scenario once, in a fresh child; `requests` handed to the app after a quarter as many to warm it up. */
export async function benchBreakdown({ only, log, requests = 20_000 }) {
  const results = {};
  // The same-work baselines are measured for throughput only: their code is a dozen lines, not a stack to break down.
  for (const scenario of scenarios.filter(({ id, sameWork }) => !sameWork && (!only || id === 'koa' || only.includes(id)))) {
    const dir = mkdtempSync(join(tmpdir(), 'hxd-profile-'));
    try {
      const profiled = fork(child, [scenario.id, String(requests)], { execArgv: ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const [[figures]] = await Promise.all([once(profiled, 'message'), once(profiled, 'exit')]);
      const totals = categorize(JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8')), figures.window);
      const perRequest = Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([part, us]) => [part, us / figures.requests]));
      results[scenario.id] = { requests: figures.requests, cpuPerRequest: figures.perRequest, perRequest };
      log(`breakdown ${scenario.id}: ${figures.perRequest.toFixed(1)} µs CPU per request (profiled)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/** One table: a row per part of the stack, a column per scenario, µs per request. */
export function printBreakdown(results) {
  const ids = Object.keys(results);
  const names = [...new Set(ids.flatMap((id) => Object.keys(results[id].perRequest)))];
  const cell = (value) => (value === undefined ? '' : value.toFixed(1));
  const rows = [...names.map((name) => [name, ...ids.map((id) => cell(results[id].perRequest[name]))]), ['total CPU per request', ...ids.map((id) => cell(results[id].cpuPerRequest))]];
  const header = ['µs per request, no socket (profiled)', ...ids];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (values) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}
