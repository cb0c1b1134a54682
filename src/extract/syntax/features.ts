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
}
export const WORD_SLOTS = 10;

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

const cache = new Map<string, Int32Array>();
const CACHE_LIMIT = 300_000;

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
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(form, p);
  return p;
}

/** The word table of a sentence. */
export function wordTable(forms: readonly string[]): WordTable {
  const t = new Int32Array(forms.length * WORD_SLOTS);
  for (let i = 0; i < forms.length; i++) t.set(wordProperties(forms[i]!), i * WORD_SLOTS);
  return t;
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
