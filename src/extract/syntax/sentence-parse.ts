import type { Lang } from '../types.ts';
import type { SyntaxAnalyzer } from './analyzer.ts';
import { sentenceWords, type SentenceWords } from './words.ts';

/**
 * The parse of one sentence of a document, over its syntactic words, with the way back to the
 * extractor's tokens (and through them to offsets in the original text).
 */
export interface SentenceParse {
  /** Index of the sentence's first token in the document. */
  tokenFrom: number;
  words: SentenceWords;
  upos: string[];
  feats: string[];
  lemmas: string[];
  /** Head of each word: index of the head word, -1 for the root. */
  heads: Int32Array;
  deprels: string[];
}

/** Tags and parses the tokens [from, to) of a document, one sentence. */
export function parseSentenceTokens(analyzer: SyntaxAnalyzer, tokens: readonly { text: string }[], from: number, to: number, lang: Lang): SentenceParse {
  const words = sentenceWords(tokens.slice(from, to), lang, analyzer);
  const a = analyzer.analyze(words.forms);
  const heads = Int32Array.from(a.heads, (h) => h - 1);
  return { tokenFrom: from, words, upos: a.upos, feats: a.feats, lemmas: a.lemmas, heads, deprels: a.deprels };
}

/**
 * The words of a span of document tokens [from, to) and its head: the word of the span whose head
 * lies outside it (the first such word when several do, as with a span that is not a phrase).
 */
export function spanWords(parse: SentenceParse, from: number, to: number): { first: number; last: number; head: number } {
  const first = parse.words.firstWord[from - parse.tokenFrom]!;
  const last = parse.words.lastWord[to - 1 - parse.tokenFrom]!;
  let head = last;
  for (let w = first; w <= last; w++) {
    const h = parse.heads[w]!;
    if (h < first || h > last) {
      head = w;
      break;
    }
  }
  return { first, last, head };
}
