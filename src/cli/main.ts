// The htmx-demo command line: arguments and help, then the command; every failure ends here as one readable line.
import { Command, Option } from 'commander';
import { AddressError } from '../kit/address.js';
import { isLang, languages } from '../kit/i18n.js';
import { CliError } from './errors.js';
import { configureColor, printError, printStack } from './log.js';
import { defaultHost, logModes, resolveServeOptions, type RawServeOptions } from './options.js';
import { readPackageInfo } from './package-info.js';
import type { RawScaffoldOptions } from './scaffold.js';

const serveExamples = `
Examples:
  htmx-demo serve
  htmx-demo serve --port 8080 --open
  htmx-demo serve --host 0.0.0.0   # workshop on a LAN: join page, QR code, instructor URL
  htmx-demo serve --log all       # log static files too (--log none: no request log)
  htmx-demo serve --host 0.0.0.0 --allowed-hosts laptop.local   # also by that name
  htmx-demo serve --latency 800 --lang ko
  htmx-demo serve --lesson 3      # start on lesson 3 (see htmx-demo lessons)
  htmx-demo lessons --lang ko`;

interface GlobalOptions {
  color: boolean;
  debug?: boolean;
}

function buildProgram(version: string): Command {
  const program = new Command('htmx-demo')
    .description('Learn htmx by comparison: the same feature built with JSON + fetch and with HTML + htmx, side by side.')
    .version(version, '-v, --version', 'print the version')
    .option('--no-color', 'plain output, no colours (NO_COLOR=1 does the same)')
    .option('--debug', 'print stack traces for errors (DEBUG=1 does the same)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ outputError: (message, write) => write(oneLine(message, 'htmx-demo --help')) })
    .addHelpText('after', serveExamples)
    .hook('preAction', (thisCommand) => {
      configureColor(thisCommand.opts<GlobalOptions>().color, process.env);
    });

  program
    .command('serve')
    .description('start the demo server: the lessons at http://localhost:3000/')
    .option('-p, --port <n>', 'port to listen on, 0 for any free one (default: $PORT or 3000)')
    .option('--host <addr>', 'address to listen on; 0.0.0.0 shares the demo with your network', defaultHost)
    .option('--allowed-hosts <names>', 'also answer to these host names, comma-separated (.lab.example: every name under it; all: any name)')
    .option('--strict-port', 'fail if the port is busy instead of trying the next one')
    .option('--open', 'open the page in the default browser ($BROWSER if set)')
    .option('--latency <ms>', 'delay every lesson response, to watch each step happen')
    .addOption(new Option('--lang <code>', 'page language until the visitor picks one').choices(languages).default('en'))
    .option('--lesson <id|number>', 'start on this lesson: the banner and --open point to it')
    .addOption(new Option('--log <what>', 'request log: lanes (lesson pages and lane requests), all, or none').choices(logModes).default('lanes'))
    .option('--fresh', 'make a new CSRF secret: tabs left open from an earlier run must reload')
    .configureOutput({ outputError: (message, write) => write(oneLine(message, 'htmx-demo serve --help')) })
    .addHelpText('after', serveExamples)
    .action(async (raw: RawServeOptions, command: Command) => {
      const options = resolveServeOptions(raw, process.env, isDebug(command.optsWithGlobals<GlobalOptions>()));
      if (raw.lesson !== undefined) {
        const { findLesson } = await import('./lessons.js'); // checked before the server starts
        options.startPath = `/lessons/${findLesson(raw.lesson).id}`;
      }
      const { serve } = await import('./serve.js'); // Koa and the lessons load only when serving
      await serve(options);
    });

  program
    .command('lessons')
    .description('list the lessons: number, id and title')
    .addOption(new Option('--lang <code>', 'language of the titles').choices(languages).default('en'))
    .configureOutput({ outputError: (message, write) => write(oneLine(message, 'htmx-demo lessons --help')) })
    .action(async (raw: { lang: string }) => {
      const { printLessons } = await import('./lessons.js'); // the lesson list only: no server code
      printLessons(isLang(raw.lang) ? raw.lang : 'en');
    });

  program
    .command('scaffold')
    .argument('<dir>', 'the new project folder; its name becomes the package name')
    .description('create a starter project to run, test and change: Koa + EJS + htmx 4, the chosen lessons, both lanes each')
    .option('--lessons <ids>', 'lessons to include, comma-separated, or "all"', 'like')
    .addOption(new Option('--lang <code>', 'language of the UI text').choices(languages).default('en'))
    .option('--force', "write over the starter's own files in a non-empty folder (nothing else is touched)")
    .option('--dry-run', 'print the files it would write, and write nothing')
    .option('--install', "run the package manager's install afterwards")
    .option('--exercises', 'leave numbered TODOs in each lesson that has exercises, with tests and solutions (asked on a terminal)')
    .option('--no-exercises', 'the lessons complete, without asking')
    .configureOutput({ outputError: (message, write) => write(oneLine(message, 'htmx-demo scaffold --help')) })
    .addHelpText('after', scaffoldExamples)
    .action(async (dir: string, raw: RawScaffoldOptions) => {
      const { scaffold } = await import('./scaffold.js'); // the lesson list and templates load only when scaffolding
      await scaffold(dir, raw);
    });

  program
    .command('verify')
    .argument('<url>', "the server to check, such as http://localhost:8000/ (any stack: it is checked over HTTP)")
    .description("check a server against each lesson's spec: markup, fragments, JSON and CSRF, with a hint for each miss")
    .option('--lesson <id|number|all>', 'the lesson to check, or all of those that have a spec', 'all')
    .option('--json', 'print the results as JSON (for CI); the exit status is 0 only when every check passes')
    .addOption(new Option('--lang <code>', 'language of the checklist and hints').choices(languages).default('en'))
    .configureOutput({ outputError: (message, write) => write(oneLine(message, 'htmx-demo verify --help')) })
    .addHelpText('after', verifyExamples)
    .action(async (url: string, raw: { lesson: string; json?: boolean; lang: string }) => {
      const { verify } = await import('./verify.js'); // the specs and an HTTP client only: no server code
      await verify(url, { lesson: raw.lesson, json: raw.json, lang: isLang(raw.lang) ? raw.lang : 'en' });
    });

  return program;
}

const verifyExamples = `
Examples:
  htmx-demo verify http://localhost:3000/
  htmx-demo verify http://127.0.0.1:8000/ --lesson like
  htmx-demo verify http://localhost:3000/ --json --lang ko`;

const scaffoldExamples = `
Examples:
  htmx-demo scaffold my-demo
  htmx-demo scaffold my-demo --lessons like,toggle --lang ko
  htmx-demo scaffold my-demo --lessons all --install
  htmx-demo scaffold my-demo --exercises --lang ko`;

/** commander's usage errors, folded into one line with the way to more help. */
function oneLine(message: string, help: string): string {
  return `${message.trim().replace(/\s*\n\s*/g, ' ')} (see ${help})\n`;
}

function isDebug(options: Partial<GlobalOptions>): boolean {
  return Boolean(options.debug || process.env.DEBUG);
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram(readPackageInfo().version);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
    const debug = isDebug(program.opts<GlobalOptions>()) || argv.includes('--debug');
    const message = err instanceof Error ? err.message : String(err);
    // A CliError is the user's to fix; anything else is a bug: still one line, with the way to learn more.
    printError(err instanceof CliError || err instanceof AddressError || debug ? message : `${message} (unexpected: run again with --debug for details)`);
    if (debug) printStack(err);
  }
}

void main(process.argv); // it reports its own errors; the bundle is CommonJS, which has no top-level await
