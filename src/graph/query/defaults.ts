import type { QueryCommand, QueryOptions } from './types.ts';

/** Defaults of `runQuery` options, merged with the caller's and validated once. */
export const queryOptionDefaults: Required<Omit<QueryOptions, 'signal'>> = {
  timeoutMs: 0,
  maxWork: 20_000_000,
  cooccurCost: 2.5,
  evidencePerEdge: 3,
  membersPerCommunity: 8,
};

/** Rows shown when the query says no `limit`. */
export const defaultLimits: Record<QueryCommand, number> = {
  path: 1,
  paths: 20,
  allshortest: 20,
  neighbors: 50,
  find: 50,
  relations: 50,
  top: 10,
  communities: 10,
  help: 1,
};

/** Accepted ranges of numbers in queries, [min, max]. */
export const bounds = {
  limit: [1, 10_000],
  /** neighbors depth: beyond 6 hops a neighbourhood is most of any real graph. */
  depth: [1, 6],
  /** path / allshortest max hops. */
  pathMax: [1, 50],
  /** paths max hops: the number of simple paths grows exponentially with it. */
  pathsMax: [1, 8],
  minSize: [1, 1_000_000],
} as const satisfies Record<string, readonly [number, number]>;

/** Default `max` of `paths`. */
export const defaultPathsMax = 4;
