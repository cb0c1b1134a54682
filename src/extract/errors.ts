/**
 * The error family shared by every layer. Entry points (CLI, console, UI) catch
 * once: a KgError is a user mistake (print the message, exit 2); anything else
 * is a bug and shows its stack.
 */
export class KgError extends Error {
  override name = 'KgError';
}

/** Input that cannot be read or parsed: a file, a line, a graph, a query. */
export class InputError extends KgError {
  override name = 'InputError';
}

/** Something named by the user does not exist (a path, a node, a command). */
export class NotFoundError extends KgError {
  override name = 'NotFoundError';
}

/** Options or arguments that do not fit together. */
export class UsageError extends KgError {
  override name = 'UsageError';
}

export function isKgError(error: unknown): error is KgError {
  return error instanceof KgError;
}
