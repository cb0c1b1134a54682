/**
 * What the filters keep: pure functions from the graph and a filter state to the
 * sets of visible nodes and edges. The graph is never changed; the renderer hides
 * what is not in the sets.
 */
import type { EntityType, RelationName } from '../../extract/types.ts';
import type { KgGraph } from '../../graph/types.ts';

export type EgoDepth = 1 | 2 | 3;

export interface FilterState {
  hiddenTypes: ReadonlySet<EntityType>;
  hiddenRelations: ReadonlySet<RelationName>;
  /** Keep nodes with at least this many shown links. */
  minDegree: number;
  /** Keep what one document mentions; null for every document. */
  document: string | null;
  /** Keep the neighbourhood of one node, up to `depth` links away. */
  ego: { node: string; depth: EgoDepth } | null;
}

export const emptyFilters: FilterState = {
  hiddenTypes: new Set(),
  hiddenRelations: new Set(),
  minDegree: 0,
  document: null,
  ego: null,
};

export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export function isFilterActive(f: FilterState): boolean {
  return f.hiddenTypes.size > 0 || f.hiddenRelations.size > 0 || f.minDegree > 0 || f.document !== null || f.ego !== null;
}

/**
 * Visible nodes and edges, or null when no filter is active (everything shows).
 * An edge shows when its relation is kept, both its ends show and, with a document
 * filter, one of its evidence sentences is in that document. A node shows when its
 * type is kept, it is mentioned in the document, it has at least `minDegree` shown
 * links (counted among the nodes that show: the k-core) and, with an ego filter, it
 * is within `depth` shown links of the centre.
 */
export function computeVisibility(graph: KgGraph, f: FilterState): Visibility | null {
  if (!isFilterActive(f)) return null;
  const doc = f.document;
  const edgeKept = (edge: string): boolean => {
    const a = graph.getEdgeAttributes(edge);
    if (f.hiddenRelations.has(a.relation)) return false;
    if (doc === null) return true;
    return a.evidence.length === 0 || a.evidence.some((e) => e.doc === doc);
  };
  const nodeKept = (node: string): boolean => {
    const a = graph.getNodeAttributes(node);
    if (f.hiddenTypes.has(a.type)) return false;
    return doc === null || a.mentions.some((m) => m.doc === doc);
  };

  const center = f.ego && graph.hasNode(f.ego.node) ? f.ego.node : null;
  let nodes = new Set<string>();
  graph.forEachNode((node) => {
    if (node === center || nodeKept(node)) nodes.add(node);
  });
  const keptEdges: string[] = [];
  graph.forEachEdge((edge, _a, source, target) => {
    if (nodes.has(source) && nodes.has(target) && edgeKept(edge)) keptEdges.push(edge);
  });

  if (f.minDegree > 0) nodes = minDegreeCore(graph, nodes, keptEdges, f.minDegree, center);

  if (center !== null) nodes = egoNetwork(graph, center, f.ego!.depth, nodes, keptEdges);

  const edges = new Set<string>();
  for (const edge of keptEdges) {
    const [s, t] = graph.extremities(edge);
    if (nodes.has(s) && nodes.has(t)) edges.add(edge);
  }
  return { nodes, edges };
}

/**
 * The nodes that keep at least `min` links among themselves: nodes with fewer are
 * removed, which lowers their neighbours' counts, until none is left to remove.
 * `keep` (the focus centre) always stays.
 */
function minDegreeCore(graph: KgGraph, nodes: Set<string>, keptEdges: string[], min: number, keep: string | null): Set<string> {
  const degree = new Map<string, number>();
  for (const edge of keptEdges) for (const end of graph.extremities(edge)) degree.set(end, (degree.get(end) ?? 0) + 1);
  const kept = new Set(keptEdges);
  const core = new Set(nodes);
  const queue = [...core].filter((n) => n !== keep && (degree.get(n) ?? 0) < min);
  for (const n of queue) core.delete(n);
  while (queue.length > 0) {
    const node = queue.pop()!;
    graph.forEachEdge(node, (edge, _a, source, target) => {
      if (!kept.has(edge)) return;
      const other = source === node ? target : source;
      if (!core.has(other)) return;
      const d = degree.get(other)! - 1;
      degree.set(other, d);
      if (d < min && other !== keep) {
        core.delete(other);
        queue.push(other);
      }
    });
  }
  return core;
}

/** Nodes within `depth` kept links of `center` (breadth first, either direction); the centre always. */
function egoNetwork(graph: KgGraph, center: string, depth: number, allowed: ReadonlySet<string>, keptEdges: string[]): Set<string> {
  const kept = new Set(keptEdges);
  const reached = new Set<string>([center]);
  let frontier = [center];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _a, source, target) => {
        if (!kept.has(edge)) return;
        const other = source === node ? target : source;
        if (!reached.has(other) && allowed.has(other)) {
          reached.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return reached;
}
