// Turns the measured figures into table rows (target, measured, ratio, pass/fail) and prints them.

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function rows({ throughput, startup, pageWeight, install }, targets) {
  const table = [];
  if (throughput) {
    const base = throughput.koa;
    table.push({ figure: 'bare Koa, fixed string (the framework\'s limit)', target: '', measured: speed(base), ratio: 1, pass: null });
    for (const [id, figure] of [['same-work', 'same-work Koa app, like as a fragment (baseline)'], ['same-work-json', 'same-work Koa app, like as JSON (baseline)']]) {
      if (throughput[id]) table.push({ figure, target: '', measured: speed(throughput[id]), ratio: throughput[id].rpsRatio, pass: null });
    }
    const lanes = [
      ['fragment', 'POST /like/ (fragment), inspector off, vs same-work', targets.laneThroughput],
      ['json', 'POST /api/like (JSON), inspector off, vs same-work', targets.laneThroughput],
      ['fragment+inspector', 'POST /like/ (fragment), stream open, vs inspector off', targets.inspectorThroughput],
      ['json+inspector', 'POST /api/like (JSON), stream open, vs inspector off', targets.inspectorThroughput],
    ];
    for (const [id, figure, target] of lanes) {
      const r = throughput[id];
      if (!r || r.ratio === undefined) continue;
      table.push({ figure, target: `≥ ${target.toFixed(2)}× req/s`, measured: speed(r), ratio: r.ratio, pass: r.ratio >= target });
    }
  }
  if (startup) {
    table.push({
      figure: 'start-up: spawn → first answer',
      target: `≤ ${targets.startup.toFixed(1)}× node:http`,
      measured: `${ms(startup.cliMs)} (node:http ${ms(startup.bareMs)})`,
      ratio: startup.ratio,
      pass: startup.ratio <= targets.startup,
    });
    // Not targets: the same measure for the first start after an install, and for the fixed stack unbundled.
    const references = [
      ['start-up, the first after an install (no code cache yet)', startup.coldMs, startup.coldRatio],
      ['start-up, the fixed stack unbundled (for reference)', startup.stackMs, startup.stackRatio],
    ];
    for (const [figure, took, ratio] of references) {
      if (took === undefined) continue;
      table.push({ figure, target: '', measured: `${ms(took)} (node:http ${ms(startup.bareMs)})`, ratio, pass: null });
    }
  }
  if (install) {
    const met = install.added === 1 && install.installedBytes <= targets.installBytes && install.warnings.length === 0;
    table.push({
      figure: 'the packed tarball installed into an empty folder',
      target: `1 package, ≤ ${mb(targets.installBytes)}, no warning`,
      measured: `${install.added} package(s), ${mb(install.installedBytes)} on disk (tarball ${kb(install.tarballBytes)}), ${install.warnings.length} warning(s)`,
      ratio: install.installedBytes / targets.installBytes,
      pass: met,
    });
  }
  if (pageWeight) {
    const { pages, heaviest, exchanges } = pageWeight;
    // Every lesson page against the budget, each with all it loads on first view; the heaviest is marked.
    for (const weighed of pages) {
      table.push({
        figure: `lesson page ${weighed.path}, ${weighed.files.length} files${weighed === heaviest ? ' (heaviest)' : ''}`,
        target: `≤ ${kb(targets.pageGzipBytes)} gzip`,
        measured: `${kb(weighed.gzip)} gzip (${kb(weighed.raw)} raw)`,
        ratio: weighed.gzip / targets.pageGzipBytes,
        pass: weighed.gzip <= targets.pageGzipBytes,
      });
    }
    const { fragment, json } = exchanges;
    table.push({ figure: 'one like, JSON lane (baseline)', target: '', measured: bodies(json), ratio: 1, pass: null });
    table.push({ figure: 'one like, fragment lane', target: '', measured: bodies(fragment), ratio: fragment.raw / json.raw, pass: null });
  }
  return table;
}

function speed(r) {
  return `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${Math.round(r.cpuPerRequest)} µs CPU/req`;
}

function bodies(exchange) {
  return `${exchange.raw} B raw, ${exchange.gzip} B gzip (request ${exchange.request.raw} B + response ${exchange.response.raw} B)`;
}

export function printTable(table, notes) {
  const cells = table.map((row) => [
    row.figure,
    row.target,
    row.measured,
    `${row.ratio.toFixed(2)}×`,
    row.pass === null ? '' : row.pass ? 'pass' : 'MISSED',
  ]);
  const header = ['figure', 'target', 'measured', 'ratio', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
  console.log('');
  for (const note of notes) console.log(`note: ${note}`);
  const missed = table.filter((row) => row.pass === false);
  console.log(missed.length ? `\nMISSED ${missed.length} target(s): ${missed.map((r) => r.figure).join('; ')}` : '\nAll targets met.');
}
