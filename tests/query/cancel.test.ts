/** Long queries stop on a signal, a timeout, or a work budget. */
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/graph/generate.ts';
import { QueryCancelledError, formatResult, runQuery } from '../../src/graph/query/index.ts';
import type { PathsResult } from '../../src/graph/query/index.ts';

// Dense enough that enumerating paths of up to 6 hops between hubs takes seconds.
const graph = generateGraph({ nodes: 2000, edges: 60_000, seed: 8 });
const heavy = 'paths n1 -- n2 max 6 limit 10000 cooccur';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('cancellation', () => {
  it('an aborted signal stops the query before it starts', () => {
    const controller = new AbortController();
    controller.abort();
    const error = thrown(() => runQuery(graph, 'path n1 -- n2', { signal: controller.signal }));
    expect(error).toBeInstanceOf(QueryCancelledError);
    expect((error as QueryCancelledError).reason).toBe('signal');
  });

  it('a signal raised while the query runs stops it from inside its loops', () => {
    let reads = 0;
    const signal = {
      get aborted() {
        return ++reads > 3;
      },
    };
    const started = performance.now();
    const error = thrown(() => runQuery(graph, heavy, { signal }));
    expect(error).toBeInstanceOf(QueryCancelledError);
    expect(reads).toBe(4);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a timeout stops it with a message saying what to do', () => {
    const error = thrown(() => runQuery(graph, heavy, { timeoutMs: 20 }));
    expect(error).toBeInstanceOf(QueryCancelledError);
    expect((error as QueryCancelledError).reason).toBe('timeout');
    expect((error as Error).message).toMatch(/ran out of time.*Narrow it/);
  });

  it('a spent work budget ends the counting, not the query: "at least N more"', () => {
    const result = runQuery(graph, 'paths n1 -- n2 max 5 limit 3 cooccur', { maxWork: 50_000 }) as PathsResult;
    expect(result.paths).toHaveLength(3);
    expect(result.moreIsLowerBound).toBe(true);
    expect(result.more).toBeGreaterThan(0);
    expect(formatResult(result)).toMatch(/… at least \d+ more paths \(counting stopped/);
  });

  it('without a bound, counting is exact', () => {
    const result = runQuery(graph, 'paths n1 -- n2 max 2 limit 1 cooccur') as PathsResult;
    const all = runQuery(graph, 'paths n1 -- n2 max 2 limit 10000 cooccur') as PathsResult;
    expect(all.more).toBe(0);
    expect(all.paths.length).toBeGreaterThan(1);
    expect(result.moreIsLowerBound).toBe(false);
    expect(result.more).toBe(all.paths.length - 1);
    expect(formatResult(result)).toMatch(new RegExp(`… ${result.more} more paths\\.`));
  });
});
