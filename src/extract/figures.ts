import units from './data/units.json';
import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import type { Lang } from './types.ts';

/** A figure found in a sentence: token range [from, to) and its parsed value. */
export interface FigureSpan {
  from: number;
  to: number;
  /** Counted things ("285 clients") lend their unit to a bare number that follows. */
  counted?: boolean;
  value: number;
  value_max?: number;
  unit?: string;
}

const CURRENCIES = new Map(Object.entries(units.currencies as Record<string, string>));
const MEASURES = new Map(Object.entries(units.measures as Record<string, string>));
const SCALES = new Map(Object.entries(units.scales as Record<string, number>));

/** A currency word or sign of units.json ("euros", "€", "dollars"), normalised. */
export function isCurrencyWord(w: string): boolean {
  return CURRENCIES.has(w);
}

/** A scale word of units.json ("millions", "milliards", "md"), normalised. */
export function isScaleWord(w: string): boolean {
  return SCALES.has(w);
}
const SPELLED = new Map(Object.entries(units.spelled as Record<string, number>));
const PERCENT = units.percent.map((p) => p.split(' '));
const TIME = new Set(units.timeUnits);
const SKIP_ADJ = new Set(units.countSkipAdjectives);
const COUNT_STOP = new Set(units.countNounStop);
const SUBUNITS = new Map(Object.entries(units.subunits as unknown as Record<string, [string, number]>));
const APPROXIMATE = new Map(Object.entries(units.approximate as Record<string, number>));
const COUNT_NOUNS = new Set(units.countNouns);

/** value × scale without binary noise: 34,2 milliards is 34200000000, not 34200000000.000004. */
function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(15));
}

/**
 * Parses a number written in French or English conventions: "5.000" and "5 000"
 * (French thousands), "5,8" (French decimal), "5,000" and "3.2" (English).
 * Returns NaN when the text is not a number.
 */
export function parseNumber(text: string, lang: Lang): number {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return Number.NaN;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    return Number(s.split(thousands).join('').replace(decimal, '.'));
  }
  const sep = dots ? '.' : commas ? ',' : '';
  if (!sep) return Number(s);
  const groups = s.split(sep);
  const allThousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
  if (groups.length > 2) return allThousands ? Number(groups.join('')) : Number.NaN;
  // one separator
  const frenchThousands = lang === 'fr' ? sep === '.' : sep === ',';
  if (allThousands && frenchThousands) return Number(groups.join(''));
  return Number(groups.join('.'));
}

function matchWords(tokens: Token[], at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k]?.norm !== words[k]) return false;
  return true;
}

interface Unit {
  unit?: string;
  scale: number;
  /** Tokens consumed. */
  length: number;
  kind: 'money' | 'percent' | 'measure' | 'count' | 'scale';
}

/** Reads "millions d'euros", "%", "MW", "m 2", "revendeurs" after a number. */
function readUnit(tokens: Token[], at: number, end: number, lexicon: Lexicon, value: number): Unit | undefined {
  let i = at;
  let scale = 1;
  const t0 = tokens[i];
  if (!t0 || i >= end) return undefined;
  const scaleWord = SCALES.get(t0.norm);
  // "m"/"k" as a scale only when glued to a currency or followed by one ("€5m", "5 M€")
  const letterScale = t0.norm.length === 1;
  if (scaleWord && (!letterScale || !t0.spaceBefore || CURRENCIES.has(tokens[i + 1]?.norm ?? ''))) {
    scale = lexicon.lang === 'fr' && (t0.norm === 'billion' || t0.norm === 'billions') ? units.frenchBillion : scaleWord;
    i++;
  }
  const t = tokens[i];
  const afterScale = i;
  if (t && i < end) {
    // "de"/"d'" between scale and unit: "5,8 millions d'euros"
    const ofSkip = scale > 1 && (t.norm === "d'" || t.norm === 'de' || t.norm === 'of') ? 1 : 0;
    const u = tokens[i + ofSkip];
    if (u && i + ofSkip < end) {
      const two = `${u.norm} ${tokens[i + ofSkip + 1]?.norm ?? ''}`;
      if (CURRENCIES.has(two)) return { unit: CURRENCIES.get(two), scale, length: i + ofSkip + 2 - at, kind: 'money' };
      // "2 centimes", "5 centimes d'euro": a hundredth of the currency
      const sub = SUBUNITS.get(u.norm);
      if (sub && scale === 1) {
        const long = tokens[i + ofSkip + 1]?.norm === "d'" && CURRENCIES.get(tokens[i + ofSkip + 2]?.norm ?? '') === sub[0] ? 2 : 0;
        return { unit: sub[0], scale: sub[1], length: i + ofSkip + 1 + long - at, kind: 'money' };
      }
      if (CURRENCIES.has(u.norm) && (u.norm.length > 1 || u.text === '€' || u.text === '$' || u.text === '£')) {
        const s = u.norm === 'm€' ? 1e6 : u.norm === 'md€' || u.norm === 'mds€' ? 1e9 : u.norm === 'k€' ? 1e3 : 1;
        return { unit: CURRENCIES.get(u.norm), scale: scale * s, length: i + ofSkip + 1 - at, kind: 'money' };
      }
      // "5 M€": scale letter then currency symbol
      if ((u.norm === 'm' || u.norm === 'md' || u.norm === 'mds' || u.norm === 'k') && (tokens[i + 1]?.text === '€' || tokens[i + 1]?.text === '$')) {
        return { unit: CURRENCIES.get(tokens[i + 1]!.text), scale: SCALES.get(u.norm)!, length: i + 2 - at, kind: 'money' };
      }
    }
    for (const p of PERCENT) if (matchWords(tokens, i, p)) return { unit: '%', scale, length: i + p.length - at, kind: 'percent' };
    // measures: "m 2", "m2", "MW", "km²"
    const twoM = `${t.norm} ${tokens[i + 1]?.norm ?? ''}`;
    if (MEASURES.has(twoM) && tokens[i + 1]?.kind === 'num' && tokens[i + 1]!.text.length === 1) return { unit: MEASURES.get(twoM), scale, length: i + 2 - at, kind: 'measure' };
    if (MEASURES.has(t.norm) && (t.norm.length > 1 || scale === 1)) return { unit: MEASURES.get(t.norm), scale, length: i + 1 - at, kind: 'measure' };
    // counted noun: "285 clients", "200 petits revendeurs", "5,8 millions de personnes"
    let j = i + ofSkipFor(scale, t);
    if (SKIP_ADJ.has(tokens[j]?.norm ?? '') && tokens[j + 1]?.kind === 'word' && !COUNT_STOP.has(tokens[j + 1]!.norm)) j++;
    const noun = tokens[j];
    if (noun && j < end && noun.kind === 'word' && !noun.cap && isCountNoun(noun, lexicon, value * scale)) {
      return { unit: noun.text.toLowerCase(), scale, length: j + 1 - at, kind: 'count' };
    }
  }
  if (scale > 1) return { scale, length: afterScale - at, kind: 'scale' };
  return undefined;
}

function ofSkipFor(scale: number, t: Token): number {
  return scale > 1 && (t.norm === "d'" || t.norm === 'de' || t.norm === 'of') ? 1 : 0;
}

function isCountNoun(t: Token, lexicon: Lexicon, value: number): boolean {
  const w = t.norm;
  if (w.length < 3 || COUNT_STOP.has(w) || TIME.has(w)) return false;
  if (COUNT_NOUNS.has(w)) return true;
  if (lexicon.has('commonWords', w) || lexicon.has('determiners', w)) return false;
  if (lexicon.has('nonEntities', w)) return false;
  // English: a plural right after a number is counted, whatever else the word can be ("3,000 engineers")
  if (lexicon.lang === 'en' && /[^s]s$/.test(w)) return true;
  // verbs and adjectives are not counted things; plural nouns usually end in s or x
  if (lexicon.knownWords.has(w) && !/(?:eurs|ants|ents|istes|iers|ites|aires|ions|es|ees)$/.test(w)) return false;
  if (value > 1 && !/[sx]$/.test(w) && lexicon.lang === 'fr') return false;
  return true;
}

/** A number at token i (joining French space thousands "5 000"), or a spelled number with a scale. */
function readNumber(tokens: Token[], i: number, end: number, lang: Lang): { value: number; length: number; spelled: boolean } | undefined {
  const t = tokens[i]!;
  if (t.kind === 'num') {
    let text = t.text;
    let j = i + 1;
    // "5 000", "10 000 000": groups of exactly three digits after a space
    while (j < end && tokens[j]!.kind === 'num' && /^\d{3}(?:[.,]\d+)?$/.test(tokens[j]!.text) && tokens[j]!.spaceBefore && /^\d{1,3}$/.test(text.split(/[\s]/).pop()!)) {
      text += ' ' + tokens[j]!.text;
      j++;
    }
    const value = parseNumber(text, lang);
    if (Number.isNaN(value)) return undefined;
    return { value, length: j - i, spelled: false };
  }
  const spelled = SPELLED.get(t.norm);
  if (spelled !== undefined && t.kind === 'word' && t.norm !== 'a' && t.norm !== 'un' && t.norm !== 'une') return { value: spelled, length: 1, spelled: true };
  return undefined;
}

/** A figure over tokens [from, to) with its unit; counted things are marked for elliptic figures. */
function figureOf(from: number, to: number, value: number, unit: Unit): FigureSpan {
  const figure: FigureSpan = { from, to, value };
  if (unit.kind === 'count') figure.counted = true;
  if (unit.unit !== undefined) figure.unit = unit.unit;
  return figure;
}

/** Articles that stand for "one" before a scale word: "un milliard", "le milliard d'euros", "a million". */
const ONE_BEFORE_SCALE = new Set(['un', 'une', 'le', 'du', 'a']);
const ONE_SCALES = new Set(['million', 'milliard', 'billion']);

/** Finds the figures of one sentence (token range [from, to)). */
export function findFigures(tokens: Token[], from: number, to: number, lexicon: Lexicon): FigureSpan[] {
  const found: FigureSpan[] = [];
  const lang = lexicon.lang;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // not part of a word like "Covid-19" (tokenized as one word) nor of a date "23 mars"
    let start = i;
    let prefixUnit: string | undefined;
    // "$3.2bn", "€5m", "£10 million"
    if ((t.text === '$' || t.text === '€' || t.text === '£' || t.norm === 'us$') && tokens[i + 1]?.kind === 'num') {
      prefixUnit = CURRENCIES.get(t.text === '$' ? '$' : t.norm);
      i++;
    }
    // "un milliard d'euros", "approcher le milliard d'euros": an article before a scale word is the number one
    const article = !prefixUnit && ONE_BEFORE_SCALE.has(t.norm) && t.kind === 'word' && ONE_SCALES.has(tokens[i + 1]?.norm ?? '') && i + 1 < to;
    // "une trentaine de personnes", "une soixantaine d'euros": an approximate numeral counts
    const approx = !prefixUnit && (t.norm === 'une' || t.norm === 'un' || t.norm === 'a') && t.kind === 'word' ? APPROXIMATE.get(tokens[i + 1]?.norm ?? '') : undefined;
    if (approx !== undefined && (tokens[i + 2]?.norm === 'de' || tokens[i + 2]?.norm === "d'" || tokens[i + 2]?.norm === 'of') && i + 3 < to) {
      const unit = readUnit(tokens, i + 3, to, lexicon, approx);
      if (unit && (unit.kind === 'money' || unit.kind === 'count' || unit.kind === 'measure') && unit.scale === 1) {
        const figure = figureOf(i, i + 3 + unit.length, approx, unit);
        found.push(figure);
        i = figure.to - 1;
        continue;
      }
    }
    const num = article ? { value: 1, length: 1, spelled: false } : readNumber(tokens, i, to, lang);
    if (!num) {
      if (prefixUnit) i--;
      continue;
    }
    if (article) {
      const unit = readUnit(tokens, i + 1, to, lexicon, 1);
      // "un million de personnes" counts; "le milliard" only with a currency
      if (unit && (unit.kind === 'money' || (unit.kind === 'count' && (t.norm === 'un' || t.norm === 'a')))) {
        const figure = figureOf(i, i + 1 + unit.length, unit.scale, unit);
        found.push(figure);
        i = figure.to - 1;
      }
      continue;
    }
    if (num.spelled && tokens[i - 1]?.kind === 'num') continue;
    const prev = tokens[start - 1];
    // "à -10 % de croissance": a minus sign glued to the number and parted from the word before
    // (or opening a bracket: "une profonde récession (-8,7%)")
    const minus = !prefixUnit && prev?.text === '-' && (prev.spaceBefore || ['(', '[', '«', '"'].includes(tokens[start - 2]?.text ?? '')) && !t.spaceBefore;
    // "2019-2020" is no figure; "- 5 000 euros" (a dash between spaces) is one
    if (prev && ((prev.text === '-' && !minus && !t.spaceBefore) || prev.text === '/' || prev.text === '#' || prev.norm === 'n°' || prev.norm === 'no' || prev.norm === 'page' || prev.norm === 'p')) {
      if (!prefixUnit) continue;
    }
    let j = i + num.length;
    // glued letters: "10MW", "3.2bn" come out as num + word without a space — handled by readUnit alike
    let value = num.value;
    let valueMax: number | undefined;
    // ranges: "entre 900 et 1.000 revendeurs", "de 5 à 10 millions d'euros", "5 à 10 %"
    const joiner = tokens[j];
    if (joiner && (joiner.norm === 'et' || joiner.norm === 'a' || joiner.norm === 'and' || joiner.norm === 'to' || joiner.text === '-') && tokens[j + 1]?.kind === 'num') {
      const before = tokens[start - 1]?.norm;
      const isRange = joiner.norm === 'et' || joiner.norm === 'and' ? before === 'entre' || before === 'between' : true;
      if (isRange) {
        const second = readNumber(tokens, j + 1, to, lang);
        if (second && second.value > value) {
          const unitAfter = readUnit(tokens, j + 1 + second.length, to, lexicon, second.value);
          if (unitAfter || prefixUnit) {
            const scale = unitAfter?.scale ?? 1;
            valueMax = scaled(second.value, scale);
            value = scaled(value, scale);
            const end = j + 1 + second.length + (unitAfter?.length ?? 0);
            if (before === 'entre' || before === 'between' || before === 'de' || before === 'from') start = Math.min(start, i) - 1;
            found.push({ from: start, to: end, value, value_max: valueMax, unit: prefixUnit ?? unitAfter?.unit, counted: unitAfter?.kind === 'count' });
            i = end - 1;
            continue;
          }
        }
      }
    }
    const unit = readUnit(tokens, j, to, lexicon, value);
    // "entre 40% et 50%", "de 6 000 € à 7 000 €": both ends carry the unit
    if (unit && !prefixUnit && (tokens[start - 1]?.norm === 'entre' || tokens[start - 1]?.norm === 'between' || tokens[start - 1]?.norm === 'de' || tokens[start - 1]?.norm === 'from')) {
      const k = j + unit.length;
      const joiner2 = tokens[k]?.norm;
      if ((joiner2 === 'et' || joiner2 === 'a' || joiner2 === 'and' || joiner2 === 'to') && tokens[k + 1]?.kind === 'num') {
        const second = readNumber(tokens, k + 1, to, lang);
        const unit2 = second ? readUnit(tokens, k + 1 + second.length, to, lexicon, second.value) : undefined;
        if (second && unit2 && unit2.unit === unit.unit && scaled(second.value, unit2.scale) > scaled(value, unit.scale)) {
          const end = k + 1 + second.length + unit2.length;
          found.push({ from: start - 1, to: end, value: scaled(value, unit.scale), value_max: scaled(second.value, unit2.scale), unit: unit.unit, counted: unit.kind === 'count' });
          i = end - 1;
          continue;
        }
      }
    }
    if (prefixUnit) {
      const scale = unit && (unit.kind === 'scale' || unit.kind === 'money') ? unit.scale : 1;
      const len = unit && (unit.kind === 'scale' || unit.kind === 'money') ? unit.length : 0;
      found.push({ from: start, to: j + len, value: scaled(value, scale), unit: prefixUnit });
      i = j + len - 1;
      continue;
    }
    if (!unit) continue;
    if (num.spelled && unit.kind === 'count') continue; // "deux entités" is not a figure
    if (unit.kind === 'scale' && num.spelled) continue;
    const figure = figureOf(minus ? start - 1 : start, j + unit.length, (minus ? -1 : 1) * scaled(value, unit.scale), unit);
    found.push(figure);
    i = j + unit.length - 1;
  }
  return found;
}

/**
 * Elliptic figures: "entre 900 et 1.000 revendeurs sur les 10.000 qui distribuent"
 * — a bare number right after a counted figure of the same sentence takes its unit.
 */
export function findElliptic(tokens: Token[], from: number, to: number, figures: FigureSpan[], taken: (i: number) => boolean, lang: Lang): FigureSpan[] {
  const out: FigureSpan[] = [];
  for (const f of figures) {
    if (!f.counted || !f.unit) continue;
    for (let i = f.to; i < Math.min(to, f.to + 6); i++) {
      const t = tokens[i]!;
      // a leading zero writes a code, not a count: "Aisne (02), Aube (10)"
      if (t.kind !== 'num' || taken(i) || /^0\d/.test(t.text)) continue;
      // "sur les 63 000 que": the French thousands groups make one number
      const num = readNumber(tokens, i, to, lang);
      if (!num) continue;
      const next = tokens[i + num.length];
      if (next && next.kind === 'num') continue;
      if (next && next.kind === 'word' && !['qui', 'autres', 'que', 'dont', 'who', 'others', 'which'].includes(next.norm)) continue;
      const value = num.value;
      if (Number.isNaN(value) || (num.length === 1 && value >= 1900 && value <= 2100)) continue;
      out.push({ from: i, to: i + num.length, value, unit: f.unit });
      i += num.length - 1;
    }
  }
  return out;
}
