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
import { forEachStep, reverseWalk } from './graph-index.ts';
import type { GraphIndex, Walk } from './graph-index.ts';

export interface SearchLimits {
  /** avoid[v] = 1: never walk through v. */
  avoid: Uint8Array | null;
  /** At most this many hops (Infinity = unbounded). */
  maxHops: number;
  budget: Budget;
}

/** Where the two searches of a bidirectional BFS met. */
interface Meeting {
  /** Hops of the shortest paths. */
  length: number;
  /** Nodes where shortest paths cross the last expanded level, each on distinct paths. */
  middle: number[];
  /** Hops from s (forward) and to t (backward); -1 = not reached. */
  distF: Int32Array;
  distB: Int32Array;
  /** Number of shortest paths from s / to t, when counted. */
  sigmaF: Float64Array | null;
  sigmaB: Float64Array | null;
}

/**
 * Bidirectional breadth-first search: expands the smaller frontier one whole level
 * at a time until the two searches meet, within maxHops. With `count`, also counts
 * the shortest paths to each node (parallel edges count once).
 */
function meet(index: GraphIndex, s: number, t: number, walk: Walk, limits: SearchLimits, count: boolean): Meeting | null {
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const { avoid, maxHops, budget } = limits;
  const distF = new Int32Array(n).fill(-1);
  const distB = new Int32Array(n).fill(-1);
  const sigmaF = count ? new Float64Array(n) : null;
  const sigmaB = count ? new Float64Array(n) : null;
  const mark = new Int32Array(n).fill(-1);
  distF[s] = 0;
  distB[t] = 0;
  if (sigmaF && sigmaB) sigmaF[s] = sigmaB[t] = 1;
  if (s === t) return { length: 0, middle: [s], distF, distB, sigmaF, sigmaB };
  let frontF = [s];
  let frontB = [t];
  let dF = 0;
  let dB = 0;
  const back = reverseWalk(walk);

  const expand = (front: number[], w: Walk, dist: Int32Array, sigma: Float64Array | null, d: number): number[] => {
    const next: number[] = [];
    const reach = (u: number, v: number) => {
      if (mark[v] === u || (avoid && avoid[v])) return;
      mark[v] = u;
      if (dist[v] === -1) {
        dist[v] = d + 1;
        next.push(v);
        if (sigma) sigma[v] = sigma[u]!;
      } else if (sigma && dist[v] === d + 1) sigma[v]! += sigma[u]!;
    };
    for (const u of front) {
      budget.tick(outStart[u + 1]! - outStart[u]! + inStart[u + 1]! - inStart[u]! + 1);
      if (w.outMask)
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const e = outEdges[k]!;
          if ((w.outMask >> rel[e]!) & 1) reach(u, tgt[e]!);
        }
      if (w.inMask)
        for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
          const e = inEdges[k]!;
          if ((w.inMask >> rel[e]!) & 1) reach(u, src[e]!);
        }
    }
    return next;
  };

  while (frontF.length && frontB.length && dF + dB < maxHops) {
    const forward = frontF.length <= frontB.length;
    const next = forward ? expand(frontF, walk, distF, sigmaF, dF) : expand(frontB, back, distB, sigmaB, dB);
    if (forward) {
      frontF = next;
      dF++;
    } else {
      frontB = next;
      dB++;
    }
    // The new level meets the other search: the shortest paths cross it at the nodes
    // nearest to the other end (a whole level was expanded, so none shorter was missed).
    const other = forward ? distB : distF;
    let best = Infinity;
    for (const v of next) if (other[v] !== -1 && other[v]! < best) best = other[v]!;
    if (best < Infinity) {
      const middle = next.filter((v) => other[v] === best);
      const length = (forward ? dF : dB) + best;
      if (length <= maxHops) return { length, middle, distF, distB, sigmaF, sigmaB };
      return null;
    }
  }
  return null;
}

/**
 * Shortest paths from s to a node `v` inside a meeting, followed backwards along
 * decreasing `dist` (forward search), up to `limit` of them; or from `v` to t along
 * decreasing distB (backward search) when `toEnd`.
 */
function halfPaths(index: GraphIndex, walk: Walk, m: Meeting, v: number, toEnd: boolean, limit: number, budget: Budget): number[][] {
  const dist = toEnd ? m.distB : m.distF;
  // Going back towards s we follow edges into v; going on towards t, edges out of v.
  const w = toEnd ? walk : reverseWalk(walk);
  const out: number[][] = [];
  const path = [v];
  const step = (u: number) => {
    if (out.length >= limit) return;
    if (dist[u] === 0) {
      out.push(toEnd ? [...path] : [...path].reverse());
      return;
    }
    const seen = new Set<number>();
    forEachStep(index, u, w, (_e, x) => {
      budget.tick();
      if (dist[x] !== dist[u]! - 1 || seen.has(x)) return;
      seen.add(x);
      path.push(x);
      step(x);
      path.pop();
      if (out.length >= limit) return false;
    });
  };
  step(v);
  return out;
}

/**
 * Shortest path by number of hops (bidirectional BFS). Returns null when there is
 * none within maxHops.
 */
export function shortestPathBfs(index: GraphIndex, s: number, t: number, walk: Walk, limits: SearchLimits): number[] | null {
  const m = meet(index, s, t, walk, limits, false);
  if (!m) return null;
  const v = m.middle[0]!;
  const head = halfPaths(index, walk, m, v, false, 1, limits.budget)[0]!;
  const tail = halfPaths(index, walk, m, v, true, 1, limits.budget)[0]!;
  return [...head, ...tail.slice(1)];
}

/** Every shortest path by number of hops: counted exactly, enumerated up to a limit. */
export function allShortestBfs(index: GraphIndex, s: number, t: number, walk: Walk, limits: SearchLimits): WeightedSearch {
  const m = meet(index, s, t, walk, limits, true);
  if (!m) return { cost: Infinity, count: 0, paths: () => [] };
  let count = 0;
  for (const v of m.middle) count += m.sigmaF![v]! * m.sigmaB![v]!;
  return {
    cost: m.length,
    count,
    paths(limit: number): number[][] {
      const out: number[][] = [];
      for (const v of m.middle) {
        if (out.length >= limit) break;
        const heads = halfPaths(index, walk, m, v, false, limit - out.length, limits.budget);
        const tails = halfPaths(index, walk, m, v, true, limit - out.length, limits.budget);
        for (const head of heads)
          for (const tail of tails) if (out.length < limit) out.push([...head, ...tail.slice(1)]);
      }
      return out;
    },
  };
}

/**
 * Least-cost path when edges cost differently (co_occurs hops cost more): a
 * bidirectional Dijkstra, stopping when the two frontiers' smallest costs add up to
 * at least the best meeting found. No hop bound (leastCostPaths handles those).
 */
export function cheapestPath(index: GraphIndex, s: number, t: number, walk: Walk, costs: Float64Array, limits: SearchLimits): { nodes: number[]; cost: number } | null {
  if (s === t) return { nodes: [s], cost: 0 };
  const { n, rel, src, tgt, outStart, outEdges, inStart, inEdges } = index;
  const { avoid, budget } = limits;
  const distF = new Float64Array(n).fill(Infinity);
  const distB = new Float64Array(n).fill(Infinity);
  const predF = new Int32Array(n).fill(-1);
  const predB = new Int32Array(n).fill(-1);
  const doneF = new Uint8Array(n);
  const doneB = new Uint8Array(n);
  const heapF = new MinHeap();
  const heapB = new MinHeap();
  distF[s] = 0;
  distB[t] = 0;
  heapF.push(0, s);
  heapB.push(0, t);
  const back = reverseWalk(walk);
  let best = Infinity;
  let meeting = -1;
  while (heapF.size && heapB.size) {
    if (heapF.peek() + heapB.peek() >= best) break;
    const forward = heapF.size <= heapB.size;
    const heap = forward ? heapF : heapB;
    const dist = forward ? distF : distB;
    const other = forward ? distB : distF;
    const pred = forward ? predF : predB;
    const done = forward ? doneF : doneB;
    const w = forward ? walk : back;
    const [d, u] = heap.pop();
    if (done[u] || d > dist[u]!) continue;
    done[u] = 1;
    const relax = (e: number, v: number) => {
      if (avoid && avoid[v]) return;
      const nd = d + costs[rel[e]!]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        pred[v] = u;
        heap.push(nd, v);
      }
      if (dist[v]! + other[v]! < best) {
        best = dist[v]! + other[v]!;
        meeting = v;
      }
    };
    budget.tick(outStart[u + 1]! - outStart[u]! + inStart[u + 1]! - inStart[u]! + 1);
    if (w.outMask)
      for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
        const e = outEdges[k]!;
        if ((w.outMask >> rel[e]!) & 1) relax(e, tgt[e]!);
      }
    if (w.inMask)
      for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
        const e = inEdges[k]!;
        if ((w.inMask >> rel[e]!) & 1) relax(e, src[e]!);
      }
  }
  if (meeting < 0) return null;
  const nodes: number[] = [];
  for (let v = meeting; v !== -1; v = predF[v]!) nodes.push(v);
  nodes.reverse();
  for (let v = predB[meeting]!; v !== -1; v = predB[v]!) nodes.push(v);
  return { nodes, cost: best };
}

/** A binary min-heap of (cost, state) pairs. */
class MinHeap {
  private costs: number[] = [];
  private states: number[] = [];
  get size(): number {
    return this.costs.length;
  }
  /** The smallest cost (Infinity when empty). */
  peek(): number {
    return this.costs.length ? this.costs[0]! : Infinity;
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
