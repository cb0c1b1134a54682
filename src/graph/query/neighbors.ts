/**
 * Neighbourhoods: breadth-first search to a depth over a filtered walk.
 * (graphology-traversal's bfsFromNode follows every edge of a mode; here the walk is
 * filtered by relation per edge and must record the edge each node was reached by.)
 */
import type { Budget } from './budget.ts';
import { degreeOf } from './graph-index.ts';
import type { GraphIndex, Walk } from './graph-index.ts';

export interface Neighborhood {
  /** Nodes reached, in BFS order (the start excluded). */
  order: number[];
  depth: Int32Array;
  /** The node each was reached from, and the edge walked (-1 for the start). */
  parent: Int32Array;
  parentEdge: Int32Array;
  forward: Uint8Array;
}

export function neighborhood(index: GraphIndex, s: number, walk: Walk, maxDepth: number, budget: Budget): Neighborhood {
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const depth = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const forward = new Uint8Array(n);
  const order: number[] = [];
  depth[s] = 0;
  let front = [s];
  for (let d = 0; d < maxDepth && front.length; d++) {
    const next: number[] = [];
    for (const u of front) {
      if (walk.outMask)
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const e = outEdges[k]!;
          budget.tick();
          const v = tgt[e]!;
          if ((walk.outMask >> rel[e]!) & 1 && depth[v] === -1) {
            depth[v] = d + 1;
            parent[v] = u;
            parentEdge[v] = e;
            forward[v] = 1;
            next.push(v);
          }
        }
      if (walk.inMask)
        for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
          const e = inEdges[k]!;
          budget.tick();
          const v = src[e]!;
          if ((walk.inMask >> rel[e]!) & 1 && depth[v] === -1) {
            depth[v] = d + 1;
            parent[v] = u;
            parentEdge[v] = e;
            forward[v] = 0;
            next.push(v);
          }
        }
    }
    for (const v of next) order.push(v);
    front = next;
  }
  return { order, depth, parent, parentEdge, forward };
}

/**
 * The first `k` of `ids` by (score descending, id ascending), without sorting them
 * all: a neighbourhood can hold most of the graph while a page shows fifty.
 */
export function topK(ids: readonly number[], k: number, score: (id: number) => number): number[] {
  if (k <= 0) return [];
  if (k > 256 || ids.length <= 4 * k) {
    const scores = new Map<number, number>();
    for (const id of ids) scores.set(id, score(id));
    return [...ids].sort((a, b) => scores.get(b)! - scores.get(a)! || a - b).slice(0, k);
  }
  const kept: number[] = [];
  const scores: number[] = [];
  for (const id of ids) {
    const s = score(id);
    if (kept.length === k) {
      const lastScore = scores[k - 1]!;
      if (s < lastScore || (s === lastScore && id > kept[k - 1]!)) continue;
    }
    let i = kept.length;
    while (i > 0 && (scores[i - 1]! < s || (scores[i - 1] === s && kept[i - 1]! > id))) i--;
    kept.splice(i, 0, id);
    scores.splice(i, 0, s);
    if (kept.length > k) {
      kept.pop();
      scores.pop();
    }
  }
  return kept;
}

/** Rows of a neighbourhood: nearest first, then best connected, `limit` of them; and how many matched. */
export function pickNeighbors(index: GraphIndex, hood: Neighborhood, keep: (id: number) => boolean, limit: number): { ids: number[]; total: number } {
  const byDepth = new Map<number, number[]>();
  let total = 0;
  for (const v of hood.order) {
    if (!keep(v)) continue;
    total++;
    const d = hood.depth[v]!;
    let list = byDepth.get(d);
    if (!list) byDepth.set(d, (list = []));
    list.push(v);
  }
  const ids: number[] = [];
  for (const d of [...byDepth.keys()].sort((a, b) => a - b)) {
    if (ids.length >= limit) break;
    ids.push(...topK(byDepth.get(d)!, limit - ids.length, (id) => degreeOf(index, id)));
  }
  return { ids, total };
}
