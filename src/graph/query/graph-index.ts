/**
 * A compact, read-only index of a kg graph for the query engine: integer node ids,
 * and the out- and in-edges of every node in flat typed arrays (CSR), each edge with
 * its relation as a small integer.
 *
 * Why not run graphology-shortest-path / -simple-path / -traversal on the graph, or
 * on a filtered copy? Every walk here is filtered (by relation, by direction with
 * symmetric relations walkable both ways, around avoided nodes), bounded (hops,
 * result limit, work budget) and must be cancellable from inside its loops. Those
 * libraries take a whole graph and run to completion, so each query would first copy
 * a filtered subgraph: O(edges) time and hundreds of MB for a million edges, per
 * query. This index is built once per graph (a few hundred ms for a million edges,
 * ~25 bytes per edge), and a filter is a bit mask over relations, so a "filtered view"
 * costs nothing. The libraries remain the reference the routines are tested against
 * (tests/query/algorithms.test.ts), and do the work where no filter applies per step
 * (metrics, Louvain on a projection, see metrics.ts).
 *
 * The index is cached per graph and dropped when the graph changes structurally
 * (nodes or edges added or dropped, edge attributes updated), or when names change.
 * A read-only StoredGraph (stored-graph.ts, what `kg query` loads) already holds the
 * edge arrays, so its index only adds the adjacency lists; attributes are read through
 * the index's accessors either way.
 */
import { RELATION_NAMES, SYMMETRIC_RELATIONS } from '../../extract/types.ts';
import { StoredGraph } from '../stored-graph.ts';
import type { DocumentInfo, EdgeAttributes, KgGraph, NodeAttributes, RelationName } from '../types.ts';

/** What the engine queries: a graphology graph, or a read-only graph loaded from graph.json (stored-graph.ts). */
export type QueryGraph = KgGraph | StoredGraph;

export const RELATION_ID: ReadonlyMap<RelationName, number> = new Map(RELATION_NAMES.map((r, i) => [r, i]));
export const CO_OCCURS_BIT = 1 << RELATION_ID.get('co_occurs')!;
/** Relations walkable both ways whatever the direction asked. */
export const SYMMETRIC_MASK = RELATION_NAMES.reduce((mask, r, i) => (SYMMETRIC_RELATIONS.has(r) ? mask | (1 << i) : mask), 0);
export const ALL_MASK = (1 << RELATION_NAMES.length) - 1;
export const TYPED_MASK = ALL_MASK & ~CO_OCCURS_BIT;

export interface GraphIndex {
  /** Node count and edge count. */
  readonly n: number;
  readonly m: number;
  /** Node id → key, and back. */
  readonly keys: string[];
  readonly ids: Map<string, number>;
  /** Edge id → source id, target id, relation id (index in RELATION_NAMES). */
  readonly src: Int32Array;
  readonly tgt: Int32Array;
  readonly rel: Uint8Array;
  /** Out-edges of node u: outEdges[outStart[u] .. outStart[u + 1]); in-edges likewise. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Documents by id. */
  readonly documents: Map<string, DocumentInfo>;
  /** Lazily computed data derived from the index (name index, metrics), dropped with it. */
  readonly memo: Map<string, unknown>;
  /** Attributes of node `id`, of edge `e`; key of edge `e`; weight of edge `e` (NaN when not a number). */
  nodeAttributes(id: number): NodeAttributes;
  edgeAttributes(e: number): EdgeAttributes;
  edgeKey(e: number): string;
  edgeWeight(e: number): number;
  /** The original texts by document id, when the graph keeps them. */
  texts(): Record<string, string> | undefined;
}

/**
 * Which edges a walk may follow from a node: out-edges whose relation bit is in
 * `outMask` (walked forward), in-edges whose bit is in `inMask` (walked backward).
 */
export interface Walk {
  outMask: number;
  inMask: number;
}

/** The walk for a relation mask and a direction; symmetric relations go both ways. */
export function walkOf(mask: number, direction: 'out' | 'in' | 'both'): Walk {
  if (direction === 'both') return { outMask: mask, inMask: mask };
  if (direction === 'out') return { outMask: mask, inMask: mask & SYMMETRIC_MASK };
  return { outMask: mask & SYMMETRIC_MASK, inMask: mask };
}

/** The same walk followed from the other end (to search from a target back to a source). */
export function reverseWalk(walk: Walk): Walk {
  return { outMask: walk.inMask, inMask: walk.outMask };
}

/** Bit mask of a relation list (null: every relation but co_occurs, plus co_occurs when `cooccur`). */
export function relationMask(via: readonly RelationName[] | null, cooccur: boolean): number {
  let mask = 0;
  if (via === null) mask = TYPED_MASK;
  else for (const r of via) mask |= 1 << RELATION_ID.get(r)!;
  if (cooccur) mask |= CO_OCCURS_BIT;
  return mask;
}

const cache = new WeakMap<QueryGraph, GraphIndex>();
const watched = new WeakSet<KgGraph>();

/** Node attributes that the index does not depend on (layout and appearance). */
const DISPLAY_ATTRIBUTES = new Set(['x', 'y', 'size', 'color', 'hidden', 'highlighted', 'zIndex', 'community']);

function watch(graph: KgGraph): void {
  if (watched.has(graph)) return;
  watched.add(graph);
  const drop = () => cache.delete(graph);
  for (const event of ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared', 'edgeAttributesUpdated', 'eachEdgeAttributesUpdated'] as const)
    graph.on(event, drop);
  graph.on('attributesUpdated', (payload) => {
    const name = (payload as { name?: string }).name;
    if (!name || name === 'documents' || name === 'texts') drop();
  });
  graph.on('nodeAttributesUpdated', (payload: { type?: string; name?: string }) => {
    if (payload?.type !== 'set' && payload?.type !== 'remove') drop();
    else if (!DISPLAY_ATTRIBUTES.has(String(payload.name))) drop();
  });
  graph.on('eachNodeAttributesUpdated', (payload: { hints?: { attributes?: string[] } }) => {
    const changed = payload?.hints?.attributes;
    if (!changed || changed.some((a) => !DISPLAY_ATTRIBUTES.has(a))) drop();
  });
}

/** The index of a graph, built on first use and cached until the graph changes. */
export function indexGraph(graph: QueryGraph): GraphIndex {
  let index = cache.get(graph);
  if (!index) {
    if (graph instanceof StoredGraph) index = indexStoredGraph(graph);
    else {
      index = indexGraphology(graph);
      watch(graph);
    }
    cache.set(graph, index);
  }
  return index;
}

/** Drops the cached index of a graph (after changes the events do not tell, e.g. mutated attribute objects). */
export function invalidateQueryIndex(graph: QueryGraph): void {
  cache.delete(graph);
}

type Access = Pick<GraphIndex, 'nodeAttributes' | 'edgeAttributes' | 'edgeKey' | 'edgeWeight' | 'texts'>;

/** The index of nodes `keys` and edges (src, tgt, rel), reading attributes through `access`. */
function makeIndex(keys: string[], ids: Map<string, number>, edges: { src: Int32Array; tgt: Int32Array; rel: Uint8Array }, documents: unknown, access: Access): GraphIndex {
  return { ...adjacency(keys.length, edges.src, edges.tgt), keys, ids, ...edges, documents: documentsOf(documents), memo: new Map(), ...access };
}

const textsOf = (texts: unknown) => (texts && typeof texts === 'object' ? (texts as Record<string, string>) : undefined);

function documentsOf(docs: unknown): Map<string, DocumentInfo> {
  const documents = new Map<string, DocumentInfo>();
  if (Array.isArray(docs)) for (const d of docs) if (d && typeof d.id === 'string') documents.set(d.id, d);
  return documents;
}

const numberOr = (value: unknown) => (typeof value === 'number' ? value : NaN);

function indexStoredGraph(graph: StoredGraph): GraphIndex {
  const texts = textsOf(graph.getAttribute('texts'));
  return makeIndex(graph.keys, graph.ids, graph, graph.getAttribute('documents'), {
    nodeAttributes: (id) => graph.nodeAttributes(id),
    edgeAttributes: (e) => graph.edgeAttributes(e),
    edgeKey: (e) => graph.edgeKey(e),
    edgeWeight: (e) => numberOr(graph.edgeWeight(e)),
    texts: () => texts,
  });
}

/** Out- and in-edge lists (CSR) of every node from the edges' ends. */
function adjacency(n: number, src: Int32Array, tgt: Int32Array) {
  const m = src.length;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    outStart[src[e]! + 1]!++;
    inStart[tgt[e]! + 1]!++;
  }
  for (let u = 0; u < n; u++) {
    outStart[u + 1]! += outStart[u]!;
    inStart[u + 1]! += inStart[u]!;
  }
  const outEdges = new Int32Array(m);
  const inEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    outEdges[outFill[src[k]!]!++] = k;
    inEdges[inFill[tgt[k]!]!++] = k;
  }
  return { n, m, outStart, outEdges, inStart, inEdges };
}

function indexGraphology(graph: KgGraph): GraphIndex {
  const n = graph.order;
  const m = graph.size;
  const keys: string[] = new Array(n);
  const ids = new Map<string, number>();
  let i = 0;
  graph.forEachNode((key) => {
    keys[i] = key;
    ids.set(key, i++);
  });
  const edgeKeys: string[] = new Array(m);
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  const rel = new Uint8Array(m);
  let e = 0;
  graph.forEachEdge((key, attributes, source, target) => {
    edgeKeys[e] = key;
    src[e] = ids.get(source)!;
    tgt[e] = ids.get(target)!;
    // Unknown relations cannot come through parseGraph; count them as co_occurs rather than crash.
    rel[e] = RELATION_ID.get(attributes.relation) ?? RELATION_ID.get('co_occurs')!;
    e++;
  });
  return makeIndex(keys, ids, { src, tgt, rel }, graph.getAttribute('documents'), {
    nodeAttributes: (id) => graph.getNodeAttributes(keys[id]!),
    edgeAttributes: (k) => graph.getEdgeAttributes(edgeKeys[k]!),
    edgeKey: (k) => edgeKeys[k]!,
    edgeWeight: (k) => numberOr(graph.getEdgeAttribute(edgeKeys[k]!, 'weight')),
    texts: () => textsOf(graph.getAttribute('texts')),
  });
}

/**
 * Calls `visit(edge, neighbour, forward)` for every edge the walk may follow from `u`.
 * Returns early (false) when `visit` returns false.
 */
export function forEachStep(index: GraphIndex, u: number, walk: Walk, visit: (edge: number, v: number, forward: boolean) => boolean | void): boolean {
  const { rel, outStart, outEdges, inStart, inEdges, src, tgt } = index;
  if (walk.outMask) {
    for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
      const e = outEdges[k]!;
      if ((walk.outMask >> rel[e]!) & 1 && visit(e, tgt[e]!, true) === false) return false;
    }
  }
  if (walk.inMask) {
    for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
      const e = inEdges[k]!;
      if ((walk.inMask >> rel[e]!) & 1 && visit(e, src[e]!, false) === false) return false;
    }
  }
  return true;
}

/** Number of edges of u (in and out, any relation): a cheap importance for ordering. */
export function degreeOf(index: GraphIndex, u: number): number {
  return index.outStart[u + 1]! - index.outStart[u]! + index.inStart[u + 1]! - index.inStart[u]!;
}

/** Memoised value derived from the index. */
export function memo<T>(index: GraphIndex, key: string, compute: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute();
  index.memo.set(key, value);
  return value;
}
