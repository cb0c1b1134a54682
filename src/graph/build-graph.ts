import type { DocumentExtraction, ExtractedEntity, Mention } from '../extract/types.ts';
import { SYMMETRIC_RELATIONS } from '../extract/types.ts';
import { normalizeName } from '../extract/normalize-name.ts';
import { createGraph } from './serialize.ts';
import type { GraphAttributes, KgGraph, NodeAttributes } from './types.ts';
import { VERSION } from './version.ts';

export interface BuildGraphOptions {
  /** Keep the original texts in the graph attributes (the page shows evidence from them). */
  keepTexts?: boolean;
  /** Texts by document id, when keepTexts is set. */
  texts?: Record<string, string>;
}

/** Builds a new graph from per-document extractions. */
export function buildGraph(extractions: DocumentExtraction[], options: BuildGraphOptions = {}): KgGraph {
  const graph = createGraph({ documents: [], builtAt: new Date().toISOString(), version: VERSION });
  addExtractions(graph, extractions, options);
  return graph;
}

/** The start of the keys of the nodes that belong to one document: "figure:a.txt:", "programme:a.txt:". */
function documentScope(type: string, doc: string): string {
  return `${type}:${doc}:`;
}

function nodeKeyFor(entity: ExtractedEntity, doc: string): string {
  if (entity.type === 'figure') {
    const range = entity.value_max !== undefined ? `-${entity.value_max}` : '';
    return `${documentScope('figure', doc)}${entity.value}${range}:${normalizeName(entity.unit ?? '')}`;
  }
  if (entity.local) return `${documentScope(entity.type, doc)}${normalizeName(entity.label)}`;
  return `${entity.type}:${normalizeName(entity.label)}`;
}

/** Figures and common-noun programmes ("plan social") belong to their document: they never merge across documents. */
function mergesAcrossDocuments(entity: ExtractedEntity): boolean {
  return entity.type !== 'figure' && !entity.local;
}

function mentionKey(m: Mention): string {
  return `${m.doc}:${m.start}:${m.end}`;
}

const nameIndexes = new WeakMap<KgGraph, { index: Map<string, string>; order: number }>();

/**
 * An index from normalised names to node keys, per type, over an existing graph.
 * Kept beside the graph and reused while only addExtractions changes it, so that
 * adding documents one by one stays linear.
 */
function indexNames(graph: KgGraph): Map<string, string> {
  const cached = nameIndexes.get(graph);
  if (cached && cached.order === graph.order) return cached.index;
  const index = new Map<string, string>();
  graph.forEachNode((key, attrs) => {
    if (attrs.type === 'figure') return;
    // a common-noun programme's key holds its document ("programme:a.txt:plan social")
    const doc = attrs.mentions[0]?.doc;
    if (doc !== undefined && key.startsWith(documentScope(attrs.type, doc)) && attrs.mentions.every((m) => m.doc === doc)) return;
    for (const name of [attrs.label, ...attrs.aliases]) {
      const k = `${attrs.type}:${normalizeName(name)}`;
      if (!index.has(k)) index.set(k, key);
    }
  });
  nameIndexes.set(graph, { index, order: graph.order });
  return index;
}

/**
 * Merges extractions into a graph: an entity joins the node of the same type that
 * shares one of its names (label or alias), across documents; figures and common-noun
 * programmes never merge across documents. Relations between the same ends with the same name become one
 * edge whose evidence lists every sentence. Re-adding a document replaces nothing:
 * mentions and evidence already present are not duplicated.
 */
export function addExtractions(graph: KgGraph, extractions: DocumentExtraction[], options: BuildGraphOptions = {}): KgGraph {
  const names = indexNames(graph);
  const documents = [...((graph.getAttribute('documents') as GraphAttributes['documents']) ?? [])];
  const knownDocs = new Set(documents.map((d) => d.id));
  const texts: Record<string, string> = { ...((graph.getAttribute('texts') as Record<string, string> | undefined) ?? {}) };
  for (const extraction of extractions) {
    const docId = extraction.doc.id;
    const seenBefore = knownDocs.has(docId);
    const existing = seenBefore ? documents.findIndex((d) => d.id === docId) : -1;
    if (existing >= 0) documents[existing] = extraction.doc;
    else documents.push(extraction.doc);
    knownDocs.add(docId);
    if (options.keepTexts && options.texts?.[docId] !== undefined) texts[docId] = options.texts[docId]!;

    const nodeOf = new Map<string, string>();
    for (const entity of extraction.entities) {
      let key: string | undefined;
      if (mergesAcrossDocuments(entity)) {
        for (const name of [entity.label, ...entity.aliases]) {
          key = names.get(`${entity.type}:${normalizeName(name)}`);
          if (key) break;
        }
      }
      key ??= nodeKeyFor(entity, docId);
      if (!graph.hasNode(key)) {
        const attrs: NodeAttributes = { label: entity.label, type: entity.type, aliases: [], mentions: [] };
        if (entity.type === 'figure') {
          attrs.value = entity.value;
          if (entity.value_max !== undefined) attrs.value_max = entity.value_max;
          if (entity.unit !== undefined) attrs.unit = entity.unit;
        }
        graph.addNode(key, attrs);
      }
      const attrs = graph.getNodeAttributes(key);
      const known = new Set([attrs.label, ...attrs.aliases].map(normalizeName));
      for (const name of [entity.label, ...entity.aliases]) {
        if (!known.has(normalizeName(name))) {
          attrs.aliases.push(name);
          known.add(normalizeName(name));
        }
        if (mergesAcrossDocuments(entity)) {
          const k = `${entity.type}:${normalizeName(name)}`;
          if (!names.has(k)) names.set(k, key);
        }
      }
      // mentions of a document seen before may already be there; a new document's are all new
      if (seenBefore) {
        const seen = new Set(attrs.mentions.filter((m) => m.doc === docId).map(mentionKey));
        for (const m of entity.mentions) if (!seen.has(mentionKey(m))) attrs.mentions.push(m);
      } else {
        for (const m of entity.mentions) attrs.mentions.push(m);
      }
      nodeOf.set(entity.id, key);
    }

    const evidenceSeen = new Map<string, Set<string>>();
    for (const relation of extraction.relations) {
      let source = nodeOf.get(relation.source);
      let target = nodeOf.get(relation.target);
      if (!source || !target || source === target) continue;
      if (SYMMETRIC_RELATIONS.has(relation.relation) && source > target) [source, target] = [target, source];
      const edgeKey = `${source}|${relation.relation}|${target}`;
      if (!graph.hasEdge(edgeKey)) {
        graph.addEdgeWithKey(edgeKey, source, target, {
          relation: relation.relation,
          weight: 0,
          evidence: [],
          pattern: relation.pattern,
        });
      }
      const attrs = graph.getEdgeAttributes(edgeKey);
      let seenHere = evidenceSeen.get(edgeKey);
      if (!seenHere) evidenceSeen.set(edgeKey, (seenHere = new Set(seenBefore ? attrs.evidence.filter((e) => e.doc === docId).map(mentionKey) : [])));
      const k = mentionKey(relation.evidence);
      if (!seenHere.has(k)) {
        seenHere.add(k);
        attrs.evidence.push(relation.evidence);
        attrs.weight = attrs.evidence.length;
      }
    }
  }
  graph.setAttribute('documents', documents);
  if (options.keepTexts) graph.setAttribute('texts', texts);
  nameIndexes.set(graph, { index: names, order: graph.order });
  return graph;
}
