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

const isLower = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c >= 97 && c <= 122) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return LOWER.test(s[i]!);
};
const isUpper = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return UPPER.test(s[i]!);
};
const isLetter = (s: string, i: number): boolean => isLower(s, i) || isUpper(s, i) || (s.charCodeAt(i) >= 128 && LETTER.test(s[i]!));

/**
 * Copies the text, with runs of unchanged characters copied as slices: the map
 * gets consecutive offsets for them, one entry per changed character otherwise.
 */
export function cleanText(original: string): CleanText {
  const n = original.length;
  const parts: string[] = [];
  let map = new Int32Array(n + 16);
  let length = 0;
  const ensure = (extra: number) => {
    if (length + extra + 1 <= map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, length + extra + 16));
    bigger.set(map);
    map = bigger;
  };
  let runStart = 0;
  const flush = (until: number) => {
    if (until > runStart) {
      ensure(until - runStart);
      parts.push(original.slice(runStart, until));
      for (let k = runStart; k < until; k++) map[length++] = k;
    }
  };
  const emit = (text: string, at: number) => {
    ensure(text.length);
    parts.push(text);
    for (let k = 0; k < text.length; k++) map[length++] = at;
  };
  let lineStart = true;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    // CRLF and lone CR → LF
    if (c === 13) {
      flush(i);
      emit('\n', i);
      i += original.charCodeAt(i + 1) === 10 ? 2 : 1;
      runStart = i;
      lineStart = true;
      continue;
    }
    // soft hyphen and zero-width characters vanish
    if (c === 0xad || c === 0x200b || c === 0xfeff) {
      flush(i);
      i++;
      runStart = i;
      continue;
    }
    // exotic spaces → space
    if (c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9) {
      flush(i);
      emit(' ', i);
      i++;
      runStart = i;
      continue;
    }
    // words hyphenated across a line break or a column join: "maro- caines", "maro-\ncaines"
    if (c === 45 && i > 0 && isLower(original, i - 1)) {
      let j = i + 1;
      let sawBreak = false;
      while (j < n && (original[j] === ' ' || original[j] === '\n' || original[j] === '\r')) {
        sawBreak = true;
        j++;
      }
      if (sawBreak && j - i <= 4 && j < n && isLower(original, j)) {
        let k = j;
        while (k < n && isLetter(original, k)) k++;
        const right = original.slice(j, k);
        flush(i);
        // keep the hyphen of "a-t- il", drop the break
        if (INVERSION.has(right)) emit('-', i);
        i = j;
        runStart = i;
        continue;
      }
    }
    if (c === 10) {
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32) {
      i++;
      continue;
    }
    const upper = isUpper(original, i);
    // split drop capital at a paragraph start: "F aute" → "Faute"
    if (lineStart && upper && !ONE_LETTER_WORDS.has(original[i]!) && original[i + 1] === ' ' && i + 2 < n && isLower(original, i + 2)) {
      flush(i + 1);
      i += 2;
      runStart = i;
      lineStart = false;
      continue;
    }
    lineStart = false;
    // a word glued to the next sentence: a capital right after three lower-case letters, starting a function word
    // (also after a heading in capitals: "UN SEUL DONLa SNSM")
    if (upper && i >= 3 && ((isLower(original, i - 1) && isLower(original, i - 2) && isLower(original, i - 3)) || (isUpper(original, i - 1) && isUpper(original, i - 2) && isUpper(original, i - 3) && i + 1 < n && isLower(original, i + 1)))) {
      let k = i + 1;
      while (k < n && isLower(original, k)) k++;
      // a two-letter start after a capitalised word is part of a brand: "LinkedIn", "PayOn"
      let w = i - 1;
      while (w > 0 && isLetter(original, w - 1)) w--;
      const brand = k - i <= 2 && isUpper(original, w) && isLower(original, i - 1);
      if (k < n && !isLetter(original, k) && !brand && GLUED_STARTS.has(original.slice(i, k).toLowerCase())) {
        flush(i);
        emit(' ', i);
        runStart = i;
      }
    }
    i++;
  }
  flush(n);
  ensure(1);
  map[length] = n;
  return { text: parts.join(''), toOriginal: map.subarray(0, length + 1) };
}

/** Maps a [start, end) span of the cleaned text back to the original text. */
export function toOriginalSpan(clean: CleanText, start: number, end: number): [number, number] {
  const s = clean.toOriginal[start]!;
  const e = end > start ? clean.toOriginal[end - 1]! + 1 : s;
  return [s, e];
}
