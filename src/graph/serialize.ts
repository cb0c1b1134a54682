import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { InputError } from '../extract/errors.ts';
import { ENTITY_TYPES, RELATION_NAMES } from '../extract/types.ts';
import type { EdgeAttributes, GraphAttributes, KgGraph, NodeAttributes } from './types.ts';

const entityTypes = new Set<string>(ENTITY_TYPES);
const relationNames = new Set<string>(RELATION_NAMES);

export function createGraph(attributes?: Partial<GraphAttributes>): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ documents: [], builtAt: new Date(0).toISOString(), version: '', ...attributes });
  return graph;
}

/** graphology's serialisation, as written to `graph.json`. */
export function serializeGraph(graph: KgGraph): string {
  return JSON.stringify(graph.export());
}

/**
 * The same JSON as serializeGraph, in pieces of about `chunkChars` characters, so a large
 * graph is written without holding its whole text (nor a copy of the graph) in memory.
 */
export function* serializeGraphChunks(graph: KgGraph, chunkChars = 1 << 20): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  let buffer = `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const entry: { key: string; attributes?: unknown } = { key: node };
    if (Object.keys(attributes).length) entry.attributes = attributes;
    buffer += (first ? '' : ',') + JSON.stringify(entry);
    first = false;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  buffer += '],"edges":[';
  first = true;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const entry: { key: string; source: string; target: string; attributes?: unknown; undirected?: boolean } = { key: edge, source, target };
    if (Object.keys(attributes).length) entry.attributes = attributes;
    if (undirected) entry.undirected = true;
    buffer += (first ? '' : ',') + JSON.stringify(entry);
    first = false;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]}`;
}

/**
 * Parses and validates a serialised graph. `source` names the file in messages.
 * Throws InputError saying what is wrong and where.
 */
export function parseGraph(text: string, source = 'graph'): KgGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source} is not JSON (${(error as Error).message}). Pass a graph.json written by "kg build".`);
  }
  return importGraph(data, source);
}

/** Above this many edges, adjacency objects are switched to dictionary mode before the edges are attached. */
const DICTIONARY_ADJACENCY_FROM = 10_000;

/**
 * graphology keeps each node's neighbours in plain objects keyed by neighbour key
 * (`out`, `in`). Filled one new key at a time, V8 gives every such object its own
 * chain of hidden classes before it falls back to a hash table, which makes attaching
 * a million edges about twice as slow as it need be. Adding and deleting two keys puts
 * the objects in dictionary (hash table) mode at once. This reaches into graphology's
 * internals (`_nodes`, graphology 0.26); when they are not shaped as expected it does
 * nothing, and the graph is the same either way (a test checks it).
 */
function useDictionaryAdjacency(graph: KgGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values()) {
    for (const side of ['out', 'in']) {
      const adjacency = (data as Record<string, unknown>)[side];
      if (!adjacency || typeof adjacency !== 'object' || Object.keys(adjacency).length > 0) continue;
      const table = adjacency as Record<string, unknown>;
      table['\u0000a'] = undefined;
      table['\u0000b'] = undefined;
      delete table['\u0000a'];
      delete table['\u0000b'];
    }
  }
}

/** Checks a serialised node and fills its optional attributes (aliases). */
export function checkNode(node: unknown, i: number, fail: (what: string) => never): asserts node is { key: string; attributes: NodeAttributes } {
  const entry = node as { key?: unknown; attributes?: unknown } | null;
  if (!entry || typeof entry !== 'object' || typeof entry.key !== 'string') fail(`node #${i} has no string "key"`);
  const a = (entry.attributes ?? {}) as Partial<NodeAttributes>;
  if (typeof a.label !== 'string') fail(`node "${entry.key}" has no string "label"`);
  if (!entityTypes.has(String(a.type))) fail(`node "${entry.key}" has unknown type "${a.type}"`);
  if (!Array.isArray(a.mentions)) fail(`node "${entry.key}" has no "mentions" list`);
  if (!Array.isArray(a.aliases)) a.aliases = [];
  entry.attributes = a as NodeAttributes;
}

/** True for the relation names of the vocabulary. */
export function isRelationName(name: unknown): name is EdgeAttributes['relation'] {
  return relationNames.has(String(name));
}

/** Checks serialised edge attributes and fills the optional ones (evidence, weight). */
export function checkEdgeAttributes(attributes: unknown, i: number, fail: (what: string) => never): EdgeAttributes {
  const a = (attributes ?? {}) as Partial<EdgeAttributes>;
  if (!isRelationName(a.relation)) fail(`edge #${i} has unknown relation "${a.relation}"`);
  if (!Array.isArray(a.evidence)) a.evidence = [];
  if (typeof a.weight !== 'number') a.weight = Math.max(1, a.evidence.length);
  return a as EdgeAttributes;
}

export function importGraph(data: unknown, source = 'graph'): KgGraph {
  const fail = (what: string): never => {
    throw new InputError(`${source} is not a kg graph: ${what}. Pass a graph.json written by "kg build".`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('expected a JSON object with "nodes" and "edges"');
  const serialized = data as Partial<SerializedGraph>;
  if (!Array.isArray(serialized.nodes)) fail('"nodes" is missing or not a list');
  if (!Array.isArray(serialized.edges)) fail('"edges" is missing or not a list');
  serialized.nodes!.forEach((node, i) => checkNode(node, i, fail));
  serialized.edges!.forEach((edge, i) => {
    if (!edge || typeof edge.source !== 'string' || typeof edge.target !== 'string')
      fail(`edge #${i} has no string "source" and "target"`);
    edge.attributes = checkEdgeAttributes(edge.attributes, i, fail);
  });
  const graph = createGraph();
  try {
    const { edges, ...rest } = serialized;
    graph.import(rest as unknown as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
    if (edges!.length > DICTIONARY_ADJACENCY_FROM) useDictionaryAdjacency(graph);
    graph.import({ edges } as unknown as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
  } catch (error) {
    fail((error as Error).message);
  }
  const attrs = graph.getAttributes() as Partial<GraphAttributes>;
  if (!Array.isArray(attrs.documents)) graph.setAttribute('documents', []);
  return graph;
}
