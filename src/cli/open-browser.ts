// Opens a URL in the learner's browser: $BROWSER if set (none = don't), else the platform's opener. Never fails the server.
import { spawn } from 'node:child_process';

interface Launch {
  command: string;
  args: string[];
  /** Windows: pass the args to cmd as written (start's empty title, the escaped URL). */
  verbatim?: boolean;
}

/** What to run for this platform and environment; undefined means do not open anything. */
export function browserLaunch(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Launch | undefined {
  const browser = env.BROWSER?.trim();
  if (browser?.toLowerCase() === 'none') return undefined;
  // A script path in BROWSER runs with this Node, as vite does; anything else is a command given the URL.
  if (browser && /\.[cm]?js$/.test(browser)) return { command: process.execPath, args: [browser, url] };
  if (browser) return { command: browser, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')], verbatim: true };
  return { command: 'xdg-open', args: [url] };
}

/** Fire and forget: the browser lives on its own; a failure is only reported through `onFailure`. */
export function openBrowser(url: string, onFailure: (reason: string) => void): void {
  const launch = browserLaunch(url, process.env, process.platform);
  if (!launch) return;
  try {
    const child = spawn(launch.command, launch.args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
      windowsVerbatimArguments: launch.verbatim,
    });
    child.once('error', (err) => onFailure(`${launch.command}: ${err.message}`));
    child.once('exit', (code) => {
      if (code) onFailure(`${launch.command} exited with code ${code}`);
    });
    child.unref();
  } catch (err) {
    onFailure((err as Error).message);
  }
}
