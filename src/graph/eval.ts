import { InputError } from '../extract/errors.ts';
import { normalizeName } from '../extract/normalize-name.ts';
import { SYMMETRIC_RELATIONS } from '../extract/types.ts';
import type { KgGraph, NodeAttributes } from './types.ts';

/** The gold format `kg-gold/1` (../shared/eval/GOLD-FORMAT.md). */
export interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
  value?: number;
  value_max?: number;
  unit?: string;
  optional?: boolean;
}
export interface GoldRelation {
  source: string;
  relation: string;
  target: string;
  optional?: boolean;
  alt?: { source: string; relation: string; target: string }[];
}
export interface GoldFile {
  format: string;
  docs: Record<string, { entities: GoldEntity[]; relations: GoldRelation[] }>;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface DocReport {
  doc: string;
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
  /**
   * Why each missed relation was missed (parallel to missedRelations): "entity" (an end was not found),
   * "label" (a typed link between the ends has another relation), "syntax" (both ends share a sentence
   * and no typed link joins them there: a parse or a rule is missing), "coreference" (both ends found,
   * never in one sentence: one of them is named there only through "le groupe", "il", "son").
   */
  missedWhy: MissedWhy[];
  spuriousRelations: string[];
}

export interface MissedWhy {
  category: 'entity' | 'label' | 'syntax' | 'coreference';
  detail: string;
  /** The sentence both ends share (its offsets in the document, and its text when the graph keeps texts). */
  sentence?: { start: number; end: number; text?: string };
}

export interface EvalReport {
  entitiesByType: Record<string, Score>;
  entities: Score;
  relationsLabeled: Score;
  relationsUnlabeled: Score;
  docs: DocReport[];
}

export function parseGold(text: string, source = 'gold file'): GoldFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source} is not JSON (${(error as Error).message}).`);
  }
  const gold = data as GoldFile;
  if (!gold || typeof gold !== 'object' || !gold.docs || typeof gold.docs !== 'object') {
    throw new InputError(`${source} is not a kg-gold/1 file: expected {"format": "kg-gold/1", "docs": {…}}.`);
  }
  for (const [doc, d] of Object.entries(gold.docs)) {
    if (!Array.isArray(d.entities) || !Array.isArray(d.relations)) throw new InputError(`${source}: document "${doc}" needs "entities" and "relations" lists.`);
  }
  return gold;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const names = (n: NodeAttributes) => [n.label, ...n.aliases].map(normalizeName);
const goldNames = (g: GoldEntity) => [g.name, ...(g.aliases ?? [])].map(normalizeName);

function entityMatches(node: NodeAttributes, gold: GoldEntity, typed: boolean): boolean {
  if (typed && node.type !== gold.type) return false;
  if (gold.type === 'figure' || node.type === 'figure') {
    if (gold.value === undefined || node.value === undefined) return false;
    if (node.value !== gold.value) return false;
    if (node.value_max !== undefined && gold.value_max !== undefined && node.value_max !== gold.value_max) return false;
    return true;
  }
  const g = new Set(goldNames(gold));
  return names(node).some((n) => g.has(n));
}

/** Scores a graph against a gold file with the matching rules of GOLD-FORMAT.md (one prediction per gold item). */
export function evaluateGraph(graph: KgGraph, gold: GoldFile): EvalReport {
  const byType = new Map<string, Counts>();
  const count = (type: string) => {
    let c = byType.get(type);
    if (!c) byType.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const labeled: Counts = { tp: 0, fp: 0, fn: 0 };
  const unlabeled: Counts = { tp: 0, fp: 0, fn: 0 };
  const docs: DocReport[] = [];

  for (const [docId, goldDoc] of Object.entries(gold.docs)) {
    const report: DocReport = { doc: docId, missedEntities: [], spuriousEntities: [], missedRelations: [], missedWhy: [], spuriousRelations: [] };
    const nodes = graph.filterNodes((_, a) => a.mentions.some((m) => m.doc === docId));
    // entities: non-optional gold first, then optional ones absorb what they match
    const used = new Set<string>();
    const ordered = [...goldDoc.entities.filter((g) => !g.optional), ...goldDoc.entities.filter((g) => g.optional)];
    for (const g of ordered) {
      const hit = nodes.find((n) => !used.has(n) && entityMatches(graph.getNodeAttributes(n), g, true));
      if (hit) {
        used.add(hit);
        if (!g.optional) count(g.type).tp++;
      } else if (!g.optional) {
        count(g.type).fn++;
        report.missedEntities.push(`${g.type} ${g.name}`);
      }
    }
    for (const n of nodes) {
      if (used.has(n)) continue;
      const a = graph.getNodeAttributes(n);
      count(a.type).fp++;
      report.spuriousEntities.push(`${a.type} ${a.label}${a.type === 'figure' ? ` (${a.value}${a.value_max !== undefined ? `–${a.value_max}` : ''} ${a.unit ?? ''})` : ''}`);
    }

    // relations
    const goldEntity = (name: string): GoldEntity => {
      const k = normalizeName(name);
      return goldDoc.entities.find((g) => goldNames(g).includes(k)) ?? { name, type: '' };
    };
    const endMatches = (node: string, name: string) => entityMatches(graph.getNodeAttributes(node), goldEntity(name), false);
    const edges = graph.filterEdges((_, a) => a.relation !== 'co_occurs' && a.evidence.some((e) => e.doc === docId));
    for (const mode of ['labeled', 'unlabeled'] as const) {
      const counts = mode === 'labeled' ? labeled : unlabeled;
      const usedEdges = new Set<string>();
      const orderedRel = [...goldDoc.relations.filter((r) => !r.optional), ...goldDoc.relations.filter((r) => r.optional)];
      for (const r of orderedRel) {
        const forms = [r, ...(r.alt ?? [])];
        const hit = edges.find((e) => {
          if (usedEdges.has(e)) return false;
          const a = graph.getEdgeAttributes(e);
          const s = graph.source(e);
          const t = graph.target(e);
          return forms.some((f) => {
            const forward = endMatches(s, f.source) && endMatches(t, f.target);
            const backward = endMatches(s, f.target) && endMatches(t, f.source);
            if (mode === 'unlabeled') return forward || backward;
            if (a.relation !== f.relation) return false;
            return forward || (SYMMETRIC_RELATIONS.has(a.relation) && backward);
          });
        });
        if (hit) {
          usedEdges.add(hit);
          if (!r.optional) counts.tp++;
        } else if (!r.optional) {
          counts.fn++;
          if (mode === 'labeled') {
            report.missedRelations.push(`${r.source} -${r.relation}-> ${r.target}`);
            report.missedWhy.push(whyMissed(graph, docId, nodes, endMatches, r));
          }
        }
      }
      for (const e of edges) {
        if (usedEdges.has(e)) continue;
        counts.fp++;
        if (mode === 'labeled') {
          const a = graph.getEdgeAttributes(e);
          report.spuriousRelations.push(`${graph.getNodeAttribute(graph.source(e), 'label')} -${a.relation}-> ${graph.getNodeAttribute(graph.target(e), 'label')} [${a.pattern}]`);
        }
      }
    }
    docs.push(report);
  }
  const entitiesByType: Record<string, Score> = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of [...byType.entries()].sort()) {
    entitiesByType[type] = score(c.tp, c.fp, c.fn);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return {
    entitiesByType,
    entities: score(total.tp, total.fp, total.fn),
    relationsLabeled: score(labeled.tp, labeled.fp, labeled.fn),
    relationsUnlabeled: score(unlabeled.tp, unlabeled.fp, unlabeled.fn),
    docs,
  };
}

/** The sentence around a position of a text: from after the previous ". ", "! ", "? " or line break to the next. */
function sentenceSpan(text: string, pos: number): { start: number; end: number } {
  const boundary = /[.!?]["»”)]?(?=\s|\p{Lu})|\n/gu;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(boundary)) {
    const after = m.index! + m[0].length;
    if (after <= pos) start = after;
    else {
      end = after;
      break;
    }
  }
  return { start, end };
}

/** Sorts a missed gold relation into entity, label, syntax or coreference (see DocReport.missedWhy). */
function whyMissed(graph: KgGraph, docId: string, nodes: string[], endMatches: (node: string, name: string) => boolean, r: GoldRelation): MissedWhy {
  const sources = nodes.filter((n) => endMatches(n, r.source));
  const targets = nodes.filter((n) => endMatches(n, r.target));
  if (!sources.length || !targets.length) {
    const which = !sources.length && !targets.length ? 'neither end' : !sources.length ? `source "${r.source}"` : `target "${r.target}"`;
    return { category: 'entity', detail: `${which} not found in the document` };
  }
  const between = graph.filterEdges((e, a) => {
    const [s, t] = [graph.source(e), graph.target(e)];
    return ((sources.includes(s) && targets.includes(t)) || (sources.includes(t) && targets.includes(s))) && a.evidence.some((x) => x.doc === docId);
  });
  const typed = between.map((e) => graph.getEdgeAttributes(e)).filter((a) => a.relation !== 'co_occurs');
  if (typed.length) return { category: 'label', detail: `found as ${[...new Set(typed.map((a) => a.relation))].join(', ')}` };
  const together = between.map((e) => graph.getEdgeAttributes(e)).find((a) => a.relation === 'co_occurs');
  const text = (graph.getAttribute('texts') as Record<string, string> | undefined)?.[docId];
  let shared: { start: number; end: number } | undefined = together?.evidence.find((x) => x.doc === docId);
  if (!shared && text !== undefined) {
    // figures have no co-occurrence links: find a sentence of the text holding a mention of each end
    const sentenceAt = (pos: number) => sentenceSpan(text, pos);
    const spans = (ns: string[]) => ns.flatMap((n) => (graph.getNodeAttribute(n, 'mentions') as { doc: string; start: number }[]).filter((m) => m.doc === docId).map((m) => sentenceAt(m.start)));
    const targetSpans = new Set(spans(targets).map((x) => `${x.start}:${x.end}`));
    shared = spans(sources).find((x) => targetSpans.has(`${x.start}:${x.end}`));
  }
  if (shared) {
    const sentence = text !== undefined ? text.slice(shared.start, shared.end) : undefined;
    return { category: 'syntax', detail: 'both ends in one sentence, no typed link there', sentence: { start: shared.start, end: shared.end, ...(sentence !== undefined ? { text: sentence } : {}) } };
  }
  return { category: 'coreference', detail: 'both ends found, never named in one sentence' };
}

export function formatReport(report: EvalReport, verbose = false): string {
  const row = (name: string, s: Score) =>
    `${name.padEnd(22)} ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}   ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`;
  const lines = [`${''.padEnd(22)} P      R      F1      TP   FP   FN`];
  for (const [type, s] of Object.entries(report.entitiesByType)) lines.push(row(`  ${type}`, s));
  lines.push(row('entities (typed)', report.entities));
  lines.push(row('relations (labeled)', report.relationsLabeled));
  lines.push(row('relations (unlabeled)', report.relationsUnlabeled));
  if (verbose) {
    for (const d of report.docs) {
      lines.push('', `== ${d.doc}`);
      for (const x of d.missedEntities) lines.push(`  missed entity    ${x}`);
      for (const x of d.spuriousEntities) lines.push(`  spurious entity  ${x}`);
      d.missedRelations.forEach((x, i) => {
        const why = d.missedWhy[i];
        lines.push(`  missed relation  ${x}${why ? `  [${why.category}: ${why.detail}${why.sentence ? ` at ${why.sentence.start}–${why.sentence.end}` : ''}]` : ''}`);
        // document text reaches the terminal without control or direction characters
        if (why?.sentence?.text !== undefined) lines.push(`                   « ${why.sentence.text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim()} »`);
      });
      for (const x of d.spuriousRelations) lines.push(`  spurious relation ${x}`);
    }
  }
  return lines.join('\n');
}
