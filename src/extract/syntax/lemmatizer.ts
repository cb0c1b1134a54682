/**
 * A lemmatizer learned from a treebank, as data: suffix rules by UPOS ("-aient" of a VERB → strip 5,
 * add "er"), and the word forms the rules get wrong (irregular verbs, "yeux" → "œil"). Both are tables
 * of the tagger's model file (`lemmaRules`, `lemmas`); the rule of the longest known suffix applies.
 */

/** Tags whose lemma is the form itself (names, numbers, punctuation). */
export const FORM_IS_LEMMA: ReadonlySet<string> = new Set(['PROPN', 'NUM', 'PUNCT', 'SYM', 'X']);
/** The longest suffix a rule looks at. */
export const MAX_LEMMA_SUFFIX = 6;

/** An edit from a form to its lemma: how many characters to strip from the end, and what to add. */
export function lemmaEdit(form: string, lemma: string): string {
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  return `${form.length - p}|${lemma.slice(p)}`;
}

export function applyLemmaEdit(form: string, edit: string): string {
  const bar = edit.indexOf('|');
  const strip = Number(edit.slice(0, bar));
  return strip > form.length ? form : form.slice(0, form.length - strip) + edit.slice(bar + 1);
}

/** The form a lemmatizer reads: lower case, typographic apostrophe as "'". */
export function lemmaForm(form: string): string {
  return form.toLowerCase().replace(/’/g, "'");
}

export class Lemmatizer {
  private readonly exceptions: Map<string, string>;
  private readonly rules: Map<string, string>;

  /** `lemmas`: "form UPOS" → [lemma]; `rules`: "UPOS suffix" → [edit]. */
  constructor(lemmas: Record<string, string[]> = {}, rules: Record<string, string[]> = {}) {
    this.exceptions = new Map(Object.entries(lemmas).map(([k, v]) => [k, v[0]!]));
    this.rules = new Map(Object.entries(rules).map(([k, v]) => [k, v[0]!]));
  }

  get size(): number {
    return this.exceptions.size + this.rules.size;
  }

  /** The lemma of a word form with its UPOS tag (lower case, except for names). */
  lemma(form: string, upos: string): string {
    if (FORM_IS_LEMMA.has(upos)) return form;
    const lower = lemmaForm(form);
    const known = this.exceptions.get(`${lower} ${upos}`);
    if (known !== undefined) return known;
    return this.ruleLemma(lower, upos);
  }

  /** The lemma the suffix rules give (the exceptions aside). */
  ruleLemma(lower: string, upos: string): string {
    for (let k = Math.min(MAX_LEMMA_SUFFIX, lower.length); k >= 0; k--) {
      const edit = this.rules.get(`${upos} ${lower.slice(lower.length - k)}`);
      if (edit !== undefined) return applyLemmaEdit(lower, edit);
    }
    return lower;
  }
}
