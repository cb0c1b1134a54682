/** `runQuery`: resolves names, runs the search the query asks for, builds the result. */
import { InputError, UsageError } from '../../extract/errors.ts';
import { RELATION_NAMES } from '../../extract/types.ts';
import { StoredGraph } from '../stored-graph.ts';
import { Budget } from './budget.ts';
import { queryOptionDefaults } from './defaults.ts';
import { RELATION_ID, indexGraph, relationMask, walkOf } from './graph-index.ts';
import type { GraphIndex, QueryGraph } from './graph-index.ts';
import { HELP, OVERVIEW } from './help.ts';
import { findEdges, findNodes } from './lists.ts';
import { betweennessScores, degreeScores, louvainCommunities, pagerankScores } from './metrics.ts';
import { resolveName } from './names.ts';
import { neighborhood, pickNeighbors, topK } from './neighbors.ts';
import { parseQuery } from './parse.ts';
import { allShortestBfs, boundedSimplePaths, cheapestPath, leastCostPaths, shortestPathBfs } from './paths.ts';
import type { SearchLimits } from './paths.ts';
import { edgeRef, keysOfPaths, nodeRef, pathItem } from './refs.ts';
import type {
  CommunitiesQuery,
  CommunitiesResult,
  EdgesResult,
  FindQuery,
  HelpQuery,
  HelpResult,
  NameRef,
  NeighborsQuery,
  NodeRow,
  NodesResult,
  PathQuery,
  PathsResult,
  Query,
  QueryOptions,
  QueryResult,
  RankingResult,
  RelationsQuery,
  ResultBase,
  TopQuery,
} from './types.ts';

type Settings = Required<Omit<QueryOptions, 'signal'>> & Pick<QueryOptions, 'signal'>;

/** Merges options with the defaults and checks them once. Throws UsageError naming the bad option. */
export function resolveOptions(options: QueryOptions = {}): Settings {
  const settings: Settings = { ...queryOptionDefaults, ...options };
  const check = (name: keyof typeof queryOptionDefaults, ok: (v: number) => boolean, what: string) => {
    const value = settings[name] as unknown;
    if (typeof value !== 'number' || !ok(value)) throw new UsageError(`runQuery: option ${name} must be ${what}, got ${String(value)}.`);
  };
  check('timeoutMs', (v) => v >= 0, 'a number of milliseconds ≥ 0');
  check('maxWork', (v) => v > 0, 'a positive number');
  check('cooccurCost', (v) => v > 0 && Number.isFinite(v), 'a positive finite number');
  check('evidencePerEdge', (v) => Number.isInteger(v) && v >= 0, 'an integer ≥ 0');
  check('membersPerCommunity', (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1');
  if (settings.signal !== undefined && (typeof settings.signal !== 'object' || settings.signal === null || !('aborted' in settings.signal)))
    throw new UsageError('runQuery: option signal must have an "aborted" flag (an AbortSignal will do).');
  return settings;
}

function isGraphLike(graph: unknown): graph is QueryGraph {
  if (graph instanceof StoredGraph) return true;
  const g = graph as { forEachNode?: unknown; forEachEdge?: unknown; getNodeAttributes?: unknown } | null;
  return !!g && typeof g === 'object' && typeof g.forEachNode === 'function' && typeof g.forEachEdge === 'function' && typeof g.getNodeAttributes === 'function';
}

/**
 * Runs a query (text or parsed) on a graph. Throws QuerySyntaxError on a bad query,
 * AmbiguousNameError / UnknownNameError on names, QueryCancelledError when cancelled
 * or out of time, UsageError on bad options. An empty result is not an error: see
 * `isEmptyResult` and the result's notes.
 */
export function runQuery(graph: QueryGraph, query: Query | string, options?: QueryOptions): QueryResult {
  if (!isGraphLike(graph)) throw new InputError('runQuery: expected a graphology graph or a StoredGraph as first argument.');
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const settings = resolveOptions(options);
  const budget = new Budget(settings.signal, settings.timeoutMs, settings.maxWork);
  const run = new Run(indexGraph(graph), q, settings, budget);
  return run.execute();
}

/** True when a result found nothing (the CLI exits 1). Help is never empty. */
export function isEmptyResult(result: QueryResult): boolean {
  switch (result.kind) {
    case 'paths':
      return result.paths.length === 0;
    case 'nodes':
    case 'edges':
    case 'ranking':
      return result.rows.length === 0;
    case 'communities':
      return result.communities.length === 0;
    case 'help':
      return false;
  }
}

class Run {
  private notes: string[] = [];

  constructor(
    private readonly index: GraphIndex,
    private readonly query: Query,
    private readonly settings: Settings,
    private readonly budget: Budget,
  ) {}

  execute(): QueryResult {
    const q = this.query;
    switch (q.command) {
      case 'path':
      case 'paths':
      case 'allshortest':
        return this.path(q);
      case 'neighbors':
        return this.neighbors(q);
      case 'find':
        return this.find(q);
      case 'relations':
        return this.relations(q);
      case 'top':
        return this.top(q);
      case 'communities':
        return this.communities(q);
      case 'help':
        return this.help(q);
    }
  }

  private base(nodes: string[], edges: string[], more: number, moreIsLowerBound = false): ResultBase {
    return { query: this.query, nodes, edges, more: Math.max(0, more), moreIsLowerBound, notes: this.notes };
  }

  private resolve(ref: NameRef): number {
    const { id, note } = resolveName(this.index, ref);
    if (note) this.notes.push(note);
    return id;
  }

  private label(id: number): string {
    return `"${nodeRef(this.index, id).label}"`;
  }

  private path(q: PathQuery): PathsResult {
    const index = this.index;
    const s = this.resolve(q.from);
    const t = this.resolve(q.to);
    if (s === t)
      throw new UsageError(`"${q.from.text}" and "${q.to.text}" are the same entity (${index.keys[s]}); a path needs two different ends.`);
    let avoid: Uint8Array | null = null;
    for (const ref of q.avoid) {
      const id = this.resolve(ref);
      if (id === s || id === t) throw new UsageError(`cannot avoid "${ref.text}" (column ${ref.column}): it is an end of the path.`);
      (avoid ??= new Uint8Array(index.n))[id] = 1;
    }
    const walk = walkOf(relationMask(q.via, q.cooccur), q.direction);
    const limits: SearchLimits = { avoid, maxHops: q.max ?? Infinity, budget: this.budget };
    const evidence = this.settings.evidencePerEdge;
    const costs = new Float64Array(RELATION_NAMES.length).fill(1);
    if (q.cooccur) costs[RELATION_ID.get('co_occurs')!] = this.settings.cooccurCost;
    const weighted = q.cooccur && this.settings.cooccurCost !== 1;
    let found: { nodes: number[]; cost: number }[] = [];
    let more = 0;
    let lowerBound = false;
    if (q.command === 'path') {
      if (weighted && q.max !== null) {
        const search = leastCostPaths(index, s, t, walk, costs, limits);
        found = search.paths(1).map((nodes) => ({ nodes, cost: search.cost }));
      } else if (weighted) {
        const path = cheapestPath(index, s, t, walk, costs, limits);
        if (path) found = [path];
      } else {
        const nodes = shortestPathBfs(index, s, t, walk, limits);
        if (nodes) found = [{ nodes, cost: nodes.length - 1 }];
      }
    } else if (q.command === 'allshortest') {
      const search = weighted ? leastCostPaths(index, s, t, walk, costs, limits) : allShortestBfs(index, s, t, walk, limits);
      found = search.paths(q.limit).map((nodes) => ({ nodes, cost: search.cost }));
      more = search.count - found.length;
      if (search.count > Number.MAX_SAFE_INTEGER) this.notes.push('the number of shortest paths is approximate (it exceeds 2^53).');
    } else {
      const simple = boundedSimplePaths(index, s, t, walk, limits, q.limit);
      found = simple.paths.map((nodes) => ({ nodes, cost: nodes.length - 1 }));
      more = simple.total - found.length;
      lowerBound = !simple.complete;
    }
    const paths = found.map((p) => pathItem(index, p.nodes, walk, p.cost, evidence));
    if (!paths.length) this.notes.push(this.noPathHint(q, s, t));
    const keys = keysOfPaths(paths);
    return { kind: 'paths', ...this.base(keys.nodes, keys.edges, more, lowerBound), from: nodeRef(index, s), to: nodeRef(index, t), paths };
  }

  private noPathHint(q: PathQuery, s: number, t: number): string {
    const arrow = q.direction === 'out' ? '->' : q.direction === 'in' ? '<-' : '--';
    const over = q.via ? `over ${q.via.join(', ')}` : q.cooccur ? 'over typed relations and co-occurrences' : 'over typed relations';
    const within = q.max !== null ? ` within ${q.max} hop${q.max === 1 ? '' : 's'}` : '';
    const tries: string[] = [];
    if (q.direction !== 'both') tries.push('"--" to ignore direction');
    if (q.via) tries.push('no "via" to allow every relation');
    if (q.avoid.length) tries.push('no "avoid"');
    if (!q.cooccur) tries.push('"cooccur" to also walk co-occurrences');
    if (q.max !== null) tries.push('a larger "max"');
    const what = q.command === 'path' || q.command === 'allshortest' ? 'no path' : 'no simple path';
    return `${what} ${this.label(s)} ${arrow} ${this.label(t)} ${over}${within}.${tries.length ? ` Try ${tries.join(', ')}.` : ''}`;
  }

  private nodeRow(id: number): NodeRow {
    const mentions = this.index.nodeAttributes(id).mentions;
    const list = Array.isArray(mentions) ? mentions : [];
    return { node: nodeRef(this.index, id), mentions: list.length, docs: [...new Set(list.map((m) => m.doc))] };
  }

  private neighbors(q: NeighborsQuery): NodesResult {
    const index = this.index;
    const s = this.resolve(q.node);
    const walk = walkOf(relationMask(q.via, q.cooccur), q.direction);
    const hood = neighborhood(index, s, walk, q.depth, this.budget);
    const types = q.types ? new Set(q.types) : null;
    const keep = types ? (id: number) => types.has(index.nodeAttributes(id).type) : () => true;
    const { ids, total } = pickNeighbors(index, hood, keep, q.limit);
    const edges: string[] = [];
    const rows = ids.map((id) => {
      const row = this.nodeRow(id);
      const e = hood.parentEdge[id]!;
      row.depth = hood.depth[id]!;
      row.from = nodeRef(index, hood.parent[id]!);
      row.via = edgeRef(index, e, this.settings.evidencePerEdge);
      row.forward = hood.forward[id] === 1;
      edges.push(row.via.key);
      return row;
    });
    if (!rows.length) {
      const filters = [q.via ? `over ${q.via.join(', ')}` : q.cooccur ? '' : 'over typed relations', types ? `of type ${q.types!.join(', ')}` : ''];
      const hint = q.cooccur ? '' : ' Try "cooccur" to also walk co-occurrences.';
      this.notes.push(`${this.label(s)} has no neighbours ${filters.filter(Boolean).join(' ')} within ${q.depth} hop${q.depth > 1 ? 's' : ''}.${hint}`);
    }
    return { kind: 'nodes', ...this.base([index.keys[s]!, ...rows.map((r) => r.node.key)], edges, total - rows.length), rows };
  }

  private find(q: FindQuery): NodesResult {
    const { ids, total } = findNodes(this.index, q, q.limit, this.budget);
    const rows = ids.map((id) => this.nodeRow(id));
    if (!rows.length) this.notes.push('no entity matches. Try a shorter name~ or fewer filters.');
    return { kind: 'nodes', ...this.base(rows.map((r) => r.node.key), [], total - rows.length), rows };
  }

  private relations(q: RelationsQuery): EdgesResult {
    const index = this.index;
    const from = q.from ? this.resolve(q.from) : null;
    const to = q.to ? this.resolve(q.to) : null;
    const mask = relationMask(q.relations, q.cooccur);
    const { ids, total } = findEdges(index, { mask, from, to }, q.limit, this.budget);
    const rows = ids.map((e) => ({
      edge: edgeRef(index, e, this.settings.evidencePerEdge),
      source: nodeRef(index, index.src[e]!),
      target: nodeRef(index, index.tgt[e]!),
    }));
    if (!rows.length) this.notes.push('no relation matches.');
    const nodes = [...new Set(rows.flatMap((r) => [r.source.key, r.target.key]))];
    return { kind: 'edges', ...this.base(nodes, rows.map((r) => r.edge.key), total - rows.length), rows };
  }

  private top(q: TopQuery): RankingResult {
    const index = this.index;
    const mask = relationMask(q.via, q.cooccur);
    const scores =
      q.measure === 'degree'
        ? degreeScores(index, mask, this.budget)
        : q.measure === 'pagerank'
          ? pagerankScores(index, mask, this.budget)
          : betweennessScores(index, mask, this.budget);
    this.notes.push(...scores.notes);
    const types = q.types ? new Set(q.types) : null;
    const candidates: number[] = [];
    for (let id = 0; id < index.n; id++) {
      if (scores.values[id]! <= 0) continue;
      if (types && !types.has(index.nodeAttributes(id).type)) continue;
      candidates.push(id);
    }
    const ids = topK(candidates, q.limit, (id) => scores.values[id]!);
    const rows = ids.map((id) => ({ node: nodeRef(index, id), score: scores.values[id]! }));
    if (!rows.length) this.notes.push(`no entity has a ${q.measure} above 0${q.types ? ` among ${q.types.join(', ')}` : ''}.`);
    return { kind: 'ranking', ...this.base(rows.map((r) => r.node.key), [], candidates.length - rows.length), measure: q.measure, rows };
  }

  private communities(q: CommunitiesQuery): CommunitiesResult {
    const index = this.index;
    const partition = louvainCommunities(index, relationMask(q.via, q.cooccur), this.budget);
    const kept = partition.communities.filter((c) => c.length >= q.minSize);
    const shown = kept.slice(0, q.limit);
    const per = this.settings.membersPerCommunity;
    const communities = shown.map((members, i) => ({ id: i + 1, size: members.length, members: members.slice(0, per).map((id) => nodeRef(index, id)) }));
    if (!communities.length)
      this.notes.push(
        partition.communities.length
          ? `no community has ${q.minSize} members or more. Try a smaller "min"${q.cooccur ? '' : ' or "cooccur"'}.`
          : `no relations to group entities by${q.cooccur ? '' : '. Try "cooccur"'}.`,
      );
    const nodes = communities.flatMap((c) => c.members.map((m) => m.key));
    return { kind: 'communities', ...this.base(nodes, [], kept.length - shown.length), communities, modularity: partition.modularity };
  }

  private help(q: HelpQuery): HelpResult {
    const text = q.topic ? HELP[q.topic] ?? OVERVIEW : OVERVIEW;
    return { kind: 'help', ...this.base([], [], 0), text };
  }
}
