import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { KgGraph } from './types.ts';

export interface LayoutOptions {
  /** ForceAtlas2 iterations; default derived from the graph's size. */
  iterations?: number;
  /** Seed of the initial positions, so a layout is the same on every run. */
  seed?: number;
}

export const layoutDefaults: Required<Omit<LayoutOptions, 'iterations'>> = { seed: 42 };

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gives every node without a position a seeded random one. */
export function seedPositions(graph: KgGraph, seed = layoutDefaults.seed): void {
  const random = seededRandom(seed);
  const scale = Math.sqrt(Math.max(1, graph.order)) * 10;
  graph.forEachNode((node, attrs) => {
    if (typeof attrs.x !== 'number' || typeof attrs.y !== 'number' || !Number.isFinite(attrs.x) || !Number.isFinite(attrs.y)) {
      graph.mergeNodeAttributes(node, { x: (random() - 0.5) * scale, y: (random() - 0.5) * scale });
    }
  });
}

/**
 * ForceAtlas2 iterations for a graph of that size: an iteration costs about
 * n·log2(n) + m (Barnes-Hut repulsion plus attraction), so the count shrinks as
 * graphs grow, keeping the build's layout to a few seconds; the page refines it.
 */
export function defaultIterations(order: number, size: number): number {
  const cost = order * Math.log2(Math.max(2, order)) + size;
  return Math.max(5, Math.min(500, Math.floor(2_500_000 / Math.max(1, cost))));
}

/**
 * Positions every node: seeded start, ForceAtlas2 with settings inferred from the
 * graph's size, then noverlap. Deterministic for a given graph and seed.
 */
export function layoutGraph(graph: KgGraph, options: LayoutOptions = {}): void {
  if (graph.order === 0) return;
  const seed = options.seed ?? layoutDefaults.seed;
  seedPositions(graph, seed);
  const iterations = options.iterations ?? defaultIterations(graph.order, graph.size);
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations, settings: { ...settings, edgeWeightInfluence: 0.5 }, getEdgeWeight: 'weight' });
  if (graph.order <= 5000) noverlap.assign(graph, { maxIterations: 100, settings: { ratio: 1.2, margin: 2 } });
}
