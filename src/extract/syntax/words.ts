import type { Lang } from '../types.ts';
import type { SyntaxAnalyzer } from './analyzer.ts';

/**
 * The syntactic words of a sentence, as Universal Dependencies writes them, from the tokens the
 * extractor reads: French contractions are two words ("du" = "de le", "aux" = "à les", "des" when it
 * is "de les"), inverted subject clitics are words of their own ("dit-il" = "dit" "-il"), English
 * contractions too ("don't" = "do" "n't"). Each word keeps the token it comes from, and so the
 * token's offsets into the original text.
 */
export interface SentenceWords {
  forms: string[];
  /** Index of each word's token among the sentence's tokens. */
  tokenOf: Int32Array;
  /** Index of each token's first word. */
  firstWord: Int32Array;
  /** Index of each token's last word. */
  lastWord: Int32Array;
}

const FRENCH_CLITIC = /^(\p{Ll}[\p{L}]*?)(-t-(?:il|elle|on|ils|elles)|-(?:je|tu|il|elle|on|nous|vous|ils|elles|ce|moi|toi|lui|leur|les|le|la|y|en))$/u;
const ENGLISH_CONTRACTION = /^(\p{L}+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;

function splitToken(text: string, lang: Lang, first: boolean): string[] | undefined {
  if (lang === 'fr') {
    if (!text.includes('-')) return undefined;
    const m = FRENCH_CLITIC.exec(first ? text.charAt(0).toLowerCase() + text.slice(1) : text);
    if (m) return [text.slice(0, m[1]!.length), m[2]!];
    return undefined;
  }
  if (!text.includes("'") && !text.includes('’')) return undefined;
  const m = ENGLISH_CONTRACTION.exec(text);
  if (!m) return undefined;
  // the shortest base: "can't" = "ca" "n't", "won't" = "wo" "n't", as UD English writes them
  return [m[1]!, m[2]!];
}

export function sentenceWords(tokens: readonly { text: string }[], lang: Lang, analyzer?: SyntaxAnalyzer): SentenceWords {
  const texts = tokens.map((t) => t.text);
  const expanded = analyzer ? analyzer.expandTokens(texts) : texts.map(() => undefined);
  const forms: string[] = [];
  const tokenOf: number[] = [];
  const firstWord = new Int32Array(tokens.length);
  const lastWord = new Int32Array(tokens.length);
  for (let i = 0; i < texts.length; i++) {
    const words = expanded[i] ?? splitToken(texts[i]!, lang, i === 0) ?? [texts[i]!];
    firstWord[i] = forms.length;
    for (const w of words) {
      forms.push(w);
      tokenOf.push(i);
    }
    lastWord[i] = forms.length - 1;
  }
  return { forms, tokenOf: Int32Array.from(tokenOf), firstWord, lastWord };
}
