/**
 * A reason not to start that the operator can act on: the server prints the message as one line
 * and exits, instead of a stack trace or, worse, starting on the wrong data.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The first line of an error from a library, short enough to read in a log. */
export function firstLine(error: unknown, max = 300): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
