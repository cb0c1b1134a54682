/**
 * Path searches over the index (see graph-index.ts for why they are not
 * graphology-shortest-path / graphology-simple-path calls: relation and direction
 * filters, avoided nodes, hop bounds, result limits and cancellation all act inside
 * the loops). tests/query/algorithms.test.ts checks them against those libraries.
 *
 * All functions work on node ids and return node id sequences; refs.ts turns them
 * into results.
 */
import type { Budget } from './budget.ts';
import { reverseWalk } from './graph-index.ts';
import type { GraphIndex, Walk } from './graph-index.ts';

export interface SearchLimits {
  /** avoid[v] = 1: never walk through v. */
  avoid: Uint8Array | null;
  /** At most this many hops (Infinity = unbounded). */
  maxHops: number;
  budget: Budget;
}

/**
 * Shortest path by number of hops: bidirectional breadth-first search, expanding
 * the smaller frontier one whole level at a time. Returns null when there is none
 * within maxHops.
 */
export function shortestPathBfs(index: GraphIndex, s: number, t: number, walk: Walk, limits: SearchLimits): number[] | null {
  if (s === t) return [s];
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const { avoid, maxHops, budget } = limits;
  // parent[v] = -1 unseen; the root is its own parent.
  const parentF = new Int32Array(n).fill(-1);
  const parentB = new Int32Array(n).fill(-1);
  const distF = new Int32Array(n);
  const distB = new Int32Array(n);
  parentF[s] = s;
  parentB[t] = t;
  let frontF = [s];
  let frontB = [t];
  let dF = 0;
  let dB = 0;
  const back = reverseWalk(walk);

  // Expands one level of one side; returns the meeting node giving the shortest path, or -1.
  const expand = (front: number[], w: Walk, parent: Int32Array, dist: Int32Array, d: number, otherParent: Int32Array, otherDist: Int32Array, next: number[]): number => {
    let best = -1;
    let bestLength = Infinity;
    for (const u of front) {
      const visit = (e: number, v: number) => {
        budget.tick();
        if (parent[v] !== -1 || (avoid && avoid[v])) return;
        parent[v] = u;
        dist[v] = d + 1;
        next.push(v);
        if (otherParent[v] !== -1) {
          const length = d + 1 + otherDist[v]!;
          if (length < bestLength) {
            bestLength = length;
            best = v;
          }
        }
        void e;
      };
      if (w.outMask)
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const e = outEdges[k]!;
          if ((w.outMask >> rel[e]!) & 1) visit(e, tgt[e]!);
        }
      if (w.inMask)
        for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
          const e = inEdges[k]!;
          if ((w.inMask >> rel[e]!) & 1) visit(e, src[e]!);
        }
    }
    return best;
  };

  while (frontF.length && frontB.length && dF + dB < maxHops) {
    let meet: number;
    const next: number[] = [];
    if (frontF.length <= frontB.length) {
      meet = expand(frontF, walk, parentF, distF, dF, parentB, distB, next);
      frontF = next;
      dF++;
    } else {
      meet = expand(frontB, back, parentB, distB, dB, parentF, distF, next);
      frontB = next;
      dB++;
    }
    if (meet >= 0) {
      const path: number[] = [];
      for (let v = meet; ; v = parentF[v]!) {
        path.push(v);
        if (v === s) break;
      }
      path.reverse();
      for (let v = meet; v !== t; ) {
        v = parentB[v]!;
        path.push(v);
      }
      return path;
    }
  }
  return null;
}

/** A binary min-heap of (cost, state) pairs. */
class MinHeap {
  private costs: number[] = [];
  private states: number[] = [];
  get size(): number {
    return this.costs.length;
  }
  push(cost: number, state: number): void {
    const { costs, states } = this;
    let i = costs.length;
    costs.push(cost);
    states.push(state);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (costs[p]! <= cost) break;
      costs[i] = costs[p]!;
      states[i] = states[p]!;
      i = p;
    }
    costs[i] = cost;
    states[i] = state;
  }
  /** Removes the smallest; returns [cost, state]. */
  pop(): [number, number] {
    const { costs, states } = this;
    const top: [number, number] = [costs[0]!, states[0]!];
    const lastCost = costs.pop()!;
    const lastState = states.pop()!;
    const size = costs.length;
    if (size) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && costs[c + 1]! < costs[c]!) c++;
        if (costs[c]! >= lastCost) break;
        costs[i] = costs[c]!;
        states[i] = states[c]!;
        i = c;
      }
      costs[i] = lastCost;
      states[i] = lastState;
    }
    return top;
  }
}

const EPSILON = 1e-9;

export interface WeightedSearch {
  /** Cost of the shortest paths (Infinity when none). */
  cost: number;
  /** Number of shortest paths (may be huge; computed, not enumerated). */
  count: number;
  /** Enumerates up to `limit` shortest paths as node id sequences. */
  paths(limit: number): number[][];
}

/**
 * Least-cost paths where an edge costs `costs[relation id]` (Dijkstra), keeping
 * every predecessor of equal cost so that all shortest paths can be counted and
 * enumerated. With a finite maxHops and unequal costs the cheapest path may need
 * more hops than allowed, so the search runs over (node, hops) states.
 */
export function leastCostPaths(index: GraphIndex, s: number, t: number, walk: Walk, costs: Float64Array, limits: SearchLimits): WeightedSearch {
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const { avoid, maxHops, budget } = limits;
  const uniform = costs.every((c) => c === costs[0]);
  // With uniform costs, cost/unit = hops: the bound prunes exactly without layers.
  const layered = Number.isFinite(maxHops) && !uniform;
  const layers = layered ? maxHops + 1 : 1;
  const nodeOf = (state: number) => state % n;
  const hopsOf = (state: number) => Math.floor(state / n);
  const dist = new Map<number, number>();
  const preds = new Map<number, number[]>();
  const count = new Map<number, number>();
  const done = new Set<number>();
  const heap = new MinHeap();
  dist.set(s, 0);
  preds.set(s, []);
  heap.push(0, s);
  let best = Infinity;
  const targets: number[] = [];
  while (heap.size) {
    const [d, state] = heap.pop();
    if (done.has(state) || d > dist.get(state)! + EPSILON) continue;
    if (d > best + EPSILON) break;
    done.add(state);
    const p = preds.get(state)!;
    count.set(state, p.length ? p.reduce((sum, q) => sum + count.get(q)!, 0) : 1);
    const u = nodeOf(state);
    if (u === t) {
      best = Math.min(best, d);
      targets.push(state);
      continue;
    }
    const hops = layered ? hopsOf(state) : 0;
    if (layered && hops >= maxHops) continue;
    const relax = (e: number, v: number) => {
      budget.tick();
      if (avoid && avoid[v]) return;
      const c = costs[rel[e]!]!;
      const nd = d + c;
      if (!layered && uniform && Number.isFinite(maxHops) && nd / costs[0]! > maxHops + EPSILON) return;
      const next = layered ? (hops + 1) * n + v : v;
      if (next >= layers * n || done.has(next)) return;
      const old = dist.get(next);
      if (old === undefined || nd < old - EPSILON) {
        dist.set(next, nd);
        preds.set(next, [state]);
        heap.push(nd, next);
      } else if (Math.abs(nd - old) <= EPSILON) {
        const list = preds.get(next)!;
        if (!list.includes(state)) list.push(state);
      }
    };
    if (walk.outMask)
      for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
        const e = outEdges[k]!;
        if ((walk.outMask >> rel[e]!) & 1) relax(e, tgt[e]!);
      }
    if (walk.inMask)
      for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
        const e = inEdges[k]!;
        if ((walk.inMask >> rel[e]!) & 1) relax(e, src[e]!);
      }
  }
  const finalTargets = targets.filter((state) => Math.abs(dist.get(state)! - best) <= EPSILON);
  return {
    cost: best,
    count: finalTargets.reduce((sum, state) => sum + count.get(state)!, 0),
    paths(limit: number): number[][] {
      const out: number[][] = [];
      const walkBack = (state: number, suffix: number[]) => {
        if (out.length >= limit) return;
        budget.tick();
        const nodes = [nodeOf(state), ...suffix];
        const p = preds.get(state)!;
        if (!p.length) {
          out.push(nodes);
          return;
        }
        for (const q of p) walkBack(q, nodes);
      };
      for (const state of finalTargets) walkBack(state, []);
      return out;
    },
  };
}

export interface SimplePaths {
  /** Up to `limit` paths, shortest first. */
  paths: number[][];
  /** Paths found in all, including those beyond the limit. */
  total: number;
  /** False when counting stopped because the work budget was spent: `total` is then a lower bound. */
  complete: boolean;
}

/**
 * Distances (in hops) from every node to `t` for a walk, up to `maxHops`
 * (-1 = farther or unreachable): a breadth-first search from t walking backwards.
 */
export function distancesTo(index: GraphIndex, t: number, walk: Walk, limits: SearchLimits): Int32Array {
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const dist = new Int32Array(n).fill(-1);
  const back = reverseWalk(walk);
  dist[t] = 0;
  let front = [t];
  for (let d = 0; d < limits.maxHops && front.length; d++) {
    const next: number[] = [];
    for (const u of front) {
      if (back.outMask)
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const e = outEdges[k]!;
          limits.budget.tick();
          const v = tgt[e]!;
          if ((back.outMask >> rel[e]!) & 1 && dist[v] === -1 && !(limits.avoid && limits.avoid[v])) {
            dist[v] = d + 1;
            next.push(v);
          }
        }
      if (back.inMask)
        for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
          const e = inEdges[k]!;
          limits.budget.tick();
          const v = src[e]!;
          if ((back.inMask >> rel[e]!) & 1 && dist[v] === -1 && !(limits.avoid && limits.avoid[v])) {
            dist[v] = d + 1;
            next.push(v);
          }
        }
    }
    front = next;
  }
  return dist;
}

/**
 * Every simple path (no node twice) from s to t of at most maxHops hops, shortest
 * first, keeping `limit` and counting the rest until the work budget is spent.
 * graphology-simple-path enumerates them all, unbounded and unfiltered; here a
 * backward BFS gives each node's distance to t, so the depth-first search only
 * enters nodes from which t is still reachable in the hops left.
 */
export function boundedSimplePaths(index: GraphIndex, s: number, t: number, walk: Walk, limits: SearchLimits, limit: number): SimplePaths {
  const result: SimplePaths = { paths: [], total: 0, complete: true };
  if (s === t) return result;
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const { avoid, budget } = limits;
  const toT = distancesTo(index, t, walk, limits);
  if (toT[s] === -1) return result;
  const onPath = new Uint8Array(n);
  const mark = new Int32Array(n);
  let stamp = 0;
  const path = [s];
  onPath[s] = 1;
  let stopped = false;

  const dfs = (u: number, remaining: number): void => {
    if (remaining === 0) {
      if (u !== t) return;
      result.total++;
      if (result.paths.length < limit) result.paths.push(path.slice());
      else if (budget.spent) {
        result.complete = false;
        stopped = true;
      }
      return;
    }
    // Distinct next nodes first (parallel edges make one hop), then recurse.
    const next: number[] = [];
    const frame = ++stamp;
    const consider = (v: number) => {
      budget.tick();
      if (mark[v] === frame || onPath[v] || (avoid && avoid[v])) return;
      const d = toT[v]!;
      if (d === -1 || d > remaining - 1 || (v === t && remaining !== 1)) return;
      mark[v] = frame;
      next.push(v);
    };
    if (walk.outMask)
      for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
        const e = outEdges[k]!;
        if ((walk.outMask >> rel[e]!) & 1) consider(tgt[e]!);
      }
    if (walk.inMask)
      for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
        const e = inEdges[k]!;
        if ((walk.inMask >> rel[e]!) & 1) consider(src[e]!);
      }
    for (const v of next) {
      if (stopped) return;
      onPath[v] = 1;
      path.push(v);
      dfs(v, remaining - 1);
      path.pop();
      onPath[v] = 0;
    }
  };

  for (let length = toT[s]!; length <= limits.maxHops && !stopped; length++) {
    dfs(s, length);
    if (result.paths.length >= limit && budget.spent) {
      // Longer paths exist maybe, but counting them is over budget.
      if (length < limits.maxHops) result.complete = false;
      break;
    }
  }
  return result;
}
