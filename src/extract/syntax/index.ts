import type { Lang } from '../types.ts';
import { SyntaxAnalyzer } from './analyzer.ts';

export { SyntaxAnalyzer, UPOS_TAGS, type AnalyzedSentence } from './analyzer.ts';
export { readConllu, surfaceTokens, type UdSentence, type UdWord } from './conllu.ts';
export { scoreParses, type ParseScores } from './evaluate.ts';
export { sentenceWords, type SentenceWords } from './words.ts';

/** The model files of a language, under src/extract/data. */
export function modelFileNames(lang: Lang): { tagger: string; parser: string } {
  return { tagger: `tagger-${lang}.bin`, parser: `parser-${lang}.bin` };
}

/** Reads a language's model files: synchronously in Node (from disk), or from bytes fetched before. */
export type SyntaxLoader = (lang: Lang) => SyntaxAnalyzer | undefined;

const analyzers = new Map<Lang, SyntaxAnalyzer | null>();
let loader: SyntaxLoader | undefined;

/** Where models come from when first asked for (the CLI reads them from disk; the page's worker fetches them first). */
export function setSyntaxLoader(fn: SyntaxLoader | undefined): void {
  loader = fn;
  analyzers.clear();
}

/** Sets the analyser of a language directly (the page's worker, tests). */
export function setSyntaxAnalyzer(lang: Lang, analyzer: SyntaxAnalyzer | undefined): void {
  analyzers.set(lang, analyzer ?? null);
}

/** The analyser of a language, loaded on first use; undefined when no loader gives one. */
export function getSyntaxAnalyzer(lang: Lang): SyntaxAnalyzer | undefined {
  if (!analyzers.has(lang) && loader) analyzers.set(lang, loader(lang) ?? null);
  return analyzers.get(lang) ?? undefined;
}
