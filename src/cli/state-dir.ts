// Where the command keeps what outlives a run: the CSRF secret, the compiled code of the package's bundles.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** $XDG_STATE_HOME/htmx-demo, or ~/.local/state/htmx-demo (a relative XDG path is ignored, as the spec asks). */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'state');
  return join(base, 'htmx-demo');
}
