/**
 * Whole-graph measures: degree, PageRank, betweenness, Louvain communities.
 *
 * PageRank, exact betweenness and Louvain are graphology-metrics and
 * graphology-communities-louvain, run on a simple-graph projection of the edges the
 * query allows (parallel edges merged, weights summed): those libraries want a simple
 * graph, and the projection is where relation filters apply. Results are memoised
 * per graph index and filter, so asking twice is instant.
 *
 * Exact betweenness costs O(nodes × edges); above `EXACT_BETWEENNESS_WORK` it is
 * estimated from a sample of source nodes (Brandes' accumulation from k sources,
 * scaled by n/k), which the library does not offer.
 */
import Graph, { DirectedGraph, UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { seededRandom } from '../layout.ts';
import type { Budget } from './budget.ts';
import { memo, walkOf } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

/** Above this many (nodes × edges), betweenness is sampled rather than exact. */
export const EXACT_BETWEENNESS_WORK = 2e8;

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

/**
 * A simple graph over the edges whose relation bit is in `mask`: for `directed`,
 * symmetric relations give both directions. Nodes without such edges are left out.
 */
function project(index: GraphIndex, mask: number, directed: boolean, budget: Budget): Projection {
  const { n, m, rel, src, tgt, keys } = index;
  const symmetric = walkOf(mask, 'out').inMask;
  const weights = new Map<number, number>();
  const add = (a: number, b: number, w: number) => {
    const pair = directed || a < b ? a * n + b : b * n + a;
    weights.set(pair, (weights.get(pair) ?? 0) + w);
  };
  for (let e = 0; e < m; e++) {
    budget.tick();
    const r = rel[e]!;
    if (!((mask >> r) & 1)) continue;
    const a = src[e]!;
    const b = tgt[e]!;
    if (a === b) continue;
    const w = Number(index.graph.getEdgeAttribute(index.edgeKeys[e]!, 'weight')) || 1;
    add(a, b, w);
    if (directed && (symmetric >> r) & 1) add(b, a, w);
  }
  const graph: Graph = directed ? new DirectedGraph() : new UndirectedGraph();
  const ids: number[] = [];
  const ensure = (id: number) => {
    if (!graph.hasNode(keys[id]!)) {
      graph.addNode(keys[id]!);
      ids.push(id);
    }
  };
  for (const [pair, weight] of weights) {
    budget.tick();
    const a = Math.floor(pair / n);
    const b = pair % n;
    ensure(a);
    ensure(b);
    graph.addEdge(keys[a]!, keys[b]!, { weight });
  }
  return { graph, ids };
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

/** PageRank (graphology-metrics) over the directed projection, weighted by evidence count. */
export function pagerankScores(index: GraphIndex, mask: number, budget: Budget): Scores {
  return memo(index, `pagerank:${mask}`, () => {
    const { graph, ids } = project(index, mask, true, budget);
    const values = new Float64Array(index.n);
    if (graph.order === 0) return { values, notes: [] };
    const ranks = pagerank(graph, { getEdgeWeight: 'weight' });
    for (const id of ids) values[id] = ranks[index.keys[id]!] ?? 0;
    return { values, notes: [] };
  });
}

/**
 * Betweenness over the undirected, unweighted projection: how many shortest paths
 * between pairs of entities go through each one. Exact (graphology-metrics) when
 * affordable, else sampled.
 */
export function betweennessScores(index: GraphIndex, mask: number, budget: Budget): Scores {
  return memo(index, `betweenness:${mask}`, () => {
    const { graph, ids } = project(index, mask, false, budget);
    const values = new Float64Array(index.n);
    if (graph.order === 0) return { values, notes: [] };
    if (graph.order * graph.size <= EXACT_BETWEENNESS_WORK) {
      const scores = betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
      for (const id of ids) values[id] = scores[index.keys[id]!] ?? 0;
      return { values, notes: [] };
    }
    const sources = Math.max(1, Math.floor(EXACT_BETWEENNESS_WORK / Math.max(1, graph.size)));
    sampledBetweenness(index, mask, ids, sources, values, budget);
    return {
      values,
      notes: [`betweenness estimated from ${sources} of ${ids.length} source entities (the exact computation would take too long on ${graph.size} links).`],
    };
  });
}

/**
 * Brandes' accumulation (unweighted, undirected) from `k` evenly spread sources among
 * `ids`, scaled by |ids| / k; with k = |ids| it is the exact betweenness. Writes into `values`.
 */
export function sampledBetweenness(index: GraphIndex, mask: number, ids: number[], k: number, values: Float64Array, budget: Budget): void {
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const stack: number[] = [];
  const preds: number[][] = Array.from({ length: n }, () => []);
  const count = Math.min(k, ids.length);
  const step = ids.length / count;
  const scale = ids.length / count / 2;
  for (let i = 0; i < count; i++) {
    const s = ids[Math.floor(i * step)]!;
    stack.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      stack.push(u);
      const reach = (v: number) => {
        budget.tick();
        if (v === u) return;
        if (dist[v] === -1) {
          dist[v] = dist[u]! + 1;
          queue.push(v);
        }
        if (dist[v] === dist[u]! + 1 && !preds[v]!.includes(u)) {
          sigma[v]! += sigma[u]!;
          preds[v]!.push(u);
        }
      };
      for (let j = outStart[u]!; j < outStart[u + 1]!; j++) {
        const e = outEdges[j]!;
        if ((mask >> rel[e]!) & 1) reach(tgt[e]!);
      }
      for (let j = inStart[u]!; j < inStart[u + 1]!; j++) {
        const e = inEdges[j]!;
        if ((mask >> rel[e]!) & 1) reach(src[e]!);
      }
    }
    while (stack.length) {
      const w = stack.pop()!;
      for (const v of preds[w]!) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      if (w !== s) values[w]! += delta[w]! * scale;
    }
    for (const v of queue) {
      sigma[v] = 0;
      dist[v] = -1;
      delta[v] = 0;
      preds[v]!.length = 0;
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
    const { graph, ids } = project(index, mask, false, budget);
    if (graph.size === 0) return { communities: [], modularity: 0 };
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
