// CliError: a failure the user can fix (bad option, busy port). main prints its message as one line, no stack.
export class CliError extends Error {
  override name = 'CliError';
}
