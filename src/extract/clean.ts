/**
 * Repairs PDF/OCR artefacts and normalises spacing without losing the way back:
 * `toOriginal[i]` is the offset in the original text of character i of the cleaned
 * text (with one extra entry for the end), so every span found in the cleaned text
 * maps back to the original.
 */
export interface CleanText {
  text: string;
  toOriginal: Int32Array;
}

/** Right-hand parts of a hyphen that are pronouns after an inverted verb ("révèle-t- il"): keep the hyphen. */
const INVERSION = new Set(['il', 'elle', 'on', 'ils', 'elles', 'je', 'tu', 'nous', 'vous', 't']);
/** Single letters that are words on their own, so "A la" is not a split drop capital. */
const ONE_LETTER_WORDS = new Set(['A', 'À', 'Y', 'O', 'Ô', 'I', 'a', 'à', 'y', 'o']);

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Words that start a sentence glued to the previous one by a lost line break: "sur le climatDes", "Auto PlusMais". */
const GLUED_STARTS = new Set(['des', 'les', 'le', 'la', 'un', 'une', 'en', 'il', 'elle', 'ils', 'elles', 'on', 'mais', 'et', 'dans', 'pour', 'au', 'aux', 'selon', 'depuis', 'après', 'avant', 'lors', 'ce', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'the', 'in', 'on', 'but', 'and', 'for', 'after', 'before', 'this']);
const LETTER = /\p{L}/u;

export function cleanText(original: string): CleanText {
  const out: string[] = [];
  const map: number[] = [];
  const n = original.length;
  let i = 0;
  const push = (ch: string, at: number) => {
    out.push(ch);
    map.push(at);
  };
  let lineStart = true;
  while (i < n) {
    const ch = original[i]!;
    // CRLF and lone CR → LF
    if (ch === '\r') {
      push('\n', i);
      i += original[i + 1] === '\n' ? 2 : 1;
      lineStart = true;
      continue;
    }
    // soft hyphen and zero-width characters vanish
    if (ch === '\u00ad' || ch === '\u200b' || ch === '\ufeff') {
      i++;
      continue;
    }
    // exotic spaces → space
    if (ch === '\u00a0' || ch === '\u202f' || ch === '\u2009' || ch === '\t') {
      push(' ', i);
      i++;
      continue;
    }
    // words hyphenated across a line break or a column join: "maro- caines", "maro-\ncaines"
    if (ch === '-' && i > 0 && LOWER.test(original[i - 1]!)) {
      let j = i + 1;
      let sawBreak = false;
      while (j < n && (original[j] === ' ' || original[j] === '\n' || original[j] === '\r')) {
        sawBreak = true;
        j++;
      }
      if (sawBreak && j - i <= 4 && j < n && LOWER.test(original[j]!)) {
        let k = j;
        while (k < n && LETTER.test(original[k]!)) k++;
        const right = original.slice(j, k);
        // keep the hyphen of "a-t- il", drop the break
        if (INVERSION.has(right)) push('-', i);
        i = j;
        continue;
      }
    }
    // split drop capital at a paragraph start: "F aute" → "Faute"
    if (lineStart && /\p{Lu}/u.test(ch) && !ONE_LETTER_WORDS.has(ch) && original[i + 1] === ' ' && i + 2 < n && LOWER.test(original[i + 2]!)) {
      push(ch, i);
      i += 2;
      lineStart = false;
      continue;
    }
    // a word glued to the next sentence: a capital right after three lower-case letters, starting a function word
    if (UPPER.test(ch) && i >= 3 && LOWER.test(original[i - 1]!) && LOWER.test(original[i - 2]!) && LOWER.test(original[i - 3]!)) {
      let k = i + 1;
      while (k < n && LOWER.test(original[k]!)) k++;
      if (k < n && !LETTER.test(original[k]!) && GLUED_STARTS.has(original.slice(i, k).toLowerCase())) push(' ', i);
    }
    if (ch === '\n') lineStart = true;
    else if (ch !== ' ') lineStart = false;
    push(ch, i);
    i++;
  }
  map.push(n);
  return { text: out.join(''), toOriginal: Int32Array.from(map) };
}

/** Maps a [start, end) span of the cleaned text back to the original text. */
export function toOriginalSpan(clean: CleanText, start: number, end: number): [number, number] {
  const s = clean.toOriginal[start]!;
  const e = end > start ? clean.toOriginal[end - 1]! + 1 : s;
  return [s, e];
}
