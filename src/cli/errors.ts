// CliError: a failure the user can fix (bad option, busy port). main prints its message as one line, no stack.
export class CliError extends Error {
  override name = 'CliError';
  /** The process's exit status: 1, or the shell's 128 + signal for an interrupt (130 for Ctrl+C). */
  readonly exitCode: number;

  constructor(message: string, options: ErrorOptions & { exitCode?: number } = {}) {
    super(message, options);
    this.exitCode = options.exitCode ?? 1;
  }
}
