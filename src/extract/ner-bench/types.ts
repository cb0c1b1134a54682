/** Plain data of the NER benchmark: gold documents, predicted spans, scores. No Node APIs. */

/** The three entity types the benchmark scores; gold MISC/prod/time and other predicted types are ignored. */
export type BenchType = 'person' | 'organization' | 'place';

export const BENCH_TYPES: readonly BenchType[] = ['person', 'organization', 'place'];

/** One token of a gold file, placed in the rebuilt text: [start, end) in JS string indices. */
export interface GoldToken {
  text: string;
  start: number;
  end: number;
  /** 1-based line of the gold file, for messages. */
  line: number;
}

/** A gold entity chunk: characters [start, end) of the rebuilt text, tokens [tokenStart, tokenEnd). */
export interface GoldChunk {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  /** The tag type as written in the file (PER, loc, pers.coll, MISC…). */
  label: string;
  /** The scored type, or null for a gold chunk the benchmark ignores (MISC, prod, time, pers.coll). */
  type: BenchType | null;
}

/** One document rebuilt from a gold file, ready to give to the extractor. */
export interface GoldDocument {
  id: string;
  text: string;
  tokens: GoldToken[];
  chunks: GoldChunk[];
  /** Number of sentences (CoNLL blank-line blocks, HIPE segments). */
  sentences: number;
  /** 1-based line of the gold file where the document starts. */
  line: number;
}

export type GoldFormat = 'conll' | 'hipe';

export interface GoldFile {
  name: string;
  format: GoldFormat;
  documents: GoldDocument[];
  /** True when the file has no document markers and documents were cut every N sentences. */
  pseudoDocuments: boolean;
}

/** A predicted span: one mention of an extracted entity, with the entity's type. */
export interface PredictedSpan {
  start: number;
  end: number;
  type: BenchType;
  /** The entity's label, for error listings. */
  label: string;
}

/** Counts for one type (or the micro sum). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Why a strict false positive is wrong. */
export type FpClass =
  /** Same characters as a scored gold chunk of another type. */
  | 'wrong-type'
  /** Overlaps a gold chunk of the same type, other boundaries. */
  | 'boundary'
  /** Overlaps a scored gold chunk of another type, other boundaries. */
  | 'boundary-and-type'
  /** Overlaps only a gold chunk the benchmark ignores (MISC, prod, time, pers.coll). */
  | 'ignored-gold'
  /** Overlaps no gold chunk at all. */
  | 'spurious';

/** Why a strict false negative was missed. */
export type FnClass = 'wrong-type' | 'boundary' | 'boundary-and-type' | 'missed';

export interface ErrorExample {
  doc: string;
  start: number;
  end: number;
  /** The span's text. */
  text: string;
  /** The predicted type (false positive) or gold type (false negative). */
  type: BenchType;
  /** For a false positive, the gold chunk(s) it overlaps, as "type:text"; for a false negative, the overlapping predictions. */
  other: string[];
  /** About 50 characters each side, line breaks shown as ⏎. */
  before: string;
  after: string;
}

export interface ErrorClassSummary<C extends string> {
  cls: C;
  count: number;
  /** Most frequent span texts, with counts. */
  top: Array<{ text: string; count: number }>;
  examples: ErrorExample[];
}
