/**
 * Errors of the query engine. All are KgErrors: entry points print their message
 * (the CLI exits 2); anything else thrown by the engine is a bug.
 */
import { InputError, KgError, NotFoundError, UsageError } from '../../extract/errors.ts';
import type { NodeRef } from './types.ts';

/**
 * A query that does not parse. `column` is 1-based; the message ends with the
 * query and a caret under the offending column:
 *
 *     unknown command "pth" (column 1). Did you mean "path"? …
 *       pth A -> B
 *       ^
 */
export class QuerySyntaxError extends InputError {
  override name = 'QuerySyntaxError';
  /** What was wrong, without the caret lines. */
  readonly reason: string;
  constructor(
    reason: string,
    readonly query: string,
    readonly column: number,
    /** Number of characters to underline (at least 1). */
    readonly length = 1,
  ) {
    super(`${reason}\n${caretLines(query, column, length)}`);
    this.reason = reason;
  }
}

/** The query text and a caret line under columns [column, column + length). */
export function caretLines(query: string, column: number, length = 1): string {
  const line = query.replace(/[\r\n\t]/g, ' ');
  const col = Math.max(1, Math.min(column, line.length + 1));
  return `  ${line}\n  ${' '.repeat(col - 1)}${'^'.repeat(Math.max(1, length))}`;
}

/** A name that matches several entities: the message lists them with their keys. */
export class AmbiguousNameError extends UsageError {
  override name = 'AmbiguousNameError';
  constructor(
    message: string,
    readonly text: string,
    readonly candidates: NodeRef[],
  ) {
    super(message);
  }
}

/** A name that matches no entity: the message suggests the nearest names. */
export class UnknownNameError extends NotFoundError {
  override name = 'UnknownNameError';
  constructor(
    message: string,
    readonly text: string,
    readonly suggestions: NodeRef[],
  ) {
    super(message);
  }
}

/** The query was stopped: its signal was aborted (Ctrl-C) or its time ran out. */
export class QueryCancelledError extends KgError {
  override name = 'QueryCancelledError';
  constructor(readonly reason: 'signal' | 'timeout', message?: string) {
    super(message ?? (reason === 'signal' ? 'query cancelled.' : 'query stopped: it ran out of time.'));
  }
}
