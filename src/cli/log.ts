// The terminal's printers: banner, one line per request, notes and errors. Colour through chalk, off when piped.
import chalk, { chalkStderr } from 'chalk';
import type { RequestRecord } from '../app.js';
import type { TrafficOwner } from '../kit/types.js';
import type { LogMode } from './options.js';

/** --no-color and NO_COLOR (any non-empty value) win over FORCE_COLOR; otherwise chalk decides (TTY or not). */
export function configureColor(colorOption: boolean, env: NodeJS.ProcessEnv): void {
  if (!colorOption || env.NO_COLOR) {
    chalk.level = 0;
    chalkStderr.level = 0;
  }
}

/** A closed pipe (`htmx-demo serve | head`) ends the log, not the server. */
export function ignoreClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') process.exitCode = 1;
    });
  }
}

export interface BannerInfo {
  name: string;
  version: string;
  localUrl: string;
  /** Listening on every interface: the LAN addresses (maybe none). */
  networkUrls?: string[];
  /** Listening on loopback only: say how to expose the demo. */
  exposeHint: boolean;
  /** Set when the asked-for port was busy and another was taken. */
  portNote?: string;
  latencyMs: number;
  /** The address learners use, when others can join. */
  joinUrl?: string;
  /** joinUrl as a QR code, drawn in lines of text (qr.ts: loaded only when there is a room to join). */
  joinQr?: string[];
  /** The page to project: the join address in large type, its QR code, the learner count. */
  joinPageUrl?: string;
  /** The console's address with its key: printed here and nowhere else. */
  instructorUrl?: string;
  /** Something about the CSRF secret the instructor should know (it could not be kept, say). */
  secretNote?: string;
}

export function printBanner(info: BannerInfo): void {
  const label = (text: string) => chalk.bold(text.padEnd(9));
  const lines = ['', `  ${chalk.bold.cyan(info.name)} ${chalk.dim(`v${info.version}`)}`, ''];
  if (info.portNote) lines.push(`  ${chalk.yellow(info.portNote)}`, '');
  lines.push(`  ${label('Local:')}${chalk.cyan(info.localUrl)}`);
  if (info.exposeHint) {
    lines.push(chalk.dim(`  ${'Network:'.padEnd(9)}use --host 0.0.0.0 to expose`));
  } else if (info.networkUrls?.length === 0) {
    lines.push(chalk.dim(`  ${'Network:'.padEnd(9)}no network address found on this machine`));
  }
  for (const url of info.networkUrls ?? []) lines.push(`  ${label('Network:')}${chalk.cyan(url)}`);
  if (info.latencyMs > 0) {
    lines.push(`  ${label('Latency:')}${chalk.yellow(`${info.latencyMs} ms`)} added to every lesson response`);
  }
  if (info.joinUrl) {
    if (info.joinQr) lines.push('', ...info.joinQr.map((line) => `  ${line}`), '');
    lines.push(`  Scan to join ${chalk.cyan(info.joinUrl)}`);
    if (info.joinPageUrl) lines.push(`  ${label('Project:')}${chalk.cyan(info.joinPageUrl)}  ${chalk.dim('(the join page, for the room)')}`);
  }
  if (info.instructorUrl) {
    lines.push(`  ${chalk.bold('Instructor:')} ${chalk.cyan(info.instructorUrl)}  ${chalk.dim('(yours alone: do not project it)')}`);
  }
  if (info.secretNote) lines.push('', `  ${chalk.yellow(info.secretNote)}`);
  lines.push('', chalk.dim('  Ctrl+C to stop'), '');
  write(lines.join('\n'));
}

/** The tool's own background traffic (inspector stream, join page count): never in the lanes log. */
const toolPaths = /^\/(_|static\/|vendor\/|favicon\.ico)/;

/** lanes: lesson pages, lane requests, resets and downloads; all: every request, static files too; none: nothing. */
export function shouldLog(record: RequestRecord, mode: LogMode): boolean {
  if (mode !== 'lanes') return mode === 'all';
  return record.lane !== undefined || (record.learner !== undefined && !toolPaths.test(record.url));
}

const tagColors = [chalk.magenta, chalk.cyan, chalk.green, chalk.yellow, chalk.blue, chalk.red];
/** As wide as a learner tag: static files (no visitor) keep the columns lined up. */
const noTag = ' '.repeat(4);

/**
 * `7f3a  POST /like/  200  212 B  3 ms  htmx`: who (a learner tag from the visitor id), then the request.
 * Lane requests in full colour, the rest (pages, files) dimmed.
 */
export function formatRequestLine(record: RequestRecord): string {
  const tag = record.learner;
  const who = tag === undefined ? noTag : tagColors[parseInt(tag, 16) % tagColors.length]!(tag);
  return `${who}  ${formatRequest(record)}`;
}

function formatRequest(record: RequestRecord): string {
  // The instructor's key never shows in the log: the terminal may be on the projector.
  const shown = record.url.replace(/([?&]key=)[^&#]*/g, '$1…');
  const url = shown.length > 120 ? `${shown.slice(0, 119)}…` : shown;
  const parts = [
    `${chalk.bold(record.method)} ${url}`,
    record.aborted ? chalk.yellow('aborted') : colorStatus(record.status),
    formatBytes(record.bytes),
    `${Math.round(record.ms)} ms`,
  ];
  if (!record.lane) return chalk.dim(parts.join('  '));
  const { label, color } = ownerLabels[record.lane];
  return [...parts, color(label)].join('  ');
}

/** Each lane in its own colour, and the lesson's controls (fault switches, say) apart from both: they are no lane's. */
const ownerLabels: Record<TrafficOwner, { label: string; color: (text: string) => string }> = {
  json: { label: 'json', color: (text) => chalk.blue.bold(text) },
  htmx: { label: 'htmx', color: (text) => chalk.magenta.bold(text) },
  controls: { label: 'control', color: (text) => chalk.cyan(text) },
};

export function printRequest(record: RequestRecord): void {
  write(formatRequestLine(record));
}

/** The request printer for a --log mode; undefined for none, so the app does not even time requests. */
export function requestPrinter(mode: LogMode): ((record: RequestRecord) => void) | undefined {
  if (mode === 'none') return undefined;
  return (record) => {
    if (shouldLog(record, mode)) printRequest(record);
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function colorStatus(status: number): string {
  const text = String(status);
  if (status >= 500) return chalk.red(text);
  if (status >= 400) return chalk.yellow(text);
  if (status >= 300) return chalk.cyan(text);
  return chalk.green(text);
}

/** A dim remark on stdout (a browser that would not open, say). */
export function printNote(message: string): void {
  write(chalk.dim(message));
}

export function printShutdown(): void {
  write(chalk.dim('Shutting down…'));
}

/** An error while serving a request: one red line, the stack only with --debug. */
export function printAppError(err: unknown, where: string, debug: boolean): void {
  const message = err instanceof Error ? err.message : String(err);
  writeError(chalkStderr.red(`error: ${where ? `${where}: ` : ''}${message}`));
  if (debug && err instanceof Error && err.stack) writeError(chalkStderr.dim(err.stack));
}

/** The one line an expected failure gets (main's error handler). */
export function printError(message: string): void {
  writeError(`${chalkStderr.red('error:')} ${message}`);
}

export function printStack(err: unknown): void {
  writeError(chalkStderr.dim(err instanceof Error && err.stack ? err.stack : String(err)));
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}

function writeError(text: string): void {
  process.stderr.write(`${text}\n`);
}
