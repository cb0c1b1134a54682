/** `kg bench ner`: gold readers (CoNLL/IOB2, CLEF-HIPE TSV), the scorer and the report. No Node APIs. */
export { benchNer, DEFAULT_BENCH_OPTIONS, spread } from './bench-ner.ts';
export type { BenchDocument, BenchOptions, BenchResult, ExtractFn, TypeScores } from './bench-ner.ts';
export { formatBenchReport } from './format-report.ts';
export { publishedScores } from './published.ts';
export type { PublishedFile, PublishedSystem } from './published.ts';
export { DEFAULT_READ_GOLD_OPTIONS, readConll } from './read-conll.ts';
export type { ReadGoldOptions } from './read-conll.ts';
export { readHipe } from './read-hipe.ts';
export { isHipe, langFromFileName, readGoldFile } from './read-gold.ts';
export { predictedSpans, prf, scoreDocument } from './score.ts';
export type { DocumentScore, ExtractionLike } from './score.ts';
export * from './types.ts';
