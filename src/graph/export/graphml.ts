/**
 * GraphML for yEd, Cytoscape, NetworkX, igraph and Gephi. Pure (no Node APIs).
 * graphology-graphml only parses, so the writer is here; graphology-graphml and
 * NetworkX read it back in the tests. Attributes are the shared columns
 * (columns.ts) plus label, weight, position, size and colour as r/g/b integers,
 * the names Gephi and graphology-graphml map to their own. GraphML has no list
 * type: lists are JSON arrays in a string.
 */
import { InputError } from '../../extract/errors.ts';
import type { KgGraph } from '../types.ts';
import { EDGE_COLUMNS, NODE_COLUMNS, exportContext, exportWeight, type ColumnType, type ColumnValue } from './columns.ts';
import { FALLBACK_COLOR, TYPE_COLORS, hexToRgb, isHexColor } from './palette.ts';
import { TextBuilder } from './text-builder.ts';
import { XmlIdMap, escapeAttribute, escapeText } from './xml.ts';

const GRAPHML_TYPES: Record<ColumnType, string> = { string: 'string', integer: 'int', double: 'double', liststring: 'string' };

interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: string;
}

const GRAPH_KEYS: Key[] = [
  { id: 'g_kg_version', for: 'graph', name: 'kg_version', type: 'string' },
  { id: 'g_built_at', for: 'graph', name: 'built_at', type: 'string' },
  { id: 'g_documents', for: 'graph', name: 'documents', type: 'string' },
];
const NODE_KEYS: Key[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  ...NODE_COLUMNS.map((c): Key => ({ id: `n_${c.id}`, for: 'node', name: c.id, type: GRAPHML_TYPES[c.type] })),
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'n_r', for: 'node', name: 'r', type: 'int' },
  { id: 'n_g', for: 'node', name: 'g', type: 'int' },
  { id: 'n_b', for: 'node', name: 'b', type: 'int' },
];
const EDGE_KEYS: Key[] = [
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
  ...EDGE_COLUMNS.map((c): Key => ({ id: `e_${c.id}`, for: 'edge', name: c.id, type: GRAPHML_TYPES[c.type] })),
];

function formatValue(type: ColumnType, value: ColumnValue): string {
  if (type === 'liststring') return JSON.stringify(value);
  if (type === 'integer') return String(Math.round(value as number));
  return String(value);
}

/** Writes the graph as GraphML (directed, parallel edges kept, every edge with its id). */
export function writeGraphml(graph: KgGraph): string {
  if (graph.undirectedSize > 0) {
    throw new InputError(`writeGraphml: the graph has ${graph.undirectedSize} undirected edges; kg graphs are directed. Rebuild it with "kg build".`);
  }
  const context = exportContext(graph);
  const nodeIds = new XmlIdMap((id) => graph.hasNode(id));
  const edgeIds = new XmlIdMap((id) => graph.hasEdge(id));
  const out = new TextBuilder();
  const data = (key: string, value: string, indent = '      ') => `\n${indent}<data key="${key}">${escapeText(value)}</data>`;

  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const k of [...GRAPH_KEYS, ...NODE_KEYS, ...EDGE_KEYS]) {
    out.push(`\n  <key id="${k.id}" for="${k.for}" attr.name="${escapeAttribute(k.name)}" attr.type="${k.type}"/>`);
  }
  out.push('\n  <graph id="kg" edgedefault="directed">');
  const attrs = graph.getAttributes();
  const documents = Array.isArray(attrs.documents) ? attrs.documents.map((d) => d?.id).filter((id) => typeof id === 'string') : [];
  if (typeof attrs.version === 'string' && attrs.version !== '') out.push(data('g_kg_version', attrs.version, '    '));
  if (typeof attrs.builtAt === 'string' && attrs.builtAt !== '') out.push(data('g_built_at', attrs.builtAt, '    '));
  out.push(data('g_documents', JSON.stringify(documents), '    '));

  graph.forEachNode((node, a) => {
    let s = `\n    <node id="${escapeAttribute(nodeIds.id(node))}">`;
    if (typeof a.label === 'string' && a.label !== '') s += data('n_label', a.label);
    for (const c of NODE_COLUMNS) {
      const v = c.value(a, context);
      if (v !== undefined) s += data(`n_${c.id}`, formatValue(c.type, v));
    }
    if (typeof a.x === 'number' && typeof a.y === 'number' && Number.isFinite(a.x) && Number.isFinite(a.y)) {
      s += data('n_x', String(a.x)) + data('n_y', String(a.y));
    }
    const hex = TYPE_COLORS[a.type];
    const { r, g, b } = hexToRgb(isHexColor(hex) ? hex : FALLBACK_COLOR);
    s += data('n_r', String(r)) + data('n_g', String(g)) + data('n_b', String(b));
    out.push(`${s}\n    </node>`);
  });

  graph.forEachEdge((edge, a, source, target) => {
    let s = `\n    <edge id="${escapeAttribute(edgeIds.id(edge))}" source="${escapeAttribute(nodeIds.id(source))}" target="${escapeAttribute(nodeIds.id(target))}">`;
    s += data('e_label', String(a.relation));
    s += data('e_weight', String(exportWeight(a)));
    for (const c of EDGE_COLUMNS) {
      const v = c.value(a, context);
      if (v !== undefined) s += data(`e_${c.id}`, formatValue(c.type, v));
    }
    out.push(`${s}\n    </edge>`);
  });
  out.push(`\n  </graph>\n</graphml>\n`);
  return out.toString();
}
