import { feat1, feat2, feat3, NO_LEX, normalizeForm, W, WORD_SLOTS, wordTable, type LexiconClasses, type WordTable } from './features.ts';
import { hashString } from './hash.ts';
import type { FeatureSet } from './parser.ts';
import { argmax, LinearModel } from './perceptron.ts';

/**
 * The part-of-speech tagger: a greedy left-to-right averaged perceptron over hashed features of the
 * word, its neighbours and the two tags before it (Collins 2002; the tagger of spaCy v1), then a
 * second model for the morphological features relations read (Gender, Number, VerbForm, Voice,
 * Person), which sees the tags on both sides.
 */

/** The morphological features the tagger predicts, in the order they are written. */
export const MORPH_FEATURES = ['Gender', 'Number', 'Person', 'VerbForm', 'Voice'] as const;

/** Keeps the predicted features of a FEATS string, in UD's order ("_" when none). */
export function morphClass(feats: string): string {
  if (!feats || feats === '_') return '_';
  const kept = feats.split('|').filter((f) => (MORPH_FEATURES as readonly string[]).includes(f.split('=')[0]!));
  return kept.length ? kept.join('|') : '_';
}

export const MAX_FEATURES = 64;
const START = -1;
const END = -2;

function w(t: WordTable, i: number, n: number, slot: W): number {
  if (i < 0) return START;
  if (i >= n) return END;
  return t[i * WORD_SLOTS + slot]!;
}

/** Features of word i for its part of speech, given the two tags before it. */
export function uposFeatures(t: WordTable, n: number, i: number, p1: number, p2: number, out: Uint32Array, full: boolean): number {
  let k = 0;
  const lower = w(t, i, n, W.Lower);
  out[k++] = feat1(1, 0);
  out[k++] = feat1(2, lower);
  out[k++] = feat1(3, w(t, i, n, W.Exact));
  out[k++] = feat1(4, w(t, i, n, W.Suf1));
  out[k++] = feat1(5, w(t, i, n, W.Suf2));
  out[k++] = feat1(6, w(t, i, n, W.Suf3));
  out[k++] = feat1(7, w(t, i, n, W.Suf4));
  out[k++] = feat1(8, w(t, i, n, W.Pre1));
  out[k++] = feat1(9, w(t, i, n, W.Pre3));
  out[k++] = feat1(10, w(t, i, n, W.Shape));
  out[k++] = feat2(11, w(t, i, n, W.Flags), i === 0 ? 1 : 0);
  out[k++] = feat1(12, p1);
  out[k++] = feat2(13, p1, p2);
  out[k++] = feat2(14, p1, lower);
  out[k++] = feat1(17, w(t, i - 2, n, W.Lower));
  out[k++] = feat1(18, w(t, i + 1, n, W.Lower));
  out[k++] = feat1(19, w(t, i + 1, n, W.Suf3));
  out[k++] = feat2(22, w(t, i - 1, n, W.Lower), lower);
  out[k++] = feat2(23, lower, w(t, i + 1, n, W.Lower));
  out[k++] = feat2(24, p1, w(t, i + 1, n, W.Lower));
  out[k++] = feat2(25, p1, w(t, i, n, W.Suf3));
  const lex = w(t, i, n, W.Lex);
  if (lex !== NO_LEX) {
    out[k++] = feat1(29, lex);
    out[k++] = feat2(30, lex, p1);
    out[k++] = feat2(31, lex, w(t, i, n, W.Suf2));
  }
  out[k++] = feat2(32, lex, w(t, i + 1, n, W.Lex));
  out[k++] = feat2(33, w(t, i - 1, n, W.Lex), lex);
  if (full) {
    // the full set: lexical pairs and the rest that the fast set leaves out
    out[k++] = feat1(15, w(t, i - 1, n, W.Lower));
    out[k++] = feat1(16, w(t, i - 1, n, W.Suf3));
    out[k++] = feat1(20, w(t, i + 2, n, W.Lower));
    out[k++] = feat2(21, w(t, i + 1, n, W.Shape), w(t, i, n, W.Shape));
    out[k++] = feat3(26, p1, w(t, i, n, W.Suf2), w(t, i + 1, n, W.Suf2));
    out[k++] = feat1(27, w(t, i + 1, n, W.Flags));
    out[k++] = feat1(28, w(t, i - 1, n, W.Flags));
  }
  return k;
}

/** Features of word i for its morphological features, given all the tags of the sentence. */
export function morphFeatures(t: WordTable, n: number, i: number, tags: ArrayLike<number>, out: Uint32Array): number {
  let k = 0;
  const tag = (j: number) => (j < 0 ? START : j >= n ? END : tags[j]!);
  const lower = w(t, i, n, W.Lower);
  out[k++] = feat1(1, tag(i));
  out[k++] = feat2(2, tag(i), lower);
  out[k++] = feat2(3, tag(i), w(t, i, n, W.Suf1));
  out[k++] = feat2(4, tag(i), w(t, i, n, W.Suf2));
  out[k++] = feat2(5, tag(i), w(t, i, n, W.Suf3));
  out[k++] = feat2(6, tag(i), w(t, i, n, W.Suf4));
  out[k++] = feat3(7, tag(i), tag(i - 1), w(t, i - 1, n, W.Lower));
  out[k++] = feat3(8, tag(i), tag(i + 1), w(t, i + 1, n, W.Lower));
  out[k++] = feat3(9, tag(i), tag(i - 1), tag(i + 1));
  out[k++] = feat3(10, tag(i), w(t, i - 2, n, W.Lower), w(t, i - 1, n, W.Lower));
  out[k++] = feat2(11, tag(i), w(t, i - 1, n, W.Suf2));
  out[k++] = feat2(12, tag(i), w(t, i + 1, n, W.Suf2));
  out[k++] = feat2(13, tag(i), w(t, i, n, W.Flags));
  out[k++] = feat3(14, tag(i), tag(i - 2), w(t, i - 2, n, W.Suf2));
  out[k++] = feat2(15, tag(i), w(t, i, n, W.Lex));
  return k;
}

export interface TaggedWords {
  /** UPOS of each word. */
  upos: string[];
  /** Predicted FEATS of each word (only MORPH_FEATURES), "_" when none. */
  feats: string[];
}

/** What a tagger is made of: its two models, their class names and the data read beside them. */
export interface TaggerParts {
  upos: LinearModel;
  morph: LinearModel;
  uposNames: string[];
  morphNames: string[];
  /** Which feature set the models were trained with. */
  featureSet: FeatureSet;
  /** A general lexicon of the language, read as features (none: those features are absent). */
  lexicon?: LexiconClasses;
  /** Tags whose words (almost) never carry these features in training ("ADP", "PUNCT"): given none, unscored. */
  featureless?: readonly string[];
  /** Frequent words that have one tag in training ({tag: [words]}): tagged without the model. */
  tagDictionary?: Record<string, string[]>;
  /** Frequent (word, tag) pairs with one feature bundle in training ({bundle: ["word\tTAG"]}). */
  morphDictionary?: Record<string, string[]>;
}

/** Key of a word form in the dictionaries: the hash the features use for its lower-case form. */
export function dictionaryKey(form: string): number {
  return hashString(normalizeForm(form)) | 0;
}

/** Key of a (word, tag) pair in the morphology dictionary. */
export function morphDictionaryKey(lower: number, tag: number): number {
  return feat1(lower, tag) | 0;
}

export class Tagger {
  readonly upos: LinearModel;
  readonly morph: LinearModel;
  readonly uposNames: string[];
  readonly morphNames: string[];
  readonly featureSet: FeatureSet;
  readonly lexicon?: LexiconClasses;
  private readonly scores: Float64Array;
  private readonly buffer = new Uint32Array(MAX_FEATURES);
  private readonly featureless: Uint8Array;
  private readonly tagDictionary = new Map<number, number>();
  private readonly morphDictionary = new Map<number, number>();

  constructor(parts: TaggerParts) {
    ({ upos: this.upos, morph: this.morph, uposNames: this.uposNames, morphNames: this.morphNames, featureSet: this.featureSet, lexicon: this.lexicon } = parts);
    this.scores = new Float64Array(Math.max(this.upos.nClasses, this.morph.nClasses));
    this.featureless = new Uint8Array(this.uposNames.length);
    for (const t of parts.featureless ?? []) if (this.uposNames.includes(t)) this.featureless[this.uposNames.indexOf(t)] = 1;
    for (const [tag, words] of Object.entries(parts.tagDictionary ?? {})) {
      const t = this.uposNames.indexOf(tag);
      if (t >= 0) for (const w of words) this.tagDictionary.set(dictionaryKey(w), t);
    }
    for (const [bundle, pairs] of Object.entries(parts.morphDictionary ?? {})) {
      const m = this.morphNames.indexOf(bundle);
      if (m < 0) continue;
      for (const pair of pairs) {
        const [word, tag] = pair.split('\t');
        const t = this.uposNames.indexOf(tag!);
        if (t >= 0) this.morphDictionary.set(morphDictionaryKey(dictionaryKey(word!), t), m);
      }
    }
  }

  /** Tag indices of the words (greedy, left to right). */
  tagIndices(table: WordTable, n: number): Int32Array {
    const tags = new Int32Array(n);
    const { scores, buffer } = this;
    const full = this.featureSet === 'full';
    let p1 = START;
    let p2 = START;
    for (let i = 0; i < n; i++) {
      let best = this.tagDictionary.get(table[i * WORD_SLOTS + W.Lower]!) ?? -1;
      if (best < 0) {
        const k = uposFeatures(table, n, i, p1, p2, buffer, full);
        scores.fill(0, 0, this.upos.nClasses);
        this.upos.score(buffer, k, scores);
        best = argmax(scores, this.upos.nClasses);
      }
      tags[i] = best;
      p2 = p1;
      p1 = best;
    }
    return tags;
  }

  /** Morphological feature bundle indices of the words, given their tags. */
  morphIndices(table: WordTable, n: number, tags: Int32Array): Int32Array {
    const out = new Int32Array(n);
    const { scores, buffer } = this;
    for (let i = 0; i < n; i++) {
      if (this.featureless[tags[i]!]) continue; // "_", class 0
      const known = this.morphDictionary.get(morphDictionaryKey(table[i * WORD_SLOTS + W.Lower]!, tags[i]!));
      if (known !== undefined) {
        out[i] = known;
        continue;
      }
      const k = morphFeatures(table, n, i, tags, buffer);
      scores.fill(0, 0, this.morph.nClasses);
      this.morph.score(buffer, k, scores);
      out[i] = argmax(scores, this.morph.nClasses);
    }
    return out;
  }

  /** Tags the words of one sentence. */
  tag(forms: readonly string[]): TaggedWords {
    const table = wordTable(forms, this.lexicon);
    const tags = this.tagIndices(table, forms.length);
    const morph = this.morphIndices(table, forms.length, tags);
    return { upos: [...tags].map((t) => this.uposNames[t]!), feats: [...morph].map((m) => this.morphNames[m]!) };
  }
}
