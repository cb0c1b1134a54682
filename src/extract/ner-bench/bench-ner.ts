import { UsageError } from '../errors.ts';
import { addCounts, emptyTypeCounts, predictedSpans, prf, scoreDocument, type ExtractionLike, type FalseNegative, type FalsePositive, type TypeCounts } from './score.ts';
import {
  BENCH_TYPES,
  type BenchType,
  type ErrorClassSummary,
  type ErrorExample,
  type FnClass,
  type FpClass,
  type GoldDocument,
  type GoldFile,
  type Prf,
} from './types.ts';

/** What the benchmark gives the extractor: the rebuilt text of one gold document. */
export interface BenchDocument {
  id: string;
  text: string;
}

/** Any extractor: a document in, entities with mentions out. */
export type ExtractFn = (doc: BenchDocument) => ExtractionLike;

export interface BenchOptions {
  /** Score only the first N documents. */
  limit?: number;
  /** Examples kept per error class (spread over the file); 0 keeps only counts and frequent texts. */
  examples?: number;
  /** Most frequent span texts kept per error class. */
  top?: number;
  /** Characters of context each side of an example. */
  context?: number;
  /** Called after each document. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BENCH_OPTIONS = { limit: Infinity, examples: 0, top: 12, context: 50 } as const;

export type TypeScores = Record<BenchType | 'micro', Prf>;

export interface BenchResult {
  file: string;
  format: GoldFile['format'];
  pseudoDocuments: boolean;
  documents: number;
  sentences: number;
  tokens: number;
  /** Scored gold chunks per type. */
  gold: Record<BenchType, number>;
  /** Gold chunks not scored, by label (MISC, prod, time, pers.coll…). */
  ignoredGold: Record<string, number>;
  /** Predicted spans per type (after trimming and de-duplication). */
  predictions: Record<BenchType, number>;
  /** Predictions whose start or end falls inside a gold token. */
  unaligned: number;
  /** Mentions outside the text or empty: an extractor bug if not 0. */
  invalidMentions: number;
  strict: TypeScores;
  overlap: TypeScores;
  /** Span detection whatever the type (how much of the error is typing). */
  untyped: { strict: Prf; overlap: Prf };
  falsePositives: Array<ErrorClassSummary<FpClass>>;
  falseNegatives: Array<ErrorClassSummary<FnClass>>;
  /** Error counts by type pairing: "pred organization / gold place", "gold person / missed"… */
  confusions: Array<{ key: string; count: number }>;
}

function resolveBenchOptions(options: BenchOptions): Required<Omit<BenchOptions, 'onProgress'>> & Pick<BenchOptions, 'onProgress'> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as BenchOptions;
  const merged = { ...DEFAULT_BENCH_OPTIONS, ...given };
  for (const key of ['limit', 'examples', 'top', 'context'] as const) {
    const value = merged[key];
    if (!(value === Infinity || (Number.isInteger(value) && value >= 0))) {
      throw new UsageError(`benchNer: option ${key} must be a whole number ≥ 0, got ${String(value)}.`);
    }
  }
  return merged;
}

const FP_CLASSES: readonly FpClass[] = ['spurious', 'wrong-type', 'boundary', 'boundary-and-type', 'ignored-gold'];
const FN_CLASSES: readonly FnClass[] = ['missed', 'wrong-type', 'boundary', 'boundary-and-type'];

interface Located<T> {
  doc: GoldDocument;
  error: T;
}

/**
 * Runs `extract` on each gold document in turn and scores its person,
 * organization and place mentions against the gold chunks (see scoreDocument).
 */
export function benchNer(file: GoldFile, extract: ExtractFn, options: BenchOptions = {}): BenchResult {
  const opts = resolveBenchOptions(options);
  const docs = file.documents.slice(0, opts.limit === Infinity ? undefined : opts.limit);
  const strict = emptyTypeCounts();
  const overlap = emptyTypeCounts();
  const untyped = { strict: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
  const gold: Record<BenchType, number> = { person: 0, organization: 0, place: 0 };
  const predictions: Record<BenchType, number> = { person: 0, organization: 0, place: 0 };
  const ignoredGold: Record<string, number> = {};
  let unaligned = 0;
  let invalidMentions = 0;
  let sentences = 0;
  let tokens = 0;
  const fps: Array<Located<FalsePositive>> = [];
  const fns: Array<Located<FalseNegative>> = [];

  docs.forEach((doc, index) => {
    const extraction = extract({ id: doc.id, text: doc.text });
    const { spans, invalid } = predictedSpans(extraction, doc);
    const score = scoreDocument(doc, spans);
    for (const type of BENCH_TYPES) {
      addCounts(strict[type], score.strict[type]);
      addCounts(overlap[type], score.overlap[type]);
    }
    addCounts(untyped.strict, score.untyped.strict);
    addCounts(untyped.overlap, score.untyped.overlap);
    for (const c of doc.chunks) {
      if (c.type) gold[c.type] += 1;
      else ignoredGold[c.label] = (ignoredGold[c.label] ?? 0) + 1;
    }
    for (const s of spans) predictions[s.type] += 1;
    unaligned += score.unaligned;
    invalidMentions += invalid;
    sentences += doc.sentences;
    tokens += doc.tokens.length;
    for (const error of score.falsePositives) fps.push({ doc, error });
    for (const error of score.falseNegatives) fns.push({ doc, error });
    opts.onProgress?.(index + 1, docs.length);
  });

  const example = (doc: GoldDocument, span: { start: number; end: number }, type: BenchType, other: string[]): ErrorExample => ({
    doc: doc.id,
    start: span.start,
    end: span.end,
    text: doc.text.slice(span.start, span.end),
    type,
    other,
    before: showBreaks(doc.text.slice(Math.max(0, span.start - opts.context), span.start)),
    after: showBreaks(doc.text.slice(span.end, span.end + opts.context)),
  });

  const falsePositives = FP_CLASSES.map((cls) =>
    summarise(
      cls,
      fps.filter((f) => f.error.cls === cls),
      (f) => f.doc.text.slice(f.error.span.start, f.error.span.end),
      (f) => example(f.doc, f.error.span, f.error.span.type, f.error.overlaps.map((c) => `${c.label}:${f.doc.text.slice(c.start, c.end)}`)),
      opts,
    ),
  );
  const falseNegatives = FN_CLASSES.map((cls) =>
    summarise(
      cls,
      fns.filter((f) => f.error.cls === cls),
      (f) => f.doc.text.slice(f.error.chunk.start, f.error.chunk.end),
      (f) => example(f.doc, f.error.chunk, f.error.chunk.type, f.error.overlaps.map((p) => `${p.type}:${f.doc.text.slice(p.start, p.end)}`)),
      opts,
    ),
  );

  const confusions = new Map<string, number>();
  const bump = (key: string) => confusions.set(key, (confusions.get(key) ?? 0) + 1);
  for (const { error } of fps) {
    const goldTypes = [...new Set(error.overlaps.map((c) => c.label))].sort();
    bump(`pred ${error.span.type} / gold ${goldTypes.length ? goldTypes.join('+') : 'none'}`);
  }
  for (const { error } of fns) {
    if (error.cls === 'missed') bump(`gold ${error.chunk.type} / missed`);
  }

  return {
    file: file.name,
    format: file.format,
    pseudoDocuments: file.pseudoDocuments,
    documents: docs.length,
    sentences,
    tokens,
    gold,
    ignoredGold,
    predictions,
    unaligned,
    invalidMentions,
    strict: scores(strict),
    overlap: scores(overlap),
    untyped: { strict: prf(untyped.strict), overlap: prf(untyped.overlap) },
    falsePositives,
    falseNegatives,
    confusions: [...confusions].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

function scores(counts: TypeCounts): TypeScores {
  const micro = { tp: 0, fp: 0, fn: 0 };
  for (const type of BENCH_TYPES) addCounts(micro, counts[type]);
  return { person: prf(counts.person), organization: prf(counts.organization), place: prf(counts.place), micro: prf(micro) };
}

function summarise<C extends string, T>(
  cls: C,
  items: T[],
  textOf: (item: T) => string,
  exampleOf: (item: T) => ErrorExample,
  opts: { examples: number; top: number },
): ErrorClassSummary<C> {
  const freq = new Map<string, number>();
  for (const item of items) {
    const text = textOf(item).replace(/\s+/g, ' ');
    freq.set(text, (freq.get(text) ?? 0) + 1);
  }
  const top = [...freq]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, opts.top);
  return { cls, count: items.length, top, examples: spread(items, opts.examples).map(exampleOf) };
}

/** Up to n items evenly spread over the list, so examples come from the whole file, not its first document. */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (n <= 0 || items.length === 0) return [];
  if (items.length <= n) return [...items];
  const out: T[] = [];
  for (let k = 0; k < n; k++) out.push(items[Math.floor((k * items.length) / n)] as T);
  return out;
}

function showBreaks(s: string): string {
  return s.replace(/\n/g, '⏎');
}
