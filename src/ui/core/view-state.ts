/**
 * The view in the URL, so that a view is shared by a link: selection, filters,
 * query, size metric and the graph file. Parsed values are checked here, at the
 * edge: unknown types, bad numbers and the like are dropped and reported.
 */
import type { EntityType, RelationName } from '../../extract/types.ts';
import { ENTITY_TYPES, RELATION_NAMES } from '../../extract/types.ts';
import { SIZE_METRICS, type SizeMetric } from './appearance.ts';
import { emptyFilters, type EgoDepth, type FilterState } from './filters.ts';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string };

export interface ViewState {
  /** Graph file to load; null for the default `graph.json` beside the page. */
  graphUrl: string | null;
  selection: Selection | null;
  /** Text of the query console. */
  query: string;
  filters: FilterState;
  sizeMetric: SizeMetric;
}

export const defaultViewState: ViewState = {
  graphUrl: null,
  selection: null,
  query: '',
  filters: emptyFilters,
  sizeMetric: 'degree',
};

export const MAX_QUERY_LENGTH = 2000;
export const MAX_MIN_DEGREE = 1000;

const entityTypes = new Set<string>(ENTITY_TYPES);
const relationNames = new Set<string>(RELATION_NAMES);

function readList<T extends string>(value: string | null, known: Set<string>, what: string, problems: string[]): Set<T> {
  const out = new Set<T>();
  if (!value) return out;
  for (const item of value.split(',')) {
    if (item === '') continue;
    if (known.has(item)) out.add(item as T);
    else problems.push(`unknown ${what} "${item}" in the link; it was ignored`);
  }
  return out;
}

/** Accepts a relative path or an http(s) URL; anything else (javascript:, data:) is refused. */
export function checkGraphUrl(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return /^https?:\/\//i.test(value);
  return !value.startsWith('//');
}

export function parseViewState(search: string): { state: ViewState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];

  let graphUrl: string | null = params.get('graph');
  if (graphUrl !== null && !checkGraphUrl(graphUrl)) {
    problems.push(`graph "${graphUrl}" is not an http(s) address or a path; the default graph was loaded`);
    graphUrl = null;
  }

  let selection: Selection | null = null;
  const node = params.get('node');
  const edge = params.get('edge');
  if (node) selection = { kind: 'node', key: node };
  else if (edge) selection = { kind: 'edge', key: edge };

  let query = params.get('query') ?? '';
  if (query.length > MAX_QUERY_LENGTH) {
    problems.push(`the query in the link is longer than ${MAX_QUERY_LENGTH} characters; it was dropped`);
    query = '';
  }

  let minDegree = 0;
  const deg = params.get('deg');
  if (deg !== null) {
    const n = Number(deg);
    if (Number.isInteger(n) && n >= 0 && n <= MAX_MIN_DEGREE) minDegree = n;
    else problems.push(`minimum degree "${deg}" is not a whole number from 0 to ${MAX_MIN_DEGREE}; it was ignored`);
  }

  let ego: FilterState['ego'] = null;
  const egoNode = params.get('ego');
  if (egoNode) {
    const depthText = params.get('depth') ?? '1';
    const depth = Number(depthText);
    if (depth === 1 || depth === 2 || depth === 3) ego = { node: egoNode, depth: depth as EgoDepth };
    else problems.push(`focus depth "${depthText}" is not 1, 2 or 3; the focus was ignored`);
  }

  let sizeMetric: SizeMetric = 'degree';
  const size = params.get('size');
  if (size !== null) {
    if ((SIZE_METRICS as readonly string[]).includes(size)) sizeMetric = size as SizeMetric;
    else problems.push(`size "${size}" is not one of ${SIZE_METRICS.join(', ')}; degree was used`);
  }

  const filters: FilterState = {
    hiddenTypes: readList<EntityType>(params.get('hide'), entityTypes, 'entity type', problems),
    hiddenRelations: readList<RelationName>(params.get('rels'), relationNames, 'relation', problems),
    minDegree,
    document: params.get('doc') || null,
    ego,
  };
  return { state: { graphUrl, selection, query, filters, sizeMetric }, problems };
}

/** The query string of a view ('' for the default view), parameters in a fixed order. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.graphUrl) params.set('graph', state.graphUrl);
  if (state.selection) params.set(state.selection.kind, state.selection.key);
  const f = state.filters;
  if (f.hiddenTypes.size > 0) params.set('hide', ENTITY_TYPES.filter((t) => f.hiddenTypes.has(t)).join(','));
  if (f.hiddenRelations.size > 0) params.set('rels', RELATION_NAMES.filter((r) => f.hiddenRelations.has(r)).join(','));
  if (f.minDegree > 0) params.set('deg', String(f.minDegree));
  if (f.document) params.set('doc', f.document);
  if (f.ego) {
    params.set('ego', f.ego.node);
    params.set('depth', String(f.ego.depth));
  }
  if (state.sizeMetric !== 'degree') params.set('size', state.sizeMetric);
  if (state.query) params.set('query', state.query);
  const text = params.toString();
  return text ? `?${text}` : '';
}
