/**
 * The path to Neo4j: CSV files in neo4j-admin's import header format
 * (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed property columns) for
 * `neo4j-admin database import full`, and a Cypher script of MERGE statements for
 * a running database (cypher-shell). Pure (no Node APIs).
 *
 * Every node gets the label `Entity` plus one for its type (`Person`, `Organization`…);
 * relationship types are the relation in upper case (`WORKS_FOR`, `CO_OCCURS`).
 * Properties are the shared columns (columns.ts) plus `label`, `weight` and, when
 * the graph has a layout, `x` and `y`. A missing value is an empty unquoted field,
 * which neo4j-admin reads as "no property".
 */
import { InputError } from '../../extract/errors.ts';
import type { KgGraph } from '../types.ts';
import { EDGE_COLUMNS, NODE_COLUMNS, exportContext, exportWeight, type ColumnType, type ColumnValue } from './columns.ts';
import { TextBuilder } from './text-builder.ts';

/** The label every exported node carries, beside its type label. */
export const ENTITY_LABEL = 'Entity';

/** `organization` → `Organization`, `works_for` → `WorksFor` (labels are PascalCase by Neo4j convention). */
export function neo4jLabel(type: string): string {
  return type
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** `works_for` → `WORKS_FOR` (relationship types are UPPER_SNAKE_CASE by Neo4j convention). */
export function neo4jRelationshipType(relation: string): string {
  return relation.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
}

const CSV_TYPES: Record<ColumnType, string> = { string: 'string', integer: 'long', double: 'double', liststring: 'string[]' };

/** Array delimiters tried in turn: the first that no list item contains is used. */
export const ARRAY_DELIMITERS = [';', '|', '\u001f'] as const;

export interface Neo4jCsv {
  nodes: string;
  relationships: string;
  /** The array delimiter used in list columns and `:LABEL`; pass it to neo4j-admin when it is not `;`. */
  arrayDelimiter: string;
}

/** A CSV string field, always quoted (RFC 4180, quotes doubled), so that "" stays distinct from "no value". */
function csvString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function csvNumber(type: ColumnType, v: number): string {
  return type === 'integer' ? String(Math.round(v)) : String(v);
}

function pickDelimiter(graph: KgGraph): string {
  const context = exportContext(graph);
  const used = new Set<string>();
  const scan = (v: ColumnValue | undefined) => {
    if (!Array.isArray(v)) return;
    for (const item of v as readonly string[]) for (const d of ARRAY_DELIMITERS) if (item.includes(d)) used.add(d);
  };
  graph.forEachNode((_, a) => {
    for (const c of NODE_COLUMNS) if (c.type === 'liststring') scan(c.value(a, context));
  });
  graph.forEachEdge((_, a) => {
    for (const c of EDGE_COLUMNS) if (c.type === 'liststring') scan(c.value(a, context));
  });
  return ARRAY_DELIMITERS.find((d) => !used.has(d)) ?? ARRAY_DELIMITERS[ARRAY_DELIMITERS.length - 1]!;
}

function csvValue(type: ColumnType, v: ColumnValue | undefined, delimiter: string): string {
  if (v === undefined) return '';
  if (type === 'liststring') return csvString((v as readonly string[]).map((item) => item.split(delimiter).join('\ufffd')).join(delimiter));
  if (typeof v === 'number') return csvNumber(type, v);
  return csvString(v as string);
}

function assertDirected(graph: KgGraph, fn: string): void {
  if (graph.undirectedSize > 0) {
    throw new InputError(`${fn}: the graph has ${graph.undirectedSize} undirected edges; kg graphs are directed. Rebuild it with "kg build".`);
  }
}

/** nodes.csv and relationships.csv for `neo4j-admin database import full`. */
export function writeNeo4jCsv(graph: KgGraph): Neo4jCsv {
  assertDirected(graph, 'writeNeo4jCsv');
  const context = exportContext(graph);
  const d = pickDelimiter(graph);

  const nodes = new TextBuilder();
  const nodeHeader = ['id:ID', ':LABEL', 'label:string', ...NODE_COLUMNS.map((c) => `${c.id}:${CSV_TYPES[c.type]}`), 'x:double', 'y:double'];
  nodes.push(`${nodeHeader.join(',')}\n`);
  graph.forEachNode((node, a) => {
    const row = [csvString(node), csvString(`${ENTITY_LABEL}${d}${neo4jLabel(String(a.type))}`)];
    row.push(typeof a.label === 'string' && a.label !== '' ? csvString(a.label) : '');
    for (const c of NODE_COLUMNS) row.push(csvValue(c.type, c.value(a, context), d));
    const hasPosition = typeof a.x === 'number' && typeof a.y === 'number' && Number.isFinite(a.x) && Number.isFinite(a.y);
    row.push(hasPosition ? String(a.x) : '', hasPosition ? String(a.y) : '');
    nodes.push(`${row.join(',')}\n`);
  });

  const relationships = new TextBuilder();
  const relHeader = [':START_ID', ':END_ID', ':TYPE', 'id:string', 'weight:double', ...EDGE_COLUMNS.map((c) => `${c.id}:${CSV_TYPES[c.type]}`)];
  relationships.push(`${relHeader.join(',')}\n`);
  graph.forEachEdge((edge, a, source, target) => {
    const row = [csvString(source), csvString(target), csvString(neo4jRelationshipType(String(a.relation))), csvString(edge), String(exportWeight(a))];
    for (const c of EDGE_COLUMNS) row.push(csvValue(c.type, c.value(a, context), d));
    relationships.push(`${row.join(',')}\n`);
  });

  return { nodes: nodes.toString(), relationships: relationships.toString(), arrayDelimiter: d };
}

/** The shell argument for an array delimiter: `;` and `|` as they are, others as U+XXXX. */
function delimiterArgument(d: string): string {
  return d === ';' || d === '|' ? `'${d}'` : `U+${d.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The neo4j-admin (Neo4j 5) command that imports the two files into database
 * `database`, which must be stopped. The database name comes first: after the
 * multi-valued --nodes/--relationships options it would be read as a file.
 */
export function neo4jImportCommand(nodesPath: string, relationshipsPath: string, arrayDelimiter = ';', database = 'neo4j'): string {
  const q = (p: string) => (/^[\w./:@%+-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  return [
    'neo4j-admin database import full',
    database,
    `--nodes=${q(nodesPath)}`,
    `--relationships=${q(relationshipsPath)}`,
    `--array-delimiter=${delimiterArgument(arrayDelimiter)}`,
    '--multiline-fields=true',
    '--overwrite-destination=true',
  ].join(' ');
}

// ---- Cypher ----

/** A Cypher string literal: double-quoted, with backslash escapes for `\`, `"` and control characters. */
export function cypherString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd'; // an unpaired surrogate cannot be written as UTF-8
    else out += ch;
  }
  return `${out}"`;
}

/** A Cypher identifier in backticks (labels, relationship types). */
function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function cypherFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return `${v}.0`;
  return String(v).replace('e+', 'e');
}

function cypherValue(type: ColumnType, v: ColumnValue): string {
  if (type === 'liststring') return `[${(v as readonly string[]).map(cypherString).join(', ')}]`;
  if (type === 'integer') return String(Math.round(v as number));
  if (type === 'double') return cypherFloat(v as number);
  return cypherString(v as string);
}

function cypherMap(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/**
 * A Cypher script for a running Neo4j: a uniqueness constraint on `Entity.id`, one
 * MERGE per node, one MATCH…MERGE per relationship (keyed by the edge id, so
 * running it twice changes nothing). Run with `cypher-shell -f graph.cypher`.
 */
export function writeCypher(graph: KgGraph): string {
  assertDirected(graph, 'writeCypher');
  const context = exportContext(graph);
  const out = new TextBuilder();
  const entity = cypherName(ENTITY_LABEL);
  out.push(`// kg export: ${graph.order} nodes, ${graph.size} relationships. Run: cypher-shell -u neo4j -p <password> -f <this file>\n`);
  out.push(`CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:${entity}) REQUIRE n.id IS UNIQUE;\n`);
  graph.forEachNode((node, a) => {
    const props: [string, string][] = [];
    if (typeof a.label === 'string' && a.label !== '') props.push(['label', cypherString(a.label)]);
    for (const c of NODE_COLUMNS) {
      const v = c.value(a, context);
      if (v !== undefined) props.push([c.id, cypherValue(c.type, v)]);
    }
    if (typeof a.x === 'number' && typeof a.y === 'number' && Number.isFinite(a.x) && Number.isFinite(a.y)) {
      props.push(['x', cypherFloat(a.x)], ['y', cypherFloat(a.y)]);
    }
    out.push(`MERGE (n:${entity} {id: ${cypherString(node)}}) SET n:${cypherName(neo4jLabel(String(a.type)))}, n += ${cypherMap(props)};\n`);
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    const props: [string, string][] = [['weight', cypherFloat(exportWeight(attrs))]];
    for (const c of EDGE_COLUMNS) {
      const v = c.value(attrs, context);
      if (v !== undefined) props.push([c.id, cypherValue(c.type, v)]);
    }
    const type = cypherName(neo4jRelationshipType(String(attrs.relation)));
    out.push(
      `MATCH (a:${entity} {id: ${cypherString(source)}}), (b:${entity} {id: ${cypherString(target)}}) ` +
        `MERGE (a)-[r:${type} {id: ${cypherString(edge)}}]->(b) SET r += ${cypherMap(props)};\n`,
    );
  });
  return out.toString();
}
