import type { UdSentence } from '../conllu.ts';
import { FORM_IS_LEMMA, lemmaEdit, lemmaForm, Lemmatizer, MAX_LEMMA_SUFFIX } from '../lemmatizer.ts';

/** Majority of counted values per key; ties go to the value seen first. */
function majority<V>(counts: Map<string, Map<V, number>>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [key, values] of counts) {
    let best: V | undefined;
    let n = -1;
    for (const [v, c] of values) if (c > n) (best = v), (n = c);
    out.set(key, best!);
  }
  return out;
}

function bump<V>(counts: Map<string, Map<V, number>>, key: string, value: V): void {
  let m = counts.get(key);
  if (!m) counts.set(key, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + 1);
}

/**
 * Learns the lemmatizer's tables from treebank sentences: suffix rules counted over word types (each
 * distinct form and tag once, with its most frequent lemma), a rule kept only where it changes the
 * answer of its shorter suffix and two types or more support it; then every training form the rules
 * get wrong, as an exception.
 */
export function learnLemmas(sentences: UdSentence[]): { lemmas: Record<string, string[]>; lemmaRules: Record<string, string[]> } {
  const lemmaCounts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (const w of s.words) {
      if (FORM_IS_LEMMA.has(w.upos) || w.lemma === '_' || !w.lemma) continue;
      bump(lemmaCounts, `${lemmaForm(w.form)} ${w.upos}`, lemmaForm(w.lemma));
    }
  }
  const types = majority(lemmaCounts);
  const editCounts = new Map<string, Map<string, number>>();
  for (const [key, lemma] of types) {
    const space = key.lastIndexOf(' ');
    const form = key.slice(0, space);
    const upos = key.slice(space + 1);
    const edit = lemmaEdit(form, lemma);
    for (let k = 0; k <= Math.min(MAX_LEMMA_SUFFIX, form.length); k++) bump(editCounts, `${upos} ${form.slice(form.length - k)}`, edit);
  }
  const support = new Map<string, number>();
  for (const [key, values] of editCounts) support.set(key, [...values.values()].reduce((a, b) => a + b, 0));
  const best = majority(editCounts);
  // shorter suffixes first: a rule is kept when it says something its kept ancestor does not
  const keys = [...best.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const kept = new Map<string, string>();
  for (const key of keys) {
    if ((support.get(key) ?? 0) < 2) continue;
    const space = key.indexOf(' ');
    const upos = key.slice(0, space);
    const suffix = key.slice(space + 1);
    let inherited = '0|';
    for (let k = suffix.length - 1; k >= 0; k--) {
      const e = kept.get(`${upos} ${suffix.slice(suffix.length - k)}`);
      if (e !== undefined) {
        inherited = e;
        break;
      }
    }
    if (best.get(key) !== inherited) kept.set(key, best.get(key)!);
  }
  const lemmaRules: Record<string, string[]> = {};
  for (const key of [...kept.keys()].sort()) lemmaRules[key] = [kept.get(key)!];
  const rules = new Lemmatizer({}, lemmaRules);
  const lemmas: Record<string, string[]> = {};
  for (const key of [...types.keys()].sort()) {
    const space = key.lastIndexOf(' ');
    if (rules.ruleLemma(key.slice(0, space), key.slice(space + 1)) !== types.get(key)) lemmas[key] = [types.get(key)!];
  }
  return { lemmas, lemmaRules };
}
