/**
 * Appearance of the graph on the page: colours by entity type and relation, node
 * sizes by degree or PageRank, and which labels show at the default zoom. Pure:
 * computes values from the graph, never writes into it.
 */
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { EntityType, RelationName } from '../../extract/types.ts';
import { FALLBACK_COLOR, RELATION_COLORS, TYPE_COLORS } from '../../graph/export/palette.ts';
import type { KgGraph } from '../../graph/types.ts';

/** The palette of every export, so that the page and Gephi show the same colours. */
export { FALLBACK_COLOR, RELATION_COLORS, TYPE_COLORS };

/** Colours of what is pushed to the background while something else is highlighted. */
export const FADED_NODE_COLOR = '#e4e6ea';
export const FADED_EDGE_COLOR = '#eef0f3';

export type SizeMetric = 'degree' | 'pagerank';
export const SIZE_METRICS: readonly SizeMetric[] = ['degree', 'pagerank'];

export interface SizeRange {
  /** Smallest node radius, in pixels at the default zoom. */
  min: number;
  max: number;
}

/** Node radii that fit the graph's size: many nodes get smaller dots. */
export function sizeRangeFor(order: number): SizeRange {
  if (order > 5000) return { min: 1.5, max: 14 };
  if (order > 500) return { min: 2.5, max: 16 };
  return { min: 4, max: 18 };
}

/** The raw metric per node: degree (every link counts) or PageRank weighted by evidence. */
export function computeMetric(graph: KgGraph, metric: SizeMetric): Map<string, number> {
  const values = new Map<string, number>();
  if (metric === 'degree') {
    graph.forEachNode((node) => values.set(node, graph.degree(node)));
    return values;
  }
  if (graph.size === 0) {
    graph.forEachNode((node) => values.set(node, 1));
    return values;
  }
  const ranks = pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 100, tolerance: 1e-6 });
  for (const [node, rank] of Object.entries(ranks)) values.set(node, rank);
  return values;
}

/** Scales metric values to radii: square root, so that area follows the metric. */
export function scaleSizes(values: Map<string, number>, range: SizeRange): Map<string, number> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values.values()) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const sizes = new Map<string, number>();
  const span = hi - lo;
  for (const [node, v] of values) {
    const t = span > 0 ? Math.sqrt((v - lo) / span) : 0.5;
    sizes.set(node, range.min + (range.max - range.min) * t);
  }
  return sizes;
}

export function computeNodeSizes(graph: KgGraph, metric: SizeMetric): Map<string, number> {
  return scaleSizes(computeMetric(graph, metric), sizeRangeFor(graph.order));
}

/**
 * The rendered size from which a node shows its label at the default zoom: the
 * size of the n-th largest node, n growing slowly with the graph, so that the
 * main nodes are named and the rest appear as one zooms in.
 */
export function labelThreshold(sizes: Map<string, number>): number {
  const order = sizes.size;
  const labelled = Math.round(Math.min(60, Math.max(25, Math.sqrt(order) * 3)));
  if (order <= labelled) return 0;
  const sorted = [...sizes.values()].sort((a, b) => b - a);
  return sorted[labelled - 1]!;
}

/** Counts of nodes per entity type and edges per relation, for the legend. */
export function countByType(graph: KgGraph): { types: Map<EntityType, number>; relations: Map<RelationName, number> } {
  const types = new Map<EntityType, number>();
  const relations = new Map<RelationName, number>();
  graph.forEachNode((_, a) => types.set(a.type, (types.get(a.type) ?? 0) + 1));
  graph.forEachEdge((_, a) => relations.set(a.relation, (relations.get(a.relation) ?? 0) + 1));
  return { types, relations };
}

/**
 * Above this many nodes they are drawn as points (one vertex each) rather than as
 * instanced circles: a software WebGL (SwiftShader, on machines without a GPU) runs
 * every instance as its own small draw, about 7 µs each here, twice per frame with
 * the picking layer — 20,000 circles cost 250 ms a frame, 20,000 points a few ms.
 * Points look the same (round, antialiased); the selected and focused nodes stay circles.
 */
export const POINT_NODES_ABOVE = 2_000;
