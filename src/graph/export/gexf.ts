/**
 * GEXF 1.3 for Gephi. Pure (no Node APIs): the page's GEXF button calls it too.
 *
 * The layout follows graphology-gexf's 1.3 writer (version 1.3, `pedantic` meta,
 * `label`/`weight`/`kind` on edges, viz colour/position/size), and graphology-gexf
 * parses the result back to the same graph. It is written here rather than through
 * that writer because the writer cannot be made safe or fast enough from outside:
 * - it writes XML-illegal control characters raw (the file is then unreadable) and
 *   takes element ids verbatim from the graph keys;
 * - it joins liststring items unquoted, so an alias with a comma becomes two in Gephi;
 * - it infers attribute types from the values and drops a column nobody fills;
 * - on 100,000 nodes / 500,000 edges it took 18 s and 2.7 GB, mostly garbage
 *   collection of the one string it appends every fragment to (see text-builder.ts).
 *
 * What Gephi would drop, merge or misread is avoided: one defaultedgetype and no
 * per-edge type, unique ids, weights > 0, colours as integer r/g/b, a distinct
 * `kind` for parallel edges of the same relation, no illegal characters.
 */
import { UsageError, InputError } from '../../extract/errors.ts';
import type { EntityType, RelationName } from '../../extract/types.ts';
import type { KgGraph } from '../types.ts';
import { VERSION } from '../version.ts';
import { EDGE_COLUMNS, NODE_COLUMNS, exportContext, exportWeight, type Column, type ColumnType, type ColumnValue } from './columns.ts';
import { FALLBACK_COLOR, RELATION_COLORS, TYPE_COLORS, hexToRgb, isHexColor } from './palette.ts';
import { TextBuilder } from './text-builder.ts';
import { XmlIdMap, escapeAttribute, escapeText } from './xml.ts';

export interface GexfOptions {
  /** Indent the XML, one element per line. */
  pretty?: boolean;
  /** Node sizes (viz:size) of nodes without a `size` attribute: they grow with the square root of the degree. */
  sizeRange?: { min: number; max: number };
  /** Colours by entity type, over TYPE_COLORS; 6-digit hex. */
  typeColors?: Partial<Record<EntityType, string>>;
  /** Edge colours by relation, over RELATION_COLORS; 6-digit hex. */
  relationColors?: Partial<Record<RelationName, string>>;
  /** The <creator> of the file's meta. */
  creator?: string;
}

export const gexfDefaults: Required<Omit<GexfOptions, 'typeColors' | 'relationColors'>> = {
  pretty: true,
  sizeRange: { min: 4, max: 24 },
  creator: `kg ${VERSION}`,
};

const GEXF_TYPES: Record<ColumnType, string> = { string: 'string', integer: 'integer', double: 'double', liststring: 'liststring' };

interface ResolvedOptions {
  pretty: boolean;
  sizeRange: { min: number; max: number };
  typeColors: Record<string, string>;
  relationColors: Record<string, string>;
  creator: string;
}

function resolveOptions(options: GexfOptions): ResolvedOptions {
  const sizeRange = options.sizeRange ?? gexfDefaults.sizeRange;
  const { min, max } = sizeRange;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || min > max) {
    throw new UsageError(`writeGexf: sizeRange ${JSON.stringify(sizeRange)} is not a range; pass {min, max} with 0 <= min <= max.`);
  }
  const colors = (name: string, base: Record<string, string>, over: Record<string, string | undefined> | undefined) => {
    const merged: Record<string, string> = { ...base };
    for (const [k, v] of Object.entries(over ?? {})) {
      if (v === undefined) continue;
      if (!isHexColor(v)) throw new UsageError(`writeGexf: ${name}.${k} is "${v}"; use a 6-digit hex colour like #1f618d (Gephi misreads #abc and colour names).`);
      merged[k] = v;
    }
    return merged;
  };
  return {
    pretty: options.pretty ?? gexfDefaults.pretty,
    sizeRange: { min, max },
    typeColors: colors('typeColors', TYPE_COLORS, options.typeColors),
    relationColors: colors('relationColors', RELATION_COLORS, options.relationColors),
    creator: options.creator ?? gexfDefaults.creator,
  };
}

/** A liststring in the `[a, b]` form Gephi parses: every item double-quoted, `\` and `"` escaped. */
export function formatGexfList(items: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ', ';
    out += `"${items[i]!.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}]`;
}

function formatValue(type: ColumnType, value: ColumnValue): string {
  if (type === 'liststring') return formatGexfList(value as readonly string[]);
  if (type === 'integer') return String(Math.round(value as number));
  return String(value);
}

function vizColor(hex: string | undefined): string {
  const { r, g, b } = hexToRgb(isHexColor(hex) ? hex : FALLBACK_COLOR);
  return `<viz:color r="${r}" g="${g}" b="${b}"/>`;
}

function writeModel(out: TextBuilder, cls: 'node' | 'edge', columns: readonly Column<never>[], nl: string, ind: string): void {
  out.push(`${nl}${ind}${ind}<attributes class="${cls}">`);
  for (const c of columns) {
    out.push(`${nl}${ind}${ind}${ind}<attribute id="${escapeAttribute(c.id)}" title="${escapeAttribute(c.id)}" type="${GEXF_TYPES[c.type]}"/>`);
  }
  out.push(`${nl}${ind}${ind}</attributes>`);
}

/** The date part of an ISO timestamp, when it is one (xsd:date). */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  const date = new Date(t).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/**
 * Gephi merges edges with the same source, target and kind. Finds the edges that
 * share all three (graphs from kg build have none: the builder merges them) and names
 * their groups, so the writer can give the first of each group the relation as
 * kind and the next ones `relation#2`, `relation#3`…, in file order.
 */
function parallelGroups(graph: KgGraph): Map<string, string> {
  const groups = new Map<string, string>();
  graph.forEachNode((node) => {
    if (graph.outDegree(node) < 2) return;
    const byKey = new Map<string, string[]>();
    graph.forEachOutEdge(node, (edge, attrs, _source, target) => {
      const key = `${node}\u0000${target}\u0000${attrs.relation}`;
      const edges = byKey.get(key);
      if (edges) edges.push(edge);
      else byKey.set(key, [edge]);
    });
    for (const [key, edges] of byKey) if (edges.length > 1) for (const edge of edges) groups.set(edge, key);
  });
  return groups;
}

/** Writes the graph as a GEXF 1.3 document that validates against the 1.3 schema. */
export function writeGexf(graph: KgGraph, options: GexfOptions = {}): string {
  const out = new TextBuilder();
  buildGexf(graph, options, out);
  return out.toString();
}

/**
 * The same document as writeGexf, handed to `write` in blocks of a few hundred
 * kilobytes as it is produced: for graphs whose GEXF is longer than the longest
 * string JavaScript can hold (~512 M UTF-16 units), and so that a caller that
 * encodes or stores each block at once keeps the JS heap small.
 */
export function writeGexfTo(graph: KgGraph, write: (block: string) => void, options: GexfOptions = {}): void {
  buildGexf(graph, options, new TextBuilder(write));
}

function buildGexf(graph: KgGraph, options: GexfOptions, out: TextBuilder): void {
  const o = resolveOptions(options);
  if (graph.undirectedSize > 0) {
    throw new InputError(`writeGexf: the graph has ${graph.undirectedSize} undirected edges; kg graphs are directed. Rebuild it with "kg build".`);
  }
  const nl = o.pretty ? '\n' : '';
  const i1 = o.pretty ? '  ' : '';
  const i2 = i1 + i1;
  const i3 = i2 + i1;
  const i4 = i3 + i1;
  const i5 = i4 + i1;
  const context = exportContext(graph);
  const nodeIds = new XmlIdMap((id) => graph.hasNode(id));
  const edgeIds = new XmlIdMap((id) => graph.hasEdge(id));
  const groups = parallelGroups(graph);
  const seenInGroup = new Map<string, number>();

  const documents = graph.getAttribute('documents');
  const docCount = Array.isArray(documents) ? documents.length : 0;
  const date = isoDate(graph.getAttribute('builtAt'));
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  out.push(`${nl}${i1}<meta${date ? ` lastmodifieddate="${date}"` : ''}>`);
  out.push(`${nl}${i2}<creator>${escapeText(o.creator)}</creator>`);
  out.push(`${nl}${i2}<description>${escapeText(`Knowledge graph of ${docCount} document${docCount === 1 ? '' : 's'}: ${graph.order} entities, ${graph.size} relations`)}</description>`);
  out.push(`${nl}${i1}</meta>`);
  out.push(`${nl}${i1}<graph defaultedgetype="directed">`);
  writeModel(out, 'node', NODE_COLUMNS as readonly Column<never>[], nl, i1);
  writeModel(out, 'edge', EDGE_COLUMNS as readonly Column<never>[], nl, i1);

  // Nodes: label, attributes, colour by type, position when known, size by degree.
  let maxDegree = 1;
  graph.forEachNode((node) => {
    const d = graph.degree(node);
    if (d > maxDegree) maxDegree = d;
  });
  const { min, max } = o.sizeRange;
  out.push(`${nl}${i2}<nodes count="${graph.order}">`);
  graph.forEachNode((node, attrs) => {
    let s = `${nl}${i3}<node id="${escapeAttribute(nodeIds.id(node))}"`;
    if (typeof attrs.label === 'string' && attrs.label !== '') s += ` label="${escapeAttribute(attrs.label)}"`;
    s += '>';
    let values = '';
    for (const c of NODE_COLUMNS) {
      const v = c.value(attrs, context);
      if (v !== undefined) values += `${nl}${i5}<attvalue for="${c.id}" value="${escapeAttribute(formatValue(c.type, v))}"/>`;
    }
    if (values) s += `${nl}${i4}<attvalues>${values}${nl}${i4}</attvalues>`;
    s += `${nl}${i4}${vizColor(o.typeColors[attrs.type])}`;
    const { x, y } = attrs;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      s += `${nl}${i4}<viz:position x="${x}" y="${y}"/>`;
    }
    // A size the caller set (the page exports what it shows) wins over the degree scale.
    const size =
      typeof attrs.size === 'number' && Number.isFinite(attrs.size) && attrs.size > 0 ? attrs.size : min + (max - min) * Math.sqrt(graph.degree(node) / maxDegree);
    s += `${nl}${i4}<viz:size value="${Math.round(size * 100) / 100}"/>`;
    out.push(`${s}${nl}${i3}</node>`);
  });
  out.push(graph.order > 0 ? `${nl}${i2}</nodes>` : '</nodes>');

  // Edges: relation as label and kind, weight > 0, attributes, colour by relation.
  out.push(`${nl}${i2}<edges count="${graph.size}">`);
  graph.forEachEdge((edge, attrs, source, target) => {
    const relation = String(attrs.relation);
    let kind = relation;
    const group = groups.get(edge);
    if (group !== undefined) {
      const n = (seenInGroup.get(group) ?? 0) + 1;
      seenInGroup.set(group, n);
      if (n > 1) kind = `${relation}#${n}`;
    }
    let s =
      `${nl}${i3}<edge id="${escapeAttribute(edgeIds.id(edge))}" source="${escapeAttribute(nodeIds.id(source))}"` +
      ` target="${escapeAttribute(nodeIds.id(target))}" label="${escapeAttribute(relation)}"` +
      ` kind="${escapeAttribute(kind)}" weight="${exportWeight(attrs)}">`;
    let values = '';
    for (const c of EDGE_COLUMNS) {
      const v = c.value(attrs, context);
      if (v !== undefined) values += `${nl}${i5}<attvalue for="${c.id}" value="${escapeAttribute(formatValue(c.type, v))}"/>`;
    }
    if (values) s += `${nl}${i4}<attvalues>${values}${nl}${i4}</attvalues>`;
    s += `${nl}${i4}${vizColor(o.relationColors[relation])}`;
    out.push(`${s}${nl}${i3}</edge>`);
  });
  out.push(graph.size > 0 ? `${nl}${i2}</edges>` : '</edges>');
  out.push(`${nl}${i1}</graph>${nl}</gexf>\n`);
  out.flush();
}
