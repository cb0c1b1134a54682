/**
 * Whole-graph measures: degree, PageRank, betweenness, Louvain communities.
 *
 * PageRank, exact betweenness and Louvain are graphology-metrics and
 * graphology-communities-louvain, run on a simple-graph projection of the edges the
 * query allows (parallel edges merged, weights summed, self-loops dropped): those
 * libraries want a simple graph, and the projection is where relation filters apply.
 *
 * Building a graphology graph costs several microseconds per edge (tens of seconds
 * for a million), so above LIBRARY_PROJECTION_LIMIT edges PageRank runs as the same
 * power iteration directly on the index (same alpha, tolerance, dangling-node rule;
 * tests/query/algorithms.test.ts checks both agree), and betweenness is estimated by
 * Brandes' accumulation from a sample of sources, which the library does not offer.
 * Louvain has no such substitute: it always runs the library, on the projection.
 * Results are memoised per graph index and filter, so asking twice is instant.
 */
import Graph, { DirectedGraph, UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { seededRandom } from '../layout.ts';
import type { Budget } from './budget.ts';
import { memo, walkOf } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

/** Above this many projected edges, PageRank and betweenness run on the index instead of a graphology copy. */
export const LIBRARY_PROJECTION_LIMIT = 100_000;
/** Up to this many (nodes × edges), betweenness is exact. */
export const EXACT_BETWEENNESS_WORK = 2e8;
/** Edge visits a sampled betweenness may spend. */
export const SAMPLED_BETWEENNESS_WORK = 3e7;

export interface Scores {
  /** Score per node id. */
  values: Float64Array;
  /** Remarks to show (approximations). */
  notes: string[];
}

interface Projection {
  graph: Graph;
  /** Node ids of the projection's nodes, in insertion order (keys are the graph's node keys). */
  ids: number[];
}

/** Edge weights of the index as an array (evidence counts; 1 when missing). */
function edgeWeights(index: GraphIndex): Float64Array {
  return memo(index, 'weights', () => {
    const weights = new Float64Array(index.m);
    for (let e = 0; e < index.m; e++) weights[e] = index.edgeWeight(e) || 1;
    return weights;
  });
}

/**
 * Merged weights of the allowed edges, keyed by pair (a * n + b), and the number
 * of pairs: for `directed`, symmetric relations give both directions.
 */
function mergedPairs(index: GraphIndex, mask: number, directed: boolean, budget: Budget): Map<number, number> {
  const { n, m, rel, src, tgt } = index;
  const weights = edgeWeights(index);
  const symmetric = walkOf(mask, 'out').inMask;
  const pairs = new Map<number, number>();
  const add = (a: number, b: number, w: number) => {
    const pair = directed || a < b ? a * n + b : b * n + a;
    pairs.set(pair, (pairs.get(pair) ?? 0) + w);
  };
  for (let e = 0; e < m; e++) {
    budget.tick();
    const r = rel[e]!;
    if (!((mask >> r) & 1)) continue;
    const a = src[e]!;
    const b = tgt[e]!;
    if (a === b) continue;
    add(a, b, weights[e]!);
    if (directed && (symmetric >> r) & 1) add(b, a, weights[e]!);
  }
  return pairs;
}

/** A graphology simple graph of the merged pairs. Nodes without allowed edges are left out. */
function project(index: GraphIndex, pairs: Map<number, number>, directed: boolean, budget: Budget): Projection {
  const { n, keys } = index;
  const graph: Graph = directed ? new DirectedGraph() : new UndirectedGraph();
  const ids: number[] = [];
  const ensure = (id: number) => {
    if (!graph.hasNode(keys[id]!)) {
      graph.addNode(keys[id]!);
      ids.push(id);
    }
  };
  for (const [pair, weight] of pairs) {
    budget.tick();
    const a = Math.floor(pair / n);
    const b = pair % n;
    ensure(a);
    ensure(b);
    graph.addEdge(keys[a]!, keys[b]!, { weight });
  }
  return { graph, ids };
}

/** Node ids with at least one allowed edge to another node (the projection's nodes). */
function linkedIds(index: GraphIndex, mask: number): number[] {
  const linked = new Uint8Array(index.n);
  for (let e = 0; e < index.m; e++)
    if ((mask >> index.rel[e]!) & 1 && index.src[e] !== index.tgt[e]) linked[index.src[e]!] = linked[index.tgt[e]!] = 1;
  const ids: number[] = [];
  for (let id = 0; id < index.n; id++) if (linked[id]) ids.push(id);
  return ids;
}

/** Number of distinct neighbours over the allowed relations, either direction. */
export function degreeScores(index: GraphIndex, mask: number, budget: Budget): Scores {
  return memo(index, `degree:${mask}`, () => {
    const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
    const values = new Float64Array(n);
    const mark = new Int32Array(n).fill(-1);
    for (let u = 0; u < n; u++) {
      let count = 0;
      for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
        const e = outEdges[k]!;
        budget.tick();
        const v = tgt[e]!;
        if ((mask >> rel[e]!) & 1 && v !== u && mark[v] !== u) {
          mark[v] = u;
          count++;
        }
      }
      for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
        const e = inEdges[k]!;
        budget.tick();
        const v = src[e]!;
        if ((mask >> rel[e]!) & 1 && v !== u && mark[v] !== u) {
          mark[v] = u;
          count++;
        }
      }
      values[u] = count;
    }
    return { values, notes: [] };
  });
}

/** PageRank (graphology-metrics, or the same iteration on the index) over directed relations, weighted by evidence count. */
export function pagerankScores(index: GraphIndex, mask: number, budget: Budget): Scores {
  return memo(index, `pagerank:${mask}`, () => {
    const pairs = mergedPairs(index, mask, true, budget);
    const values = new Float64Array(index.n);
    if (pairs.size === 0) return { values, notes: [] };
    if (pairs.size > LIBRARY_PROJECTION_LIMIT) {
      indexPagerank(index, mask, values, budget);
      return { values, notes: [] };
    }
    const { graph, ids } = project(index, pairs, true, budget);
    let ranks: Record<string, number>;
    try {
      ranks = pagerank(graph, { getEdgeWeight: 'weight' });
    } catch {
      // It did not converge in 100 iterations: the index version keeps the last iterate.
      indexPagerank(index, mask, values, budget);
      return { values, notes: ['PageRank did not converge in 100 iterations; scores are approximate.'] };
    }
    for (const id of ids) values[id] = ranks[index.keys[id]!] ?? 0;
    return { values, notes: [] };
  });
}

/**
 * graphology-metrics' PageRank (alpha 0.85, at most 100 iterations, tolerance 1e-6 per
 * node, rank of dangling nodes spread evenly) over the projection's nodes, computed
 * on the index: parallel edges add their weights, symmetric relations go both ways.
 */
export function indexPagerank(index: GraphIndex, mask: number, values: Float64Array, budget: Budget, alpha = 0.85): void {
  const { m, rel, src, tgt } = index;
  const weights = edgeWeights(index);
  const symmetric = walkOf(mask, 'out').inMask;
  const ids = linkedIds(index, mask);
  const N = ids.length;
  if (!N) return;
  const p = 1 / N;
  const outWeight = new Float64Array(index.n);
  for (let e = 0; e < m; e++) {
    const r = rel[e]!;
    if (!((mask >> r) & 1) || src[e] === tgt[e]) continue;
    outWeight[src[e]!]! += weights[e]!;
    if ((symmetric >> r) & 1) outWeight[tgt[e]!]! += weights[e]!;
  }
  const dangling = ids.filter((id) => outWeight[id] === 0);
  let x = new Float64Array(index.n);
  for (const id of ids) x[id] = p;
  for (let iteration = 0; iteration < 100; iteration++) {
    const last = x;
    x = new Float64Array(index.n);
    let dangleSum = 0;
    for (const id of dangling) dangleSum += last[id]!;
    dangleSum *= alpha;
    for (let e = 0; e < m; e++) {
      budget.tick();
      const r = rel[e]!;
      const a = src[e]!;
      const b = tgt[e]!;
      if (!((mask >> r) & 1) || a === b) continue;
      x[b]! += (alpha * last[a]! * weights[e]!) / outWeight[a]!;
      if ((symmetric >> r) & 1) x[a]! += (alpha * last[b]! * weights[e]!) / outWeight[b]!;
    }
    let error = 0;
    for (const id of ids) {
      x[id]! += dangleSum * p + (1 - alpha) * p;
      error += Math.abs(x[id]! - last[id]!);
    }
    if (error < N * 1e-6) break;
  }
  for (const id of ids) values[id] = x[id]!;
}

/**
 * Betweenness over the undirected, unweighted projection: how many shortest paths
 * between pairs of entities go through each one. Exact (graphology-metrics) when
 * affordable, else sampled.
 */
export function betweennessScores(index: GraphIndex, mask: number, budget: Budget): Scores {
  return memo(index, `betweenness:${mask}`, () => {
    const pairs = mergedPairs(index, mask, false, budget);
    const values = new Float64Array(index.n);
    if (pairs.size === 0) return { values, notes: [] };
    const ids = linkedIds(index, mask);
    if (pairs.size <= LIBRARY_PROJECTION_LIMIT && ids.length * pairs.size <= EXACT_BETWEENNESS_WORK) {
      const { graph } = project(index, pairs, false, budget);
      const scores = betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
      for (const id of ids) values[id] = scores[index.keys[id]!] ?? 0;
      return { values, notes: [] };
    }
    const sources = Math.min(ids.length, Math.max(8, Math.floor(SAMPLED_BETWEENNESS_WORK / (2 * pairs.size))));
    sampledBetweenness(index, mask, ids, sources, values, budget);
    const note =
      sources < ids.length
        ? [`betweenness estimated from ${sources} of ${ids.length} source entities (exact would take too long on ${pairs.size} links).`]
        : [];
    return { values, notes: note };
  });
}

/**
 * Brandes' accumulation (unweighted, undirected, parallel edges counted once) from
 * `k` evenly spread sources among `ids`, scaled by |ids| / k; with k = |ids| it is
 * the exact betweenness, as graphology-metrics computes it. Writes into `values`.
 */
export function sampledBetweenness(index: GraphIndex, mask: number, ids: number[], k: number, values: Float64Array, budget: Budget): void {
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const count = Math.min(k, ids.length);
  const step = ids.length / count;
  const scale = ids.length / count / 2;
  // Calls visit(v) once per distinct allowed neighbour v of u.
  const neighbours = (u: number, visit: (v: number) => void) => {
    for (let j = outStart[u]!; j < outStart[u + 1]!; j++) {
      const e = outEdges[j]!;
      const v = tgt[e]!;
      if ((mask >> rel[e]!) & 1 && v !== u && mark[v] !== u) {
        mark[v] = u;
        visit(v);
      }
    }
    for (let j = inStart[u]!; j < inStart[u + 1]!; j++) {
      const e = inEdges[j]!;
      const v = src[e]!;
      if ((mask >> rel[e]!) & 1 && v !== u && mark[v] !== u) {
        mark[v] = u;
        visit(v);
      }
    }
    budget.tick(outStart[u + 1]! - outStart[u]! + inStart[u + 1]! - inStart[u]!);
  };
  for (let i = 0; i < count; i++) {
    const s = ids[Math.floor(i * step)]!;
    let head = 0;
    let tail = 0;
    sigma[s] = 1;
    dist[s] = 0;
    order[tail++] = s;
    while (head < tail) {
      const u = order[head++]!;
      const du = dist[u]!;
      neighbours(u, (v) => {
        if (dist[v] === -1) {
          dist[v] = du + 1;
          order[tail++] = v;
        }
        if (dist[v] === du + 1) sigma[v]! += sigma[u]!;
      });
    }
    // Back-propagation in reverse BFS order; marks are reset so neighbours are listed afresh.
    for (let j = 0; j < tail; j++) mark[order[j]!] = -1;
    for (let j = tail - 1; j >= 0; j--) {
      const w = order[j]!;
      const dw = dist[w]!;
      neighbours(w, (v) => {
        if (dist[v] === dw - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      });
      if (w !== s) values[w]! += delta[w]! * scale;
    }
    for (let j = 0; j < tail; j++) {
      const v = order[j]!;
      sigma[v] = 0;
      dist[v] = -1;
      delta[v] = 0;
      mark[v] = -1;
    }
  }
}

export interface CommunityPartition {
  /** Communities as node id lists, largest first; members best connected first. */
  communities: number[][];
  modularity: number;
}

/** Louvain (graphology-communities-louvain) over the undirected projection, seeded so it is repeatable. */
export function louvainCommunities(index: GraphIndex, mask: number, budget: Budget): CommunityPartition {
  return memo(index, `louvain:${mask}`, () => {
    const pairs = mergedPairs(index, mask, false, budget);
    if (pairs.size === 0) return { communities: [], modularity: 0 };
    const { graph, ids } = project(index, pairs, false, budget);
    const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(7) });
    const groups = new Map<number, number[]>();
    for (const id of ids) {
      const c = detailed.communities[index.keys[id]!]!;
      let list = groups.get(c);
      if (!list) groups.set(c, (list = []));
      list.push(id);
    }
    const strength = (id: number) => graph.degree(index.keys[id]!);
    const communities = [...groups.values()]
      .map((members) => members.sort((a, b) => strength(b) - strength(a) || a - b))
      .sort((a, b) => b.length - a.length || a[0]! - b[0]!);
    return { communities, modularity: detailed.modularity };
  });
}
