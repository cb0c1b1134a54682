/**
 * Types of the query engine: the parsed query (a tagged union on `command`), the
 * options of `runQuery`, and its result (a tagged union on `kind`).
 *
 * Everything here is plain, JSON-serialisable data: a result can be posted from a
 * worker, printed with `--json`, or used by the page to highlight `nodes` and `edges`.
 * No DOM, no Node APIs.
 */
import type { EntityType, RelationName } from '../../extract/types.ts';

export type { EntityType, RelationName };

// ---------------------------------------------------------------------------
// Parsed queries
// ---------------------------------------------------------------------------

/** How a walk may follow an edge: `->` along it, `<-` against it, `--` either way. */
export type Direction = 'out' | 'in' | 'both';

/** A name as the user wrote it, with its 1-based column in the query text (for messages). */
export interface NameRef {
  text: string;
  column: number;
}

/** Fields every query has. */
export interface QueryBase {
  /** The text the query was parsed from. */
  text: string;
  /** `explain` was written before the query: show the evidence of every hop. */
  explain: boolean;
  /** At most this many rows (paths, nodes, edges, communities); the result says how many more exist. */
  limit: number;
}

/** Relation filter shared by walks: `via` list (null = every typed relation) and `cooccur`. */
export interface WalkFilter {
  /** Only these relations; null means every relation except `co_occurs`. */
  via: RelationName[] | null;
  /** Also walk `co_occurs` edges (costed after typed ones for shortest paths). */
  cooccur: boolean;
}

/**
 * `path A -> B` (shortest path), `allshortest A -- B` (every shortest path),
 * `paths A -- B max 4` (every simple path up to 4 hops, shortest first).
 */
export interface PathQuery extends QueryBase, WalkFilter {
  command: 'path' | 'paths' | 'allshortest';
  from: NameRef;
  to: NameRef;
  direction: Direction;
  /** Entities the path must not pass through. */
  avoid: NameRef[];
  /** At most this many hops; null = unbounded for `path`/`allshortest` (`paths` always has one). */
  max: number | null;
}

/** `neighbors A [depth N] [via REL,…] [type T,…] [in|out] [cooccur]` */
export interface NeighborsQuery extends QueryBase, WalkFilter {
  command: 'neighbors';
  node: NameRef;
  depth: number;
  direction: Direction;
  /** Only list entities of these types (the walk still goes through any type). null = all. */
  types: EntityType[] | null;
}

/** `find [type:T] [name~TEXT] [doc:D]` (a bare word is short for name~). */
export interface FindQuery extends QueryBase {
  command: 'find';
  types: EntityType[] | null;
  /** Substring of a label or alias, compared accent- and case-insensitively. */
  name: string | null;
  /** A document id, or a prefix of one (`doc:001`). */
  doc: string | null;
}

/** `relations [REL,…] [from A] [to B] [cooccur]` */
export interface RelationsQuery extends QueryBase {
  command: 'relations';
  /** null = every relation except co_occurs (unless `cooccur`). */
  relations: RelationName[] | null;
  cooccur: boolean;
  from: NameRef | null;
  to: NameRef | null;
}

export type Measure = 'degree' | 'pagerank' | 'betweenness';

/** `top degree|pagerank|betweenness [type T] [N] [via …] [cooccur]` (N is the limit). */
export interface TopQuery extends QueryBase, WalkFilter {
  command: 'top';
  measure: Measure;
  types: EntityType[] | null;
}

/** `communities [via …] [cooccur] [min SIZE] [limit N]`: Louvain communities and their members. */
export interface CommunitiesQuery extends QueryBase, WalkFilter {
  command: 'communities';
  /** Hide communities smaller than this. */
  minSize: number;
}

/** `help [COMMAND]` */
export interface HelpQuery extends QueryBase {
  command: 'help';
  topic: string | null;
}

export type Query =
  | PathQuery
  | NeighborsQuery
  | FindQuery
  | RelationsQuery
  | TopQuery
  | CommunitiesQuery
  | HelpQuery;

export type QueryCommand = Query['command'];

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

/** Anything with an `aborted` flag: an AbortSignal, or a view over a SharedArrayBuffer. */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface QueryOptions {
  /** Checked inside every loop: when it turns true the query throws QueryCancelledError. */
  signal?: CancelSignal;
  /** Stop with QueryCancelledError (reason "timeout") after this many milliseconds. 0 = no timeout. */
  timeoutMs?: number;
  /**
   * Work budget of enumerations (edge visits). `paths` stops counting the paths beyond
   * the limit when it is spent and reports "at least N more".
   */
  maxWork?: number;
  /** Cost of one co_occurs hop when `cooccur` is on (a typed hop costs 1). */
  cooccurCost?: number;
  /** Evidence spans kept per edge in results. */
  evidencePerEdge?: number;
  /** Members listed per community. */
  membersPerCommunity?: number;
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

/** A node of the graph as results show it. */
export interface NodeRef {
  key: string;
  label: string;
  type: EntityType;
}

/** One evidence sentence of an edge. `text` is null when the graph does not keep its texts. */
export interface Evidence {
  doc: string;
  /** Title of the document, when known. */
  title: string | null;
  start: number;
  end: number;
  text: string | null;
}

/** An edge of the graph as results show it. */
export interface EdgeRef {
  key: string;
  relation: RelationName;
  source: string;
  target: string;
  weight: number;
  /** The first `evidencePerEdge` evidence spans; `evidenceCount` says how many there are. */
  evidence: Evidence[];
  evidenceCount: number;
}

/** One hop of a path: from `nodes[i]` to `nodes[i + 1]`. */
export interface PathStep {
  /** Every allowed edge joining the two nodes in a walkable direction, best first (typed, then heaviest). */
  edges: EdgeRef[];
  /** Per edge of `edges`: true when it was walked from its source to its target. */
  forward: boolean[];
}

export interface PathResultItem {
  nodes: NodeRef[];
  steps: PathStep[];
  /** Number of hops, or the weighted cost when co_occurs hops are costed. */
  cost: number;
}

/** A node in a list result (`find`, `neighbors`). */
export interface NodeRow {
  node: NodeRef;
  /** Number of mentions in all documents. */
  mentions: number;
  /** Documents it is mentioned in. */
  docs: string[];
  /** `neighbors`: hops from the start node. */
  depth?: number;
  /** `neighbors`: the node it was reached from and the edge walked. */
  from?: NodeRef;
  via?: EdgeRef;
  /** `neighbors`: true when `via` was walked from its source to its target. */
  forward?: boolean;
}

/** A node with a score (`top`). */
export interface RankRow {
  node: NodeRef;
  score: number;
}

export interface Community {
  id: number;
  size: number;
  /** The best connected members first, at most `membersPerCommunity`. */
  members: NodeRef[];
}

/** Fields every result has. */
export interface ResultBase {
  /** The query that produced it. */
  query: Query;
  /** Keys of every node the result shows (for highlighting). */
  nodes: string[];
  /** Keys of every edge the result shows (for highlighting). */
  edges: string[];
  /** Rows left out by the limit (0 when complete). */
  more: number;
  /** True when `more` is a lower bound (counting stopped when the work budget was spent). */
  moreIsLowerBound: boolean;
  /** Human-readable remarks: why nothing was found, what was resolved to what, approximations. */
  notes: string[];
}

export interface PathsResult extends ResultBase {
  kind: 'paths';
  from: NodeRef;
  to: NodeRef;
  paths: PathResultItem[];
}

export interface NodesResult extends ResultBase {
  kind: 'nodes';
  rows: NodeRow[];
}

export interface EdgesResult extends ResultBase {
  kind: 'edges';
  rows: { edge: EdgeRef; source: NodeRef; target: NodeRef }[];
}

export interface RankingResult extends ResultBase {
  kind: 'ranking';
  measure: Measure;
  rows: RankRow[];
}

export interface CommunitiesResult extends ResultBase {
  kind: 'communities';
  communities: Community[];
  /** Modularity of the partition. */
  modularity: number;
}

export interface HelpResult extends ResultBase {
  kind: 'help';
  text: string;
}

export type QueryResult =
  | PathsResult
  | NodesResult
  | EdgesResult
  | RankingResult
  | CommunitiesResult
  | HelpResult;

export type ResultKind = QueryResult['kind'];

/** A result as rows of text cells, the way `formatResult` and a UI table show it. */
export interface ResultTable {
  columns: string[];
  rows: string[][];
  /** Per row, the node and edge keys it shows (to highlight a row). */
  rowKeys: { nodes: string[]; edges: string[] }[];
}

export interface FormatOptions {
  /** Show evidence sentences under each hop or edge. Defaults to the query's `explain`. */
  explain?: boolean;
  /** Maximum width of an evidence quote, in characters. */
  quoteWidth?: number;
}
