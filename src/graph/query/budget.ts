import { QueryCancelledError } from './errors.ts';
import type { CancelSignal } from './types.ts';

/** How often (in work units) the signal and the clock are looked at. */
const CHECK_EVERY = 4096;

/**
 * Work accounting for one query. Loops call `tick()` once per edge they visit;
 * every few thousand ticks it checks the cancel signal and the deadline and throws
 * QueryCancelledError. `spent` tells enumerations to stop counting extra results.
 */
export class Budget {
  work = 0;
  private nextCheck = CHECK_EVERY;
  private readonly deadline: number;

  constructor(
    private readonly signal: CancelSignal | undefined,
    timeoutMs: number,
    readonly maxWork: number,
  ) {
    this.deadline = timeoutMs > 0 ? Date.now() + timeoutMs : 0;
    this.check();
  }

  tick(units = 1): void {
    this.work += units;
    if (this.work >= this.nextCheck) this.check();
  }

  check(): void {
    this.nextCheck = this.work + CHECK_EVERY;
    if (this.signal?.aborted) throw new QueryCancelledError('signal');
    if (this.deadline && Date.now() > this.deadline)
      throw new QueryCancelledError('timeout', 'query stopped: it ran out of time. Narrow it (via, type, a smaller max or depth) or allow more time.');
  }

  /** True once more than maxWork units were spent. */
  get spent(): boolean {
    return this.work > this.maxWork;
  }
}
