// Turns the measured figures into table rows (target, measured, ratio, pass/fail) and prints them.

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function rows({ throughput, startup, pageWeight }, targets) {
  const table = [];
  if (throughput) {
    const base = throughput.koa;
    table.push({ figure: 'bare Koa, fixed string (baseline)', target: '', measured: speed(base), ratio: 1, pass: null });
    const lanes = [
      ['fragment', 'POST /like/ (fragment), inspector off', targets.laneThroughput],
      ['json', 'POST /api/like (JSON), inspector off', targets.laneThroughput],
      ['fragment+inspector', 'POST /like/ (fragment), inspector on', targets.inspectorThroughput],
      ['json+inspector', 'POST /api/like (JSON), inspector on', targets.inspectorThroughput],
    ];
    for (const [id, figure, target] of lanes) {
      const r = throughput[id];
      if (!r) continue;
      table.push({ figure, target: `≥ ${target.toFixed(2)}× req/s`, measured: speed(r), ratio: r.rpsRatio, pass: r.rpsRatio >= target });
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
    if (startup.stackMs !== undefined) {
      table.push({
        figure: 'start-up floor: koa, router, ejs, commander, chalk',
        target: '',
        measured: `${ms(startup.stackMs)} (node:http ${ms(startup.bareMs)})`,
        ratio: startup.stackRatio,
        pass: null,
      });
    }
  }
  if (pageWeight) {
    const { page, exchanges } = pageWeight;
    table.push({
      figure: `lesson page, ${page.files.length} files`,
      target: `≤ ${kb(targets.pageGzipBytes)} gzip`,
      measured: `${kb(page.gzip)} gzip (${kb(page.raw)} raw)`,
      ratio: page.gzip / targets.pageGzipBytes,
      pass: page.gzip <= targets.pageGzipBytes,
    });
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
