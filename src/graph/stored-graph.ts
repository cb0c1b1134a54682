/**
 * A read-only kg graph read straight from the bytes of a graph.json, for the query
 * engine (`kg query`, `kg console`).
 *
 * Why not `importGraph`? A query needs every edge's ends and relation to walk, but the
 * attributes (evidence, pattern) of only the few edges it returns. `JSON.parse` builds
 * five objects per edge and graphology several more: for a million edges that is about
 * 4 s of parsing and 5–12 s of import here, and 1.3 GB. This loader parses the head
 * and the nodes with `JSON.parse`, reads the edges with a byte scanner into flat arrays
 * (ends, relation, weight, where the edge's text is), and parses an edge's attributes
 * with `JSON.parse` when a result needs them. The query engine reads it through the
 * same index as a graphology graph (query/graph-index.ts).
 *
 * It accepts the files `importGraph` accepts, with the same defaults (missing aliases,
 * evidence, weight). Anything it does not expect (a syntax error, a bad node, an
 * unknown relation or node, an undirected edge, a repeated key, edges listed before the
 * nodes) throws NotAStoredGraph, and the caller reads the text with `parseGraph`, whose
 * message the user then sees: one set of rules and messages for both paths.
 */
import { JsonBytes, JsonBytesError, parseRange } from './json-bytes.ts';
import { checkEdgeAttributes, checkNode } from './serialize.ts';
import { RELATION_NAMES } from '../extract/types.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from './types.ts';

/** The bytes are not a graph this loader reads; `reason` says why (for tests and debugging). */
export class NotAStoredGraph extends Error {
  constructor(readonly reason: string) {
    super(`not read by the stored-graph loader: ${reason}`);
    this.name = 'NotAStoredGraph';
  }
}

/** Parsed attributes kept per edge id; results show a few edges, so the cache stays small. */
const PARSED_EDGES_KEPT = 4096;

export class StoredGraph {
  /** Node count and edge count, as on a graphology graph. */
  readonly order: number;
  readonly size: number;
  /** Node id → key and attributes; key → node id. */
  readonly keys: string[];
  readonly ids: Map<string, number>;
  /** Edge id → source and target node ids, relation (index in RELATION_NAMES). */
  readonly src: Int32Array;
  readonly tgt: Int32Array;
  readonly rel: Uint8Array;
  private readonly nodes: NodeAttributes[];
  private readonly attributes: Record<string, unknown>;
  /** Weight as written, NaN when absent (then derived from the evidence, as importGraph does). */
  private readonly weights: Float64Array;
  /** Byte range of each edge's JSON in `bytes`: [start, end) at 2e, 2e + 1. */
  private readonly spans: Float64Array;
  private readonly bytes: Uint8Array;
  private readonly parsed = new Map<number, { key: string; attributes: EdgeAttributes }>();

  /** Use loadStoredGraph. */
  constructor(parts: {
    keys: string[];
    ids: Map<string, number>;
    nodes: NodeAttributes[];
    attributes: Record<string, unknown>;
    src: Int32Array;
    tgt: Int32Array;
    rel: Uint8Array;
    weights: Float64Array;
    spans: Float64Array;
    bytes: Uint8Array;
  }) {
    this.keys = parts.keys;
    this.ids = parts.ids;
    this.nodes = parts.nodes;
    this.attributes = parts.attributes;
    this.src = parts.src;
    this.tgt = parts.tgt;
    this.rel = parts.rel;
    this.weights = parts.weights;
    this.spans = parts.spans;
    this.bytes = parts.bytes;
    this.order = parts.keys.length;
    this.size = parts.src.length;
  }

  getAttribute<K extends keyof GraphAttributes>(name: K): GraphAttributes[K] {
    return this.attributes[name] as GraphAttributes[K];
  }

  nodeAttributes(id: number): NodeAttributes {
    return this.nodes[id]!;
  }

  /** The key of edge e (graphology names edges without a key itself; here they are "#e"). */
  edgeKey(e: number): string {
    return this.edge(e).key;
  }

  /** The attributes of edge e, parsed from the file on first use. */
  edgeAttributes(e: number): EdgeAttributes {
    return this.edge(e).attributes;
  }

  private edge(e: number): { key: string; attributes: EdgeAttributes } {
    let edge = this.parsed.get(e);
    if (!edge) {
      const entry = parseRange(this.bytes, this.spans[2 * e]!, this.spans[2 * e + 1]!) as { key?: string; attributes?: unknown };
      // The scanner already checked the relation, so this cannot fail.
      const attributes = checkEdgeAttributes(entry.attributes, e, (what) => {
        throw new Error(`StoredGraph: edge #${e} changed since it was read: ${what}`);
      });
      edge = { key: entry.key ?? `#${e}`, attributes };
      if (this.parsed.size >= PARSED_EDGES_KEPT) this.parsed.clear();
      this.parsed.set(e, edge);
    }
    return edge;
  }

  edgeWeight(e: number): number {
    const weight = this.weights[e]!;
    return Number.isNaN(weight) ? this.edgeAttributes(e).weight : weight;
  }

  forEachNode(callback: (key: string, attributes: NodeAttributes) => void): void {
    for (let id = 0; id < this.order; id++) callback(this.keys[id]!, this.nodes[id]!);
  }
}

/** Growable typed arrays for the edges, whose count is known only at the end. */
class EdgeColumns {
  count = 0;
  src: Int32Array;
  tgt: Int32Array;
  rel: Uint8Array;
  weights: Float64Array;
  spans: Float64Array;

  constructor(capacity: number) {
    this.src = new Int32Array(capacity);
    this.tgt = new Int32Array(capacity);
    this.rel = new Uint8Array(capacity);
    this.weights = new Float64Array(capacity);
    this.spans = new Float64Array(2 * capacity);
  }

  push(s: number, t: number, r: number, weight: number, start: number, end: number): void {
    if (this.count === this.src.length) this.grow();
    const e = this.count++;
    this.src[e] = s;
    this.tgt[e] = t;
    this.rel[e] = r;
    this.weights[e] = weight;
    this.spans[2 * e] = start;
    this.spans[2 * e + 1] = end;
  }

  private grow(): void {
    const size = Math.max(16, this.src.length * 2);
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(a: T, length: number): T => {
      const b = new (a.constructor as new (n: number) => T)(length);
      b.set(a);
      return b;
    };
    this.src = grown(this.src, size);
    this.tgt = grown(this.tgt, size);
    this.rel = grown(this.rel, size);
    this.weights = grown(this.weights, size);
    this.spans = grown(this.spans, 2 * size);
  }

  trimmed() {
    const n = this.count;
    return {
      src: this.src.subarray(0, n),
      tgt: this.tgt.subarray(0, n),
      rel: this.rel.subarray(0, n),
      weights: this.weights.subarray(0, n),
      spans: this.spans.subarray(0, 2 * n),
    };
  }
}

/** Average bytes per edge in the files kg writes, to size the arrays once. */
const BYTES_PER_EDGE_GUESS = 160;

/**
 * Reads graph.json bytes into a StoredGraph. Throws NotAStoredGraph when the bytes are
 * not a graph this loader reads (then use parseGraph, which accepts or explains).
 */
export function loadStoredGraph(bytes: Uint8Array): StoredGraph {
  const reject = (reason: string): never => {
    throw new NotAStoredGraph(reason);
  };
  const reader = new JsonBytes(bytes);
  let nodes: { key: string; attributes: NodeAttributes }[] | null = null;
  let ids: Map<string, number> | null = null;
  let attributes: Record<string, unknown> = {};
  let columns: EdgeColumns | null = null;
  try {
    if (reader.peek() !== 0x7b) reject('not a JSON object');
    if (reader.openObject()) {
      do {
        reader.key();
        if (reader.keyIs('nodes')) {
          if (nodes) reject('"nodes" is listed twice');
          const [start, end] = reader.skip();
          const list = parseRange(bytes, start, end) as unknown[];
          if (!Array.isArray(list)) reject('"nodes" is not a list');
          list.forEach((node, i) => checkNode(node, i, reject));
          nodes = list as { key: string; attributes: NodeAttributes }[];
          ids = new Map();
          for (let id = 0; id < nodes.length; id++) {
            if (ids.has(nodes[id]!.key)) reject(`node "${nodes[id]!.key}" is listed twice`);
            ids.set(nodes[id]!.key, id);
          }
        } else if (reader.keyIs('edges')) {
          if (!ids) return reject('"edges" come before "nodes"');
          if (columns) reject('"edges" is listed twice');
          columns = readEdges(reader, ids, reject);
        } else if (reader.keyIs('attributes')) {
          const [start, end] = reader.skip();
          const value = parseRange(bytes, start, end);
          if (value && typeof value === 'object' && !Array.isArray(value)) attributes = value as Record<string, unknown>;
          else if (value !== null) reject('"attributes" is not an object');
        } else reader.skip();
      } while (reader.nextInObject());
    }
    reader.end();
  } catch (error) {
    if (error instanceof JsonBytesError || error instanceof SyntaxError) reject(error.message);
    throw error;
  }
  if (!nodes || !ids) return reject('"nodes" is missing');
  if (!columns) return reject('"edges" is missing');
  const finalNodes: { key: string; attributes: NodeAttributes }[] = nodes;
  if (!Array.isArray(attributes.documents)) attributes.documents = [];
  return new StoredGraph({
    keys: finalNodes.map((n) => n.key),
    ids,
    nodes: finalNodes.map((n) => n.attributes),
    attributes,
    ...(columns as EdgeColumns).trimmed(),
    bytes,
  });
}

function readEdges(reader: JsonBytes, ids: Map<string, number>, reject: (reason: string) => never): EdgeColumns {
  const columns = new EdgeColumns(Math.ceil(reader.length / BYTES_PER_EDGE_GUESS));
  if (!reader.openArray()) return columns;
  do {
    const start = reader.pos;
    let source = -1;
    let target = -1;
    let relation = -1;
    let weight = NaN;
    if (reader.peek() !== 0x7b) reject(`edge #${columns.count} is not an object`);
    if (reader.openObject()) {
      do {
        reader.key();
        if (reader.keyIs('source') || reader.keyIs('target')) {
          if (!reader.atString()) reject(`edge #${columns.count} has a source or target that is not a string`);
          const id = ids.get(reader.string());
          if (id === undefined) reject(`edge #${columns.count} has an unknown source or target`);
          if (reader.bytes[reader.keyStart] === 0x73) source = id!;
          else target = id!;
        } else if (reader.keyIs('key')) {
          if (!reader.atString()) reject(`edge #${columns.count} has a key that is not a string`);
          reader.skip();
        } else if (reader.keyIs('attributes')) {
          if (reader.peek() !== 0x7b) reject(`edge #${columns.count} has attributes that are not an object`);
          if (reader.openObject()) {
            do {
              reader.key();
              if (reader.keyIs('relation')) {
                relation = reader.atString() ? reader.oneOf(RELATION_NAMES) : -1;
                if (relation < 0) reject(`edge #${columns.count} has an unknown relation`);
              } else if (reader.keyIs('weight')) weight = reader.numberOrSkip() ?? NaN;
              else reader.skip();
            } while (reader.nextInObject());
          }
        } else if (reader.keyIs('undirected')) {
          if (reader.booleanOrSkip() === true) reject(`edge #${columns.count} is undirected`);
        } else reader.skip();
      } while (reader.nextInObject());
    }
    if (source < 0 || target < 0 || relation < 0) reject(`edge #${columns.count} lacks a source, target or relation`);
    columns.push(source, target, relation, weight, start, reader.pos);
  } while (reader.nextInArray());
  return columns;
}
