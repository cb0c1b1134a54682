import { BENCH_TYPES, type BenchType, type Counts, type FnClass, type FpClass, type GoldChunk, type GoldDocument, type PredictedSpan, type Prf } from './types.ts';

/** The part of an extraction the benchmark reads: each mention of an entity is one predicted span. */
export interface ExtractionLike {
  entities: ReadonlyArray<{
    type: string;
    label: string;
    mentions: ReadonlyArray<{ doc: string; start: number; end: number }>;
  }>;
}

const WHITE = /\s/;

function isBenchType(type: string): type is BenchType {
  return (BENCH_TYPES as readonly string[]).includes(type);
}

/**
 * The predicted spans of one document: every mention (of this document) of a
 * person, organization or place, trimmed of white space, duplicates (same span,
 * same type) removed. Mentions outside the text or empty after trimming are
 * counted as invalid and dropped.
 */
export function predictedSpans(extraction: ExtractionLike, doc: Pick<GoldDocument, 'id' | 'text'>): { spans: PredictedSpan[]; invalid: number } {
  const seen = new Set<string>();
  const spans: PredictedSpan[] = [];
  let invalid = 0;
  for (const entity of extraction.entities) {
    if (!isBenchType(entity.type)) continue;
    for (const mention of entity.mentions) {
      if (mention.doc !== doc.id) continue;
      let { start, end } = mention;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) {
        invalid += 1;
        continue;
      }
      while (start < end && WHITE.test(doc.text.charAt(start))) start += 1;
      while (end > start && WHITE.test(doc.text.charAt(end - 1))) end -= 1;
      if (start === end) {
        invalid += 1;
        continue;
      }
      const key = `${start}:${end}:${entity.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ start, end, type: entity.type, label: entity.label });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { spans, invalid };
}

export type TypeCounts = Record<BenchType, Counts>;

export function emptyTypeCounts(): TypeCounts {
  return { person: { tp: 0, fp: 0, fn: 0 }, organization: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
}

export interface FalsePositive {
  span: PredictedSpan;
  cls: FpClass;
  /** Gold chunks it overlaps. */
  overlaps: GoldChunk[];
}

export interface FalseNegative {
  chunk: GoldChunk & { type: BenchType };
  cls: FnClass;
  /** Predicted spans it overlaps. */
  overlaps: PredictedSpan[];
}

export interface DocumentScore {
  strict: TypeCounts;
  overlap: TypeCounts;
  /** Span detection whatever the type: distinct predicted spans (of the three types) against the scored gold chunks. */
  untyped: { strict: Counts; overlap: Counts };
  predictions: number;
  /** Predictions whose start or end is not a token boundary of the gold file. */
  unaligned: number;
  falsePositives: FalsePositive[];
  falseNegatives: FalseNegative[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const sameSpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;

/**
 * Scores one document. Strict: a prediction is a true positive when a gold chunk
 * of the same type has exactly its characters. Overlap: predictions and gold
 * chunks of the same type that share at least one character are paired one to
 * one (exact pairs first, then the largest overlaps), so a gold chunk found as two
 * pieces gives one true positive and one false positive. Gold chunks of ignored
 * types (MISC, prod, time, pers.coll) are not scored: a prediction on one is a
 * false positive, classed `ignored-gold`.
 */
export function scoreDocument(doc: Pick<GoldDocument, 'tokens' | 'chunks'>, spans: readonly PredictedSpan[]): DocumentScore {
  const gold = doc.chunks.filter((c): c is GoldChunk & { type: BenchType } => c.type !== null);
  const strict = emptyTypeCounts();
  const overlap = emptyTypeCounts();

  const { strictPred, strictGold, overlapPred } = matchSpans(gold, spans, true);

  // Span detection whatever the type: distinct predicted spans against the scored gold chunks.
  const distinct = [...new Map(spans.map((p) => [`${p.start}:${p.end}`, p])).values()];
  const anyType = matchSpans(gold, distinct, false);
  const untyped = {
    strict: { tp: anyType.strictPred.size, fp: distinct.length - anyType.strictPred.size, fn: gold.length - anyType.strictPred.size },
    overlap: { tp: anyType.overlapPred.size, fp: distinct.length - anyType.overlapPred.size, fn: gold.length - anyType.overlapPred.size },
  };

  for (const type of BENCH_TYPES) {
    const nGold = gold.filter((g) => g.type === type).length;
    const nPred = spans.filter((p) => p.type === type).length;
    const tpStrict = [...strictPred].filter((i) => spans[i]?.type === type).length;
    const tpOverlap = [...overlapPred].filter((i) => spans[i]?.type === type).length;
    strict[type] = { tp: tpStrict, fp: nPred - tpStrict, fn: nGold - tpStrict };
    overlap[type] = { tp: tpOverlap, fp: nPred - tpOverlap, fn: nGold - tpOverlap };
  }

  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  const unaligned = spans.filter((p) => !starts.has(p.start) || !ends.has(p.end)).length;

  const falsePositives: FalsePositive[] = [];
  spans.forEach((p, i) => {
    if (strictPred.has(i)) return;
    const hit = doc.chunks.filter((c) => overlaps(c, p));
    falsePositives.push({ span: p, cls: classifyFalsePositive(p, hit), overlaps: hit });
  });
  const falseNegatives: FalseNegative[] = [];
  gold.forEach((g, i) => {
    if (strictGold.has(i)) return;
    const hit = spans.filter((p) => overlaps(p, g));
    falseNegatives.push({ chunk: g, cls: classifyFalseNegative(g, hit), overlaps: hit });
  });

  return { strict, overlap, untyped, predictions: spans.length, unaligned, falsePositives, falseNegatives };
}

/**
 * Pairs predictions with gold chunks one to one. Strict pairs have the same
 * characters; overlap pairs share at least one character, exact pairs first, then
 * the largest overlaps, so every strict pair is also an overlap pair. With
 * `typed`, only chunks and predictions of the same type pair.
 */
function matchSpans(gold: ReadonlyArray<GoldChunk & { type: BenchType }>, spans: readonly PredictedSpan[], typed: boolean) {
  const key = (x: { start: number; end: number; type: BenchType }) => (typed ? `${x.start}:${x.end}:${x.type}` : `${x.start}:${x.end}`);
  const goldByKey = new Map<string, number>();
  gold.forEach((g, i) => goldByKey.set(key(g), i));
  const strictGold = new Set<number>();
  const strictPred = new Set<number>();
  spans.forEach((p, i) => {
    const g = goldByKey.get(key(p));
    if (g !== undefined && !strictGold.has(g)) {
      strictGold.add(g);
      strictPred.add(i);
    }
  });

  const pairs: Array<{ g: number; p: number; exact: boolean; size: number }> = [];
  gold.forEach((g, gi) => {
    spans.forEach((p, pi) => {
      if ((!typed || p.type === g.type) && overlaps(p, g)) {
        pairs.push({ g: gi, p: pi, exact: sameSpan(p, g), size: Math.min(p.end, g.end) - Math.max(p.start, g.start) });
      }
    });
  });
  pairs.sort((a, b) => Number(b.exact) - Number(a.exact) || b.size - a.size || a.g - b.g || a.p - b.p);
  const overlapGold = new Set<number>();
  const overlapPred = new Set<number>();
  for (const pair of pairs) {
    if (overlapGold.has(pair.g) || overlapPred.has(pair.p)) continue;
    overlapGold.add(pair.g);
    overlapPred.add(pair.p);
  }
  return { strictGold, strictPred, overlapPred };
}

function classifyFalsePositive(p: PredictedSpan, hit: readonly GoldChunk[]): FpClass {
  const scored = hit.filter((c) => c.type !== null);
  if (scored.some((c) => sameSpan(c, p))) return 'wrong-type';
  if (scored.some((c) => c.type === p.type)) return 'boundary';
  if (scored.length > 0) return 'boundary-and-type';
  if (hit.length > 0) return 'ignored-gold';
  return 'spurious';
}

function classifyFalseNegative(g: GoldChunk & { type: BenchType }, hit: readonly PredictedSpan[]): FnClass {
  if (hit.some((p) => sameSpan(p, g))) return 'wrong-type';
  if (hit.some((p) => p.type === g.type)) return 'boundary';
  if (hit.length > 0) return 'boundary-and-type';
  return 'missed';
}

export function addCounts(into: Counts, add: Counts): void {
  into.tp += add.tp;
  into.fp += add.fp;
  into.fn += add.fn;
}

/** Precision, recall and F1 of counts; 0 where undefined (no prediction, no gold). */
export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}
