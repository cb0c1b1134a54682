import { memoizeString } from './memo.ts';

/** Tokens and sentences over cleaned text. Offsets are into the cleaned text. */
export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Lower case, accents removed, ’ → '. */
  norm: string;
  /** First letter upper case. */
  cap: boolean;
  /** Two or more letters, all upper case. */
  upper: boolean;
  /** Index of the sentence it belongs to. */
  sentence: number;
  /** Whether white space precedes it. */
  spaceBefore: boolean;
}

export interface Sentence {
  index: number;
  /** Token index range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  /** Starts a paragraph (first sentence after a line break). */
  paragraphStart: boolean;
}

const TOKEN_RE = /(\d{1,2}[hH]\d{2}(?![\p{L}\p{N}])|(?:\p{Lu}\.){2,}(?!\p{L})|\p{L}[\p{L}\p{M}\p{N}]*(?:['’](?=\p{L})[\p{L}\p{M}\p{N}]*|[-‑](?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]*)*)|(\d+(?:[.,]\d+)*)|(\n)|([^\s])/gu;
const ELISIONS = new Set(['l', 'd', 'qu', 'n', 's', 'c', 'j', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);
const ABBREVIATIONS = new Set(['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'mgr', 'st', 'ste', 'mr', 'mrs', 'ms', 'prof', 'gen', 'gén', 'col', 'capt', 'lt', 'sgt', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'av', 'bd', 'no', 'vol', 'p', 'env', 'cf', 'ex', 'art', 'fig', 'u.s', 'st', 'mt', 'jan', 'feb', 'fév', 'aug', 'sept', 'oct', 'nov', 'dec', 'déc']);

export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower case, accents removed, ’ → '. Cached: news repeats its words. */
export const normWord: (s: string) => string = memoizeString((s) => {
  const lower = s.toLowerCase();
  // plain ASCII needs no decomposition
  return /^[\x00-\x7f]*$/.test(lower) ? lower : foldAccents(lower).replace(/’/g, "'");
}, 200_000);

/** normWord without the cache for plain ASCII words, the most common case. */
function fastNorm(text: string): string {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return normWord(text);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

function makeToken(text: string, start: number, kind: TokenKind, spaceBefore: boolean): Token {
  const first = text.charAt(0);
  const isWord = kind === 'word';
  const cap = isWord && first !== first.toLowerCase();
  // only capitalised words can be all upper case
  const letters = cap && text.length > 1 ? text.replace(/[^\p{L}]/gu, '') : '';
  return {
    text,
    start,
    end: start + text.length,
    kind,
    norm: kind === 'punct' ? text : fastNorm(text),
    cap,
    upper: cap && letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    sentence: 0,
    spaceBefore,
  };
}

export interface TokenizeOptions {
  /** English: a possessive "'s" becomes a token of its own ("Acme Corp's chairman" → "Acme Corp", "'s"). */
  possessives?: boolean;
}

/** Splits text into tokens; French elisions ("l'", "d'", "qu'") become tokens of their own. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index!;
    const spaceBefore = start > lastEnd || start === 0;
    lastEnd = start + m[0].length;
    if (m[1] !== undefined) {
      let word = m[1];
      let at = start;
      // split leading elisions, possibly chained ("qu'l'…" does not occur, but "jusqu'à" does)
      for (;;) {
        const apo = word.search(/['’]/);
        if (apo <= 0) break;
        const head = word.slice(0, apo);
        if (!ELISIONS.has(head.toLowerCase())) break;
        tokens.push(makeToken(word.slice(0, apo + 1), at, 'word', at === start ? spaceBefore : false));
        at += apo + 1;
        word = word.slice(apo + 1);
        if (!word) break;
      }
      const possessive = options.possessives && word.length > 2 && /['’][sS]$/.test(word) ? 2 : 0;
      // English "Leeds-based", "Paris-headquartered": the place, a hyphen and the participle
      const based = options.possessives ? /^(\p{Lu}[\p{L}\p{M}.]*)-(based|headquartered)$/u.exec(word) : null;
      if (based) {
        const head = based[1]!;
        tokens.push(makeToken(head, at, 'word', at === start ? spaceBefore : false));
        tokens.push(makeToken('-', at + head.length, 'punct', false));
        tokens.push(makeToken(based[2]!, at + head.length + 1, 'word', false));
      } else if (possessive) {
        tokens.push(makeToken(word.slice(0, -2), at, 'word', at === start ? spaceBefore : false));
        tokens.push(makeToken(word.slice(-2), at + word.length - 2, 'word', false));
      } else if (word) tokens.push(makeToken(word, at, 'word', at === start ? spaceBefore : false));
    } else if (m[2] !== undefined) tokens.push(makeToken(m[2], start, 'num', spaceBefore));
    else if (m[3] !== undefined) tokens.push(makeToken('\n', start, 'punct', spaceBefore));
    else tokens.push(makeToken(m[4]!, start, 'punct', spaceBefore));
  }
  return tokens;
}

const CLOSERS = new Set(['»', '"', '”', ')', "'", '’']);

/**
 * Groups tokens into sentences: a line break ends one; so do . ! ? … followed by a
 * capital, a digit or a quote (also with no space, as in "(OCLCIFF).Le parquet"),
 * except after abbreviations and initials. Newline tokens are dropped from the result.
 */
export function splitSentences(all: Token[]): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let from = 0;
  let paragraphStart = true;
  let nextParagraphStart = true;
  const close = () => {
    if (tokens.length > from) {
      sentences.push({
        index: sentences.length,
        from,
        to: tokens.length,
        start: tokens[from]!.start,
        end: tokens[tokens.length - 1]!.end,
        paragraphStart,
      });
      for (let k = from; k < tokens.length; k++) tokens[k]!.sentence = sentences.length - 1;
    }
    from = tokens.length;
    paragraphStart = nextParagraphStart;
    nextParagraphStart = false;
  };
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (t.text === '\n') {
      nextParagraphStart = true;
      close();
      paragraphStart = true;
      continue;
    }
    tokens.push(t);
    if (t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…')) {
      // swallow closing quotes/brackets glued to the end mark
      let j = i + 1;
      while (j < all.length && all[j]!.kind === 'punct' && CLOSERS.has(all[j]!.text) && !all[j]!.spaceBefore) {
        tokens.push(all[j]!);
        j++;
      }
      const next = all[j];
      if (!next || next.text === '\n') {
        i = j - 1;
        continue;
      }
      if (t.text === '.') {
        const prev = all[i - 1];
        if (prev && prev.kind === 'word' && !t.spaceBefore) {
          if (ABBREVIATIONS.has(prev.norm)) continue;
          if (prev.text.length === 1 && prev.cap) continue; // initial "J."
        }
        if (prev && prev.kind === 'num' && next.kind === 'num') continue;
      }
      const startsNew = next.cap || next.kind === 'num' || (next.kind === 'punct' && /[«"“(\-–—]/.test(next.text));
      if (!startsNew) continue;
      if (!next.spaceBefore) {
        // glued: only after a lower-case word or a closing bracket/quote
        const prev = all[j - 1]!;
        // "recule.- Dataxo à la 3e place -": a heading between dashes glued to the full stop
        const heading = (next.text === '-' || next.text === '–' || next.text === '—') && all[j + 1]?.cap === true && all[j + 1]!.spaceBefore;
        if (!(prev.text === '.' || CLOSERS.has(prev.text)) || !((next.cap && next.kind === 'word') || heading)) continue;
        const before = all[i - 1];
        // ("la pandémie de Covid-19.De l'aide", "en 2019.Le reste": a word or a number ending in digits too)
        // (and after an acronym: "selon l'AFP.Avec 198.469 décès")
        const acronymEnd = before?.kind === 'word' && /^\p{Lu}{2,6}$/u.test(before.text) && next.kind === 'word' && /^\p{Lu}\p{Ll}+$/u.test(next.text);
        const wordEnd = before && (acronymEnd || (before.kind === 'word' && /(?:\p{Ll}{2}|\d)$/u.test(before.text)) || (before.kind === 'num' && /^\d+$/.test(before.text) && next.text.length >= 2));
        if (before && !wordEnd && !CLOSERS.has(before.text)) continue;
      }
      i = j - 1;
      close();
    }
  }
  close();
  return { tokens, sentences };
}
