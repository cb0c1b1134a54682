/**
 * The flat view of a kg graph that every export format writes: one typed column
 * per attribute, declared once as data. GEXF, GraphML, the Neo4j CSV files and the
 * Cypher script all read their attributes from these lists, so they agree on names,
 * types and what "no value" means (nothing is written).
 */
import type { EdgeAttributes, KgGraph, Mention, NodeAttributes } from '../types.ts';

export type ColumnType = 'string' | 'integer' | 'double' | 'liststring';
export type ColumnValue = string | number | readonly string[];

/** What a column may need beyond the element's own attributes. */
export interface ExportContext {
  /** Original texts by document id, when the graph keeps them. */
  texts: Readonly<Record<string, string>> | undefined;
}

export interface Column<A> {
  /** Attribute name in every format (GEXF attribute id, GraphML attr.name, CSV header, Cypher property). */
  id: string;
  type: ColumnType;
  description: string;
  /** The value, or undefined when the element has none: empty strings, empty lists and non-finite numbers count as none. */
  value: (attrs: A, context: ExportContext) => ColumnValue | undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: readonly unknown[] | undefined): readonly string[] | undefined => {
  if (!Array.isArray(v)) return undefined;
  const items = v.filter((x): x is string => typeof x === 'string' && x !== '');
  return items.length > 0 ? items : undefined;
};

/** Distinct document ids of a list of spans, in first-seen order. */
export function documentsOf(spans: readonly Mention[] | undefined): string[] | undefined {
  if (!Array.isArray(spans) || spans.length === 0) return undefined;
  if (spans.length === 1) return typeof spans[0]?.doc === 'string' && spans[0].doc !== '' ? [spans[0].doc] : undefined;
  const seen = new Set<string>();
  for (const s of spans) if (typeof s?.doc === 'string' && s.doc !== '') seen.add(s.doc);
  return seen.size > 0 ? [...seen] : undefined;
}

/** The text of the first span whose document text is kept and whose offsets fit it. */
export function firstEvidenceText(spans: readonly Mention[] | undefined, context: ExportContext): string | undefined {
  const texts = context.texts;
  if (!texts || !Array.isArray(spans)) return undefined;
  for (const s of spans) {
    const doc = texts[s?.doc];
    if (typeof doc !== 'string') continue;
    const { start, end } = s;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= doc.length) {
      return doc.slice(start, end);
    }
  }
  return undefined;
}

export const NODE_COLUMNS: readonly Column<NodeAttributes>[] = [
  { id: 'type', type: 'string', description: 'entity type', value: (a) => text(a.type) },
  { id: 'aliases', type: 'liststring', description: 'other names of the entity', value: (a) => list(a.aliases) },
  { id: 'mention_count', type: 'integer', description: 'mentions in all documents', value: (a) => (Array.isArray(a.mentions) ? a.mentions.length : undefined) },
  { id: 'documents', type: 'liststring', description: 'documents that mention it', value: (a) => documentsOf(a.mentions) },
  { id: 'value', type: 'double', description: 'figures: the amount', value: (a) => num(a.value) },
  { id: 'value_max', type: 'double', description: 'figures: upper bound of a range', value: (a) => num(a.value_max) },
  { id: 'unit', type: 'string', description: 'figures: unit or currency', value: (a) => text(a.unit) },
];

export const EDGE_COLUMNS: readonly Column<EdgeAttributes>[] = [
  { id: 'relation', type: 'string', description: 'relation name', value: (a) => text(a.relation) },
  { id: 'evidence_count', type: 'integer', description: 'sentences the relation was read from', value: (a) => (Array.isArray(a.evidence) ? a.evidence.length : undefined) },
  { id: 'sentence', type: 'string', description: 'first evidence sentence', value: (a, c) => firstEvidenceText(a.evidence, c) },
  { id: 'documents', type: 'liststring', description: 'documents of the evidence', value: (a) => documentsOf(a.evidence) },
  { id: 'pattern', type: 'string', description: 'id of the rule that found it', value: (a) => text(a.pattern) },
];

/**
 * The edge weight every format writes: the stored weight when it is a positive
 * finite number, else the evidence count, else 1. Gephi drops edges of weight 0.
 */
export function exportWeight(attrs: EdgeAttributes): number {
  const w = attrs.weight;
  if (typeof w === 'number' && Number.isFinite(w) && w > 0) return w;
  const n = Array.isArray(attrs.evidence) ? attrs.evidence.length : 0;
  return n > 0 ? n : 1;
}

export function exportContext(graph: KgGraph): ExportContext {
  const texts = graph.getAttribute('texts');
  return { texts: texts && typeof texts === 'object' ? texts : undefined };
}
