/**
 * Positions for nodes that arrive without one (texts added on the page): beside
 * their positioned neighbours, or somewhere in the current layout's box. Seeded by
 * the node key, so the same texts land in the same places on every run.
 */
import { seededRandom } from '../../graph/layout.ts';
import type { KgGraph } from '../../graph/types.ts';

function hasPosition(a: { x?: number; y?: number }): boolean {
  return typeof a.x === 'number' && typeof a.y === 'number' && Number.isFinite(a.x) && Number.isFinite(a.y);
}

function hashKey(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Gives every node without a position one; returns the keys it placed. */
export function placeNewNodes(graph: KgGraph): string[] {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const missing: string[] = [];
  graph.forEachNode((node, a) => {
    if (!hasPosition(a)) {
      missing.push(node);
      return;
    }
    minX = Math.min(minX, a.x!);
    maxX = Math.max(maxX, a.x!);
    minY = Math.min(minY, a.y!);
    maxY = Math.max(maxY, a.y!);
  });
  if (missing.length === 0) return missing;
  const empty = minX === Infinity;
  const width = empty ? Math.sqrt(missing.length) * 10 : Math.max(maxX - minX, 1);
  const height = empty ? width : Math.max(maxY - minY, 1);
  const cx = empty ? 0 : (minX + maxX) / 2;
  const cy = empty ? 0 : (minY + maxY) / 2;
  const spread = Math.max(width, height) * 0.04;

  // Place in rounds: a node placed in one round can anchor its neighbours in the next.
  let pending = missing;
  while (pending.length > 0) {
    const next: string[] = [];
    const placed: [string, number, number][] = [];
    for (const node of pending) {
      const random = seededRandom(hashKey(node));
      let sx = 0;
      let sy = 0;
      let n = 0;
      graph.forEachNeighbor(node, (_neighbor, a) => {
        if (hasPosition(a)) {
          sx += a.x!;
          sy += a.y!;
          n++;
        }
      });
      if (n > 0) placed.push([node, sx / n + (random() - 0.5) * spread, sy / n + (random() - 0.5) * spread]);
      else next.push(node);
    }
    if (placed.length === 0) {
      for (const node of next) {
        const random = seededRandom(hashKey(node));
        graph.mergeNodeAttributes(node, { x: cx + (random() - 0.5) * width, y: cy + (random() - 0.5) * height });
      }
      break;
    }
    for (const [node, x, y] of placed) graph.mergeNodeAttributes(node, { x, y });
    pending = next;
  }
  return missing;
}
