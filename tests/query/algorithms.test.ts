/**
 * The index routines against the graphology libraries they stand in for, on
 * generated graphs: same shortest-path lengths, same simple-path counts, same
 * neighbourhoods, same PageRank and betweenness.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { allSimplePaths } from 'graphology-simple-path';
import { bfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { RELATION_NAMES, SYMMETRIC_RELATIONS } from '../../src/extract/types.ts';
import type { RelationName } from '../../src/extract/types.ts';
import { seededRandom } from '../../src/graph/layout.ts';
import { generateGraph } from '../../src/graph/generate.ts';
import { Budget } from '../../src/graph/query/budget.ts';
import { indexGraph, invalidateQueryIndex, relationMask, walkOf } from '../../src/graph/query/graph-index.ts';
import { indexPagerank, sampledBetweenness } from '../../src/graph/query/metrics.ts';
import { neighborhood } from '../../src/graph/query/neighbors.ts';
import { allShortestBfs, boundedSimplePaths, cheapestPath, leastCostPaths, shortestPathBfs } from '../../src/graph/query/paths.ts';
import { runQuery } from '../../src/graph/query/index.ts';
import type { Direction } from '../../src/graph/query/index.ts';
import type { KgGraph } from '../../src/graph/types.ts';

const budget = () => new Budget(undefined, 0, 1e9);

/**
 * The walk of a relation filter and direction as a plain graphology DirectedGraph:
 * an arc u→v for every edge the walk may follow from u to v.
 */
function oracleGraph(graph: KgGraph, allowed: Set<RelationName>, direction: Direction): DirectedGraph {
  const oracle = new DirectedGraph();
  graph.forEachNode((key) => oracle.addNode(key));
  graph.forEachEdge((_key, a, source, target) => {
    if (!allowed.has(a.relation) || source === target) return;
    const symmetric = SYMMETRIC_RELATIONS.has(a.relation);
    if (direction !== 'in' || symmetric) oracle.mergeEdge(source, target);
    if (direction !== 'out' || symmetric) oracle.mergeEdge(target, source);
  });
  return oracle;
}

const typed = new Set(RELATION_NAMES.filter((r) => r !== 'co_occurs'));
const cases: { name: string; relations: Set<RelationName>; via: RelationName[] | null; cooccur: boolean; direction: Direction }[] = [
  { name: 'typed, directed', relations: typed, via: null, cooccur: false, direction: 'out' },
  { name: 'typed, against', relations: typed, via: null, cooccur: false, direction: 'in' },
  { name: 'typed, either way', relations: typed, via: null, cooccur: false, direction: 'both' },
  { name: 'funds and partners_with', relations: new Set<RelationName>(['funds', 'partners_with']), via: ['funds', 'partners_with'], cooccur: false, direction: 'out' },
  { name: 'everything, either way', relations: new Set(RELATION_NAMES), via: null, cooccur: true, direction: 'both' },
];

describe.each(cases)('walk: $name', ({ relations, via, cooccur, direction }) => {
  const graph = generateGraph({ nodes: 400, edges: 1200, seed: 3 });
  const index = indexGraph(graph);
  const walk = walkOf(relationMask(via, cooccur), direction);
  const oracle = oracleGraph(graph, relations, direction);
  const random = seededRandom(11);
  // Ends among the nodes the walk can leave or enter, so that many pairs connect.
  const linked = oracle.nodes().filter((key) => oracle.degree(key) > 0).map((key) => index.ids.get(key)!);
  const any = () => linked[Math.floor(random() * linked.length)]!;
  const pairs = Array.from({ length: 60 }, () => [any(), any()] as const);

  it('shortest path lengths match graphology-shortest-path', () => {
    let found = 0;
    for (const [s, t] of pairs) {
      if (s === t) continue;
      const expected = bidirectional(oracle, index.keys[s]!, index.keys[t]!);
      const path = shortestPathBfs(index, s, t, walk, { avoid: null, maxHops: Infinity, budget: budget() });
      expect(path === null ? null : path.length).toBe(expected === null ? null : expected.length);
      if (!path) continue;
      found++;
      expect(path[0]).toBe(s);
      expect(path[path.length - 1]).toBe(t);
      // Each hop is an arc of the oracle.
      for (let i = 0; i + 1 < path.length; i++) expect(oracle.hasEdge(index.keys[path[i]!]!, index.keys[path[i + 1]!]!)).toBe(true);
    }
    expect(found).toBeGreaterThan(2);
  });

  it('all shortest paths and simple paths up to 4 hops match graphology-simple-path', () => {
    for (const [s, t] of pairs.slice(0, 25)) {
      if (s === t) continue;
      const all = allSimplePaths(oracle, index.keys[s]!, index.keys[t]!, { maxDepth: 4 });
      const simple = boundedSimplePaths(index, s, t, walk, { avoid: null, maxHops: 4, budget: budget() }, 1000);
      expect(simple.total).toBe(all.length);
      expect(simple.complete).toBe(true);
      const asText = (p: readonly (string | number)[]) => p.map((x) => (typeof x === 'number' ? index.keys[x] : x)).join('>');
      expect(simple.paths.map(asText).sort()).toEqual(all.map(asText).sort());
      const shortest = allShortestBfs(index, s, t, walk, { avoid: null, maxHops: 4, budget: budget() });
      const minimum = Math.min(...all.map((p) => p.length));
      const expected = all.filter((p) => p.length === minimum);
      expect(shortest.count).toBe(expected.length);
      expect(shortest.paths(1000).map(asText).sort()).toEqual(expected.map(asText).sort());
    }
  });

  it('neighbourhoods to depth 2 match graphology-traversal', () => {
    for (const [s] of pairs.slice(0, 20)) {
      const expected = new Map<string, number>();
      bfsFromNode(oracle, index.keys[s]!, (key, _a, depth) => {
        if (depth > 2) return true;
        expected.set(key, depth);
        return depth === 2;
      });
      expected.delete(index.keys[s]!);
      const hood = neighborhood(index, s, walk, 2, budget());
      expect(new Map(hood.order.map((v) => [index.keys[v]!, hood.depth[v]!]))).toEqual(expected);
    }
  });
});

describe('avoid and hop bounds', () => {
  const graph = generateGraph({ nodes: 300, edges: 1500, seed: 5 });
  const index = indexGraph(graph);
  const walk = walkOf(relationMask(null, false), 'both');
  const oracle = oracleGraph(graph, typed, 'both');

  it('a path avoiding a node matches the library on the graph without it', () => {
    let checked = 0;
    for (let s = 1; s < 40; s++) {
      const t = s + 50;
      const path = shortestPathBfs(index, s, t, walk, { avoid: null, maxHops: Infinity, budget: budget() });
      if (!path || path.length < 3) continue;
      const middle = path[1]!;
      const avoid = new Uint8Array(index.n);
      avoid[middle] = 1;
      const without = oracle.copy();
      without.dropNode(index.keys[middle]!);
      const expected = bidirectional(without, index.keys[s]!, index.keys[t]!);
      const around = shortestPathBfs(index, s, t, walk, { avoid, maxHops: Infinity, budget: budget() });
      expect(around === null ? null : around.length).toBe(expected === null ? null : expected.length);
      if (around) expect(around).not.toContain(middle);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('max hops cuts exactly at the shortest length', () => {
    for (let s = 0; s < 30; s++) {
      const path = shortestPathBfs(index, s, s + 100, walk, { avoid: null, maxHops: Infinity, budget: budget() });
      if (!path) continue;
      const hops = path.length - 1;
      expect(shortestPathBfs(index, s, s + 100, walk, { avoid: null, maxHops: hops, budget: budget() })).not.toBeNull();
      if (hops > 1) expect(shortestPathBfs(index, s, s + 100, walk, { avoid: null, maxHops: hops - 1, budget: budget() })).toBeNull();
    }
  });
});

describe('costed co-occurrences', () => {
  const graph = generateGraph({ nodes: 300, edges: 1200, seed: 9 });
  const index = indexGraph(graph);
  const walk = walkOf(relationMask(null, true), 'both');
  const costs = new Float64Array(RELATION_NAMES.length).fill(1);
  costs[RELATION_NAMES.indexOf('co_occurs')] = 2.5;
  const cost = (path: number[]) => {
    let total = 0;
    for (let i = 0; i + 1 < path.length; i++) {
      let best = Infinity;
      for (const key of graph.edges(index.keys[path[i]!]!, index.keys[path[i + 1]!]!).concat(graph.edges(index.keys[path[i + 1]!]!, index.keys[path[i]!]!)))
        best = Math.min(best, graph.getEdgeAttribute(key, 'relation') === 'co_occurs' ? 2.5 : 1);
      total += best;
    }
    return total;
  };

  it('the bidirectional Dijkstra and the one-sided one agree on the least cost', () => {
    let found = 0;
    for (let s = 0; s < 40; s++) {
      const t = (s * 7 + 13) % index.n;
      if (s === t) continue;
      const limits = { avoid: null, maxHops: Infinity, budget: budget() };
      const fast = cheapestPath(index, s, t, walk, costs, limits);
      const full = leastCostPaths(index, s, t, walk, costs, limits);
      expect(fast ? fast.cost : Infinity).toBe(full.cost);
      if (!fast) continue;
      found++;
      expect(cost(fast.nodes)).toBe(fast.cost);
      for (const p of full.paths(5)) expect(cost(p)).toBe(full.cost);
    }
    expect(found).toBeGreaterThan(10);
  });

  it('with a hop bound the cheapest path within the bound is found', () => {
    for (let s = 0; s < 20; s++) {
      const t = (s * 11 + 5) % index.n;
      const free = leastCostPaths(index, s, t, walk, costs, { avoid: null, maxHops: Infinity, budget: budget() });
      if (!Number.isFinite(free.cost)) continue;
      const hops = free.paths(1)[0]!.length - 1;
      const bounded = leastCostPaths(index, s, t, walk, costs, { avoid: null, maxHops: hops, budget: budget() });
      expect(bounded.cost).toBe(free.cost);
      // One hop fewer: either impossible or no cheaper.
      if (hops > 1) {
        const tighter = leastCostPaths(index, s, t, walk, costs, { avoid: null, maxHops: hops - 1, budget: budget() });
        expect(tighter.cost).toBeGreaterThanOrEqual(free.cost);
        for (const p of tighter.paths(3)) expect(p.length - 1).toBeLessThanOrEqual(hops - 1);
      }
    }
  });
});

describe('metrics against graphology-metrics', () => {
  const graph = generateGraph({ nodes: 250, edges: 900, seed: 21 });
  const index = indexGraph(graph);
  const mask = relationMask(null, false);

  it('PageRank on the index equals the library on the projection', () => {
    const projection = new DirectedGraph();
    graph.forEachEdge((_k, a, s, t) => {
      if (a.relation === 'co_occurs' || s === t) return;
      const add = (x: string, y: string) => {
        projection.mergeNode(x);
        projection.mergeNode(y);
        if (projection.hasEdge(x, y)) projection.updateEdgeAttribute(x, y, 'weight', (w: number) => w + a.weight);
        else projection.addEdge(x, y, { weight: a.weight });
      };
      add(s, t);
      if (SYMMETRIC_RELATIONS.has(a.relation)) add(t, s);
    });
    const expected = pagerank(projection, { getEdgeWeight: 'weight' });
    const values = new Float64Array(index.n);
    indexPagerank(index, mask, values, budget());
    for (const [key, value] of Object.entries(expected)) expect(values[index.ids.get(key)!]).toBeCloseTo(value, 10);
  });

  it('Brandes from every source equals the exact library betweenness', () => {
    const projection = new UndirectedGraph();
    graph.forEachEdge((_k, a, s, t) => {
      if (a.relation === 'co_occurs' || s === t) return;
      projection.mergeNode(s);
      projection.mergeNode(t);
      projection.mergeEdge(s, t);
    });
    const expected = betweennessCentrality(projection, { getEdgeWeight: null, normalized: false });
    const ids = projection.nodes().map((key) => index.ids.get(key)!).sort((a, b) => a - b);
    const values = new Float64Array(index.n);
    sampledBetweenness(index, mask, ids, ids.length, values, budget());
    for (const [key, value] of Object.entries(expected)) expect(values[index.ids.get(key)!]).toBeCloseTo(value, 8);
  });

  it('top betweenness says when it is estimated', () => {
    const big = generateGraph({ nodes: 3000, edges: 150_000, seed: 2 });
    const result = runQuery(big, 'top betweenness 5');
    expect(result.notes.join(' ')).toMatch(/estimated from \d+ of \d+ source entities/);
  });
});

describe('the index follows the graph', () => {
  it('sees added edges and dropped nodes, not layout moves', () => {
    const graph = generateGraph({ nodes: 50, edges: 60, seed: 4 });
    const before = indexGraph(graph);
    graph.updateEachNodeAttributes((_k, a) => ({ ...a, x: 1, y: 2 }), { attributes: ['x', 'y'] });
    expect(indexGraph(graph)).toBe(before);
    graph.addEdgeWithKey('extra', 'n1', 'n2', { relation: 'funds', weight: 1, evidence: [], pattern: 'test' });
    const after = indexGraph(graph);
    expect(after).not.toBe(before);
    expect(after.m).toBe(61);
    graph.dropNode('n3');
    expect(indexGraph(graph).n).toBe(49);
    graph.setNodeAttribute('n1', 'label', 'Renamed Entity');
    expect(runQuery(graph, 'find "Renamed Entity"').nodes).toEqual(['n1']);
    const kept = indexGraph(graph);
    invalidateQueryIndex(graph);
    expect(indexGraph(graph)).not.toBe(kept);
  });
});
