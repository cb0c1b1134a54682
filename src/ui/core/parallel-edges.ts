/**
 * Curvatures that keep parallel edges apart: edges joining the same two nodes (in
 * either direction) fan out on both sides of the straight line. Edges without a
 * parallel (and the middle one of an odd count) are left out of the map and drawn straight.
 */
import type { KgGraph } from '../../graph/types.ts';

/** Curvature between two neighbouring parallel edges. */
export const PARALLEL_CURVATURE_STEP = 0.35;

export function computeEdgeCurvatures(graph: KgGraph, step = PARALLEL_CURVATURE_STEP): Map<string, number> {
  // Pairs are numbered from the nodes' positions (a number keys a Map much faster than
  // a joined string); a pair's first edge is kept alone, a list made only for parallels.
  const position = new Map<string, number>();
  graph.forEachNode((node) => void position.set(node, position.size));
  const order = position.size;
  const first = new Map<number, string>();
  const groups = new Map<number, string[]>();
  graph.forEachEdge((edge, _a, source, target) => {
    const s = position.get(source)!;
    const t = position.get(target)!;
    const pair = s < t ? s * order + t : t * order + s;
    const group = groups.get(pair);
    if (group) group.push(edge);
    else {
      const single = first.get(pair);
      if (single === undefined) first.set(pair, edge);
      else groups.set(pair, [single, edge]);
    }
  });
  const curvatures = new Map<string, number>();
  for (const group of groups.values()) {
    group.sort();
    const n = group.length;
    group.forEach((edge, i) => {
      // Offsets …, -1, 0, 1, … (halves for an even count); an edge drawn from the
      // larger key to the smaller bends the other way, so negate to stay on its side.
      // The middle one of an odd count stays straight.
      const offset = (i - (n - 1) / 2) * step;
      if (offset === 0) return;
      const [source, target] = graph.extremities(edge);
      curvatures.set(edge, source < target ? offset : -offset);
    });
  }
  return curvatures;
}
