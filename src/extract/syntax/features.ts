import { memoizeString } from '../memo.ts';
import { finish, hashString, mix } from './hash.ts';

/**
 * What the models know of a word by itself, as hashed numbers: its lower-case form (digits as 0),
 * its exact form, its affixes and its shape. Computed once per distinct form and cached: news
 * repeats its words.
 */
export const enum W {
  Lower = 0,
  Exact = 1,
  Suf1 = 2,
  Suf2 = 3,
  Suf3 = 4,
  Suf4 = 5,
  Pre1 = 6,
  Pre3 = 7,
  Shape = 8,
  Flags = 9,
  /** The word's class in a general lexicon of the language (compromise's), when the model has one. */
  Lex = 10,
}
export const WORD_SLOTS = 11;
/** Lexicon class of a word the lexicon does not have. */
export const NO_LEX = -5;

/** A general lexicon: lower-case word → hash of its class. */
export type LexiconClasses = Map<string, number>;

/** The hashed properties of the words of a sentence, WORD_SLOTS numbers per word. */
export type WordTable = Int32Array;

/** Lower case with digits as 0 and ’ as ': the form the models read. */
export function normalizeForm(form: string): string {
  return form.toLowerCase().replace(/\d/g, '0').replace(/’/g, "'");
}

function shapeOf(form: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of form) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (c === last) {
      if (++run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

const CACHE_LIMIT = 300_000;
const cache = new Map<string, Int32Array>();

/** normalizeForm, cached. */
export const lowerForm: (form: string) => string = memoizeString(normalizeForm, CACHE_LIMIT);

/** The key of a word in a general lexicon: lower case, ’ as '. Cached. */
const lexiconKey: (form: string) => string = memoizeString((form) => form.toLowerCase().replace(/’/g, "'"), CACHE_LIMIT);

/** The hashed properties of one word form. */
export function wordProperties(form: string): Int32Array {
  let p = cache.get(form);
  if (p) return p;
  p = new Int32Array(WORD_SLOTS);
  const lower = normalizeForm(form);
  const chars = [...lower];
  const suf = (k: number) => (chars.length > k ? chars.slice(-k).join('') : `^${lower}`);
  p[W.Lower] = hashString(lower) | 0;
  p[W.Exact] = hashString(form) | 0;
  p[W.Suf1] = hashString(suf(1)) | 0;
  p[W.Suf2] = hashString(suf(2)) | 0;
  p[W.Suf3] = hashString(suf(3)) | 0;
  p[W.Suf4] = hashString(suf(4)) | 0;
  p[W.Pre1] = hashString(chars[0] ?? '') | 0;
  p[W.Pre3] = hashString(chars.slice(0, 3).join('')) | 0;
  p[W.Shape] = hashString(shapeOf(form)) | 0;
  const first = form.charAt(0);
  const flags = (first !== first.toLowerCase() ? 1 : 0) | (form !== form.toLowerCase() && form === form.toUpperCase() && form.length > 1 ? 2 : 0) | (/\d/.test(form) ? 4 : 0) | (form.includes('-') ? 8 : 0) | (/^\p{P}+$/u.test(form) ? 16 : 0);
  p[W.Flags] = flags;
  p[W.Lex] = NO_LEX;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(form, p);
  return p;
}

/** The word table of a sentence; with a lexicon, each word's class in it. */
export function wordTable(forms: readonly string[], lexicon?: LexiconClasses): WordTable {
  const t = new Int32Array(forms.length * WORD_SLOTS);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    t.set(wordProperties(form), i * WORD_SLOTS);
    if (lexicon) t[i * WORD_SLOTS + W.Lex] = lexicon.get(lexiconKey(form)) ?? NO_LEX;
  }
  return t;
}

/** The lexicon of a model file ({class: [words]}) as word → class hash. */
export function lexiconClasses(table: Record<string, string[]> | undefined): LexiconClasses | undefined {
  if (!table) return undefined;
  const map: LexiconClasses = new Map();
  for (const [name, words] of Object.entries(table)) {
    const h = hashString(name) | 0;
    for (const w of words) map.set(w, h);
  }
  return map;
}

/** A feature: a template number and up to three values, hashed into one number. */
export function feat1(template: number, a: number): number {
  return finish(mix(mix(0x2545f491, template), a));
}
export function feat2(template: number, a: number, b: number): number {
  return finish(mix(mix(mix(0x2545f491, template), a), b));
}
export function feat3(template: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(mix(0x2545f491, template), a), b), c));
}
export function feat4(template: number, a: number, b: number, c: number, d: number): number {
  return finish(mix(mix(mix(mix(mix(0x2545f491, template), a), b), c), d));
}
