import type { Token } from './tokenize.ts';
import type { Lang } from './types.ts';

/** French function words (accents removed, as in token norms). */
const FR = new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'un', 'dans', 'pour', 'qui', 'que', 'sur', 'au', 'aux', 'avec', 'pas', 'ont', 'sont', 'par', 'ce', 'cette', 'nous', 'leur', 'plus', 'ete', 'en', 'il', 'elle', 'ils', 'elles', 'ne', 'se', 'sa', 'ses', 'mais', 'chez', 'entre', 'vers', 'aussi', 'selon', 'tres', 'deja', 'ou', 'apres', 'avant', 'depuis', 'lors', 'leurs', 'ces', 'cet']);
const FR_ELISION = new Set(["l'", "d'", "qu'", "n'", "s'", "c'"]);
const EN = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'was', 'for', 'that', 'with', 'on', 'as', 'by', 'at', 'from', 'his', 'her', 'are', 'were', 'it', 'this', 'has', 'have', 'said', 'be', 'an', 'which']);
/** A lower-case word with a French diacritic ("fondé", "à", "ça") counts for French. */
const FRENCH_DIACRITIC = /[éèêëàâçùûîïôœ]/;

export interface LangGuess {
  lang: Lang;
  /** True when neither French nor English function words dominate. */
  unsure: boolean;
}

function fold(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Guesses French or English from function words and French diacritics over the first 4,000 characters. */
export function detectLanguage(text: string): LangGuess {
  let fr = 0;
  let en = 0;
  let words = 0;
  for (const m of text.slice(0, 4_000).matchAll(/\p{L}+/gu)) {
    words++;
    const w = m[0].toLowerCase();
    const folded = fold(w);
    if (FR.has(folded) || (w === m[0] && FRENCH_DIACRITIC.test(w))) fr++;
    if (EN.has(w)) en++;
  }
  return decide(fr, en, words);
}

/** The same guess from tokens already made (their normalised words), over the first 800 words. */
export function detectLanguageOfTokens(tokens: readonly Token[]): LangGuess {
  let fr = 0;
  let en = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (++words > 800) break;
    const w = t.norm;
    if (FR.has(w) || FR_ELISION.has(w) || (!t.cap && FRENCH_DIACRITIC.test(t.text))) fr++;
    if (EN.has(w)) en++;
  }
  return decide(fr, en, Math.min(words, 800));
}

function decide(fr: number, en: number, words: number): LangGuess {
  const total = fr + en;
  if (fr > en) return { lang: 'fr', unsure: words > 20 && fr / Math.max(1, words) < 0.1 };
  return { lang: 'en', unsure: total === 0 ? words > 0 : words > 20 && en / Math.max(1, words) < 0.1 };
}
