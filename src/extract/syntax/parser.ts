import { feat1, feat2, feat3, feat4, W, WORD_SLOTS, type WordTable } from './features.ts';
import { hashString } from './hash.ts';
import { argmax, LinearModel } from './perceptron.ts';
import { UPOS_INDEX } from './upos.ts';
import { N_ACTIONS, ParseState, SHIFT } from './transitions.ts';

/**
 * The dependency parser: greedy arc-hybrid transitions chosen by an averaged perceptron over the
 * words, tags and partial tree around the stack and buffer (the feature set of Zhang and Nivre 2011,
 * trimmed), and a second perceptron that labels each arc when it is made. When an arc is made its
 * dependent is complete, so the labeller sees the dependent's own dependents (the "de" of "de la
 * ville", the "par" of a passive agent).
 */

/**
 * The feature sets: 'full' (every template) or 'fast' (without the lexical pairs and other templates
 * whose removal cost least on fr-sequoia dev: about three times fewer features, for speed).
 */
export type FeatureSet = 'full' | 'fast';

const NONE = -1;
const ROOT_VALUE = -3;

/** What the parser reads of a sentence: word properties, tags and morphology, as numbers. */
export interface ParserInput {
  n: number;
  words: WordTable;
  /** UPOS index of each word. */
  tags: ArrayLike<number>;
  /** Hash of each word's morphological feature bundle. */
  morph: ArrayLike<number>;
}

// item slots of the feature context
const S0 = 0, S1 = 1, S2 = 2, B0 = 3, B1 = 4, B2 = 5, S0L1 = 6, S0L2 = 7, S0R1 = 8, S0R2 = 9, S1R1 = 10, S1L1 = 11, B0L1 = 12, B0L2 = 13;
const N_ITEMS = 14;

export const MAX_PARSER_FEATURES = 80;

/** Feature context: for each item its word, tag and label, filled per step. */
export class FeatureContext {
  readonly item = new Int32Array(N_ITEMS);
  readonly w = new Int32Array(N_ITEMS);
  readonly t = new Int32Array(N_ITEMS);
  readonly l = new Int32Array(N_ITEMS);

  fill(input: ParserInput, st: ParseState): void {
    const { item } = this;
    item[S0] = st.s(0);
    item[S1] = st.s(1);
    item[S2] = st.s(2);
    item[B0] = st.buf(0);
    item[B1] = st.buf(1);
    item[B2] = st.buf(2);
    const s0 = item[S0]!, s1 = item[S1]!, b0 = item[B0]!;
    item[S0L1] = s0 >= 0 ? st.lc1[s0]! : NONE;
    item[S0L2] = s0 >= 0 ? st.lc2[s0]! : NONE;
    item[S0R1] = s0 >= 0 ? st.rc1[s0]! : NONE;
    item[S0R2] = s0 >= 0 ? st.rc2[s0]! : NONE;
    item[S1R1] = s1 >= 0 ? st.rc1[s1]! : NONE;
    item[S1L1] = s1 >= 0 ? st.lc1[s1]! : NONE;
    item[B0L1] = b0 >= 0 ? st.lc1[b0]! : NONE;
    item[B0L2] = b0 >= 0 ? st.lc2[b0]! : NONE;
    for (let k = 0; k < N_ITEMS; k++) {
      const i = item[k]!;
      if (i < 0) {
        this.w[k] = NONE;
        this.t[k] = NONE;
        this.l[k] = NONE;
      } else if (i === input.n) {
        this.w[k] = ROOT_VALUE;
        this.t[k] = ROOT_VALUE;
        this.l[k] = ROOT_VALUE;
      } else {
        this.w[k] = input.words[i * WORD_SLOTS + W.Lower]!;
        this.t[k] = input.tags[i]!;
        this.l[k] = st.labels[i]!;
      }
    }
  }
}

function distance(a: number, b: number): number {
  if (a < 0 || b < 0) return NONE;
  const d = Math.abs(a - b);
  return d > 5 ? (d > 10 ? 7 : 6) : d;
}

/** Features of the current configuration for choosing the next transition. */
export function transitionFeatures(input: ParserInput, st: ParseState, c: FeatureContext, out: Uint32Array, full: boolean): number {
  c.fill(input, st);
  const { w, t, l, item } = c;
  let k = 0;
  const s0 = item[S0]!, b0 = item[B0]!, s1 = item[S1]!;
  const m = (i: number) => morphAt(input, i);
  out[k++] = feat1(1, 0);
  // single items
  out[k++] = feat1(3, w[S0]!);
  out[k++] = feat1(4, t[S0]!);
  out[k++] = feat1(7, t[B0]!);
  out[k++] = feat1(10, t[B1]!);
  out[k++] = feat1(13, t[S1]!);
  out[k++] = feat1(14, t[B2]!);
  // pairs
  out[k++] = feat2(22, t[S0]!, t[B0]!);
  out[k++] = feat2(23, t[B0]!, t[B1]!);
  out[k++] = feat2(28, t[S1]!, t[B0]!);
  // three tags
  out[k++] = feat3(30, t[B0]!, t[B1]!, t[B2]!);
  out[k++] = feat3(31, t[S0]!, t[B0]!, t[B1]!);
  out[k++] = feat3(33, t[S0]!, t[S0L1]!, t[B0]!);
  out[k++] = feat3(34, t[S0]!, t[S0R1]!, t[B0]!);
  out[k++] = feat3(35, t[S0]!, t[B0]!, t[B0L1]!);
  out[k++] = feat3(36, t[S1]!, t[S0]!, t[S0L1]!);
  out[k++] = feat3(39, t[S2]!, t[S1]!, t[S0]!);
  out[k++] = feat3(40, t[S1]!, t[S1L1]!, t[S0]!);
  out[k++] = feat4(41, t[S0]!, t[B0]!, t[B0L1]!, t[B0L2]!);
  out[k++] = feat4(43, t[S0]!, t[S0R1]!, t[S0R2]!, t[B0]!);
  // distance
  const d0 = distance(s0, b0 === input.n ? NONE : b0);
  const d1 = distance(s1, s0);
  out[k++] = feat3(44, w[S0]!, t[S0]!, d0);
  out[k++] = feat3(47, t[S1]!, t[S0]!, d1);
  // valency
  const nl = (i: number) => (i >= 0 ? Math.min(st.nLeft[i]!, 4) : NONE);
  const nr = (i: number) => (i >= 0 ? Math.min(st.nRight[i]!, 4) : NONE);
  out[k++] = feat3(49, w[S0]!, t[S0]!, nl(s0));
  out[k++] = feat3(50, w[S0]!, t[S0]!, nr(s0));
  // labels of the dependents so far
  out[k++] = feat2(53, t[S0]!, l[S0L1]!);
  out[k++] = feat2(54, t[S0]!, l[S0R1]!);
  out[k++] = feat3(55, t[S0]!, l[S0L1]!, l[S0L2]!);
  out[k++] = feat3(56, t[S0]!, l[S0R1]!, l[S0R2]!);
  out[k++] = feat2(57, t[B0]!, l[B0L1]!);
  out[k++] = feat3(58, t[B0]!, l[B0L1]!, l[B0L2]!);
  // dependents' words
  out[k++] = feat2(62, w[S0L1]!, t[S0]!);
  out[k++] = feat2(63, w[S0R1]!, t[S0]!);
  out[k++] = feat2(64, w[B0L1]!, t[B0]!);
  // morphology
  out[k++] = feat3(65, t[S0]!, m(s0), t[B0]!);
  out[k++] = feat3(66, t[S0]!, t[B0]!, m(b0));
  if (full) {
    // the full set: lexical pairs and the rest that the fast set leaves out
    out[k++] = feat2(8, w[B1]!, t[B1]!);
    out[k++] = feat1(9, w[B1]!);
    out[k++] = feat1(15, t[S2]!);
    out[k++] = feat3(37, t[S1]!, t[S0]!, t[S0R1]!);
    out[k++] = feat3(38, t[S1]!, t[S1R1]!, t[S0]!);
    out[k++] = feat4(42, t[S0]!, t[S0L1]!, t[S0L2]!, t[B0]!);
    out[k++] = feat3(48, w[S1]!, w[S0]!, d1);
    out[k++] = feat3(52, t[S1]!, nr(s1), t[S0]!);
    out[k++] = feat3(59, t[S1]!, l[S1R1]!, t[S0]!);
    out[k++] = feat3(67, t[S1]!, m(s1), m(s0));
    out[k++] = feat4(68, t[S1]!, t[S0]!, t[B0]!, d0);
    out[k++] = feat2(2, w[S0]!, t[S0]!);
    out[k++] = feat2(5, w[B0]!, t[B0]!);
    out[k++] = feat1(6, w[B0]!);
    out[k++] = feat2(11, w[S1]!, t[S1]!);
    out[k++] = feat1(12, w[S1]!);
    out[k++] = feat4(16, w[S0]!, t[S0]!, w[B0]!, t[B0]!);
    out[k++] = feat3(17, w[S0]!, t[S0]!, w[B0]!);
    out[k++] = feat3(18, w[S0]!, w[B0]!, t[B0]!);
    out[k++] = feat3(19, w[S0]!, t[S0]!, t[B0]!);
    out[k++] = feat3(20, t[S0]!, w[B0]!, t[B0]!);
    out[k++] = feat2(21, w[S0]!, w[B0]!);
    out[k++] = feat4(24, w[S1]!, t[S1]!, w[S0]!, t[S0]!);
    out[k++] = feat2(25, w[S1]!, w[S0]!);
    out[k++] = feat3(26, t[S1]!, w[S0]!, t[S0]!);
    out[k++] = feat3(27, w[S1]!, t[S1]!, t[S0]!);
    out[k++] = feat2(29, w[S1]!, w[B0]!);
    out[k++] = feat3(32, t[S1]!, t[S0]!, t[B0]!);
    out[k++] = feat3(45, w[B0]!, t[B0]!, d0);
    out[k++] = feat3(46, t[S0]!, t[B0]!, d0);
    out[k++] = feat3(51, w[B0]!, t[B0]!, nl(b0));
    out[k++] = feat3(60, t[S1]!, l[S1L1]!, t[S0]!);
    out[k++] = feat3(61, w[S0]!, l[S0L1]!, t[B0]!);
  }
  return k;
}

function morphAt(input: ParserInput, i: number): number {
  return i >= 0 && i < input.n ? input.morph[i]! : NONE;
}
function wordAt(input: ParserInput, i: number): number {
  return i < 0 ? NONE : i === input.n ? ROOT_VALUE : input.words[i * WORD_SLOTS + W.Lower]!;
}
function tagAt(input: ParserInput, i: number): number {
  return i < 0 ? NONE : i >= input.n ? ROOT_VALUE : input.tags[i]!;
}
function labelAt(st: ParseState, i: number): number {
  return i < 0 || i >= st.n ? NONE : st.labels[i]!;
}

/** Features of an arc about to be made, for its label. */
export function labelFeatures(input: ParserInput, st: ParseState, h: number, d: number, out: Uint32Array, full: boolean): number {
  const n = input.n;
  const word = (i: number) => wordAt(input, i);
  const tag = (i: number) => tagAt(input, i);
  const morph = (i: number) => morphAt(input, i);
  const label = (i: number) => labelAt(st, i);
  const dir = h === n ? 2 : h < d ? 1 : 0;
  const dist = h === n ? 9 : distance(h, d);
  const dw = word(d), dt = tag(d), hw = word(h), ht = tag(h);
  const dl1 = st.lc1[d]!, dl2 = st.lc2[d]!, dr1 = st.rc1[d]!;
  const hl1 = st.lc1[h]!, hr1 = st.rc1[h]!;
  let k = 0;
  out[k++] = feat1(1, dt);
  out[k++] = feat2(2, dw, dt);
  out[k++] = feat2(3, ht, dir);
  out[k++] = feat2(4, hw, ht);
  out[k++] = feat3(10, word(dl1), dt, ht);
  out[k++] = feat4(11, tag(dl1), label(dl1), dt, ht);
  out[k++] = feat3(12, word(dl2), dt, ht);
  out[k++] = feat3(13, tag(dr1), label(dr1), dt);
  out[k++] = feat3(14, morph(d), dt, ht);
  out[k++] = feat4(16, label(hl1), label(hr1), ht, dir);
  out[k++] = feat3(17, tag(d - 1), dt, ht);
  out[k++] = feat3(18, tag(d + 1), dt, dir);
  out[k++] = feat4(21, morph(d), morph(h), dt, ht);
  out[k++] = feat4(24, tag(h - 1), tag(h + 1), ht, dt);
  if (full) {
    // the full set: lexical pairs and the rest that the fast set leaves out
    out[k++] = feat3(5, dt, ht, dir);
    out[k++] = feat3(6, dw, ht, dir);
    out[k++] = feat3(7, dt, hw, dir);
    out[k++] = feat3(8, dw, hw, dir);
    out[k++] = feat4(9, dt, ht, dir, dist);
    out[k++] = feat3(15, morph(h), ht, dt);
    out[k++] = feat4(19, word(dl1), dt, hw, dir);
    out[k++] = feat3(20, Math.min(st.nLeft[h]!, 3), dir, dt);
    out[k++] = feat3(22, word(hl1), ht, dt);
    out[k++] = feat3(23, dw, dt, dir);
  }
  return k;
}

/**
 * The label dictionary: arcs whose label is settled by the two tags and the direction (PUNCT → punct),
 * or by the dependent's word too ("le" DET before a NOUN → det), in 99 % of 20 training arcs or
 * more, are labelled without the model. Keys: "DEP_TAG HEAD_TAG DIR" and "word DEP_TAG HEAD_TAG DIR"
 * (DIR: < when the head is to the right), tab-separated.
 */
export function labelDictionaryKeys(lower: string, depTag: string, headTag: string, headRight: boolean): [string, string] {
  const dir = headRight ? '<' : '>';
  return [`${depTag}\t${headTag}\t${dir}`, `${lower}\t${depTag}\t${headTag}\t${dir}`];
}

function tagKey(dt: number, ht: number, right: boolean): number {
  return feat3(901, dt, ht, right ? 1 : 0) | 0;
}
function wordKey(lower: number, dt: number, ht: number, right: boolean): number {
  return feat4(902, lower, dt, ht, right ? 1 : 0) | 0;
}

/** The dictionary of a model file as hashed keys → label index. */
export function readLabelDictionary(table: Record<string, string[]>, labelNames: string[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const [label, keys] of Object.entries(table)) {
    const l = labelNames.indexOf(label);
    if (l < 0) continue;
    for (const key of keys) {
      const parts = key.split('\t');
      const right = parts[parts.length - 1] === '<';
      const dt = UPOS_INDEX.get(parts[parts.length - 3]!) ?? -9;
      const ht = UPOS_INDEX.get(parts[parts.length - 2]!) ?? -9;
      map.set(parts.length === 3 ? tagKey(dt, ht, right) : wordKey(hashString(parts[0]!) | 0, dt, ht, right), l);
    }
  }
  return map;
}

/** The label the dictionary gives the arc h → d, or -1. */
export function dictionaryLabel(dictionary: Map<number, number>, input: ParserInput, h: number, d: number): number {
  if (dictionary.size === 0) return -1;
  const dt = input.tags[d]!, ht = input.tags[h]!, right = h > d;
  return dictionary.get(tagKey(dt, ht, right)) ?? dictionary.get(wordKey(input.words[d * WORD_SLOTS + W.Lower]!, dt, ht, right)) ?? -1;
}

export interface ParseResult {
  /** Head of each word, 1-based, 0 for the root (CoNLL-U's HEAD). */
  heads: Int32Array;
  /** Label index of each word. */
  labels: Int32Array;
}

export class Parser {
  private readonly scores: Float64Array;
  private readonly buffer = new Uint32Array(MAX_PARSER_FEATURES);
  private readonly context = new FeatureContext();

  constructor(
    readonly transitions: LinearModel,
    readonly labeler: LinearModel,
    readonly labelNames: string[],
    /** Which feature set the model was trained with ('full', or 'fast': fewer lexical pairs). */
    readonly featureSet: FeatureSet,
    /** Arcs whose label training always gave the same ({label: [keys]}; see labelDictionaryKeys). */
    labelDictionary: Record<string, string[]> = {},
  ) {
    this.scores = new Float64Array(Math.max(N_ACTIONS, labeler.nClasses));
    this.dictionary = readLabelDictionary(labelDictionary, labelNames);
    this.rootLabel = labelNames.indexOf('root');
  }

  /** Index of the "root" label: given to the root's dependent and to no other. */
  private readonly rootLabel: number;

  private readonly dictionary: Map<number, number>;

  /** The best legal transition of a state. */
  nextAction(input: ParserInput, st: ParseState): number {
    // a forced move (an empty stack, or the root in front with words left on the stack) needs no scores
    let legal = 0;
    let only = -1;
    for (let a = 0; a < N_ACTIONS; a++) {
      if (st.isLegal(a)) {
        legal++;
        only = a;
      }
    }
    if (legal === 1) return only;
    const k = transitionFeatures(input, st, this.context, this.buffer, this.featureSet === 'full');
    const scores = this.scores;
    scores.fill(0, 0, N_ACTIONS);
    this.transitions.score(this.buffer, k, scores);
    let best = -1;
    for (let a = 0; a < N_ACTIONS; a++) if (st.isLegal(a) && (best < 0 || scores[a]! > scores[best]!)) best = a;
    return best;
  }

  /** The best label for the arc h → d. */
  label(input: ParserInput, st: ParseState, h: number, d: number): number {
    const root = this.rootLabel;
    if (h === input.n) return root;
    const known = dictionaryLabel(this.dictionary, input, h, d);
    if (known >= 0) return known;
    const k = labelFeatures(input, st, h, d, this.buffer, this.featureSet === 'full');
    const scores = this.scores;
    const nClasses = this.labeler.nClasses;
    scores.fill(0, 0, nClasses);
    this.labeler.score(this.buffer, k, scores);
    if (root >= 0) scores[root] = -Infinity;
    return argmax(scores, nClasses);
  }

  parse(input: ParserInput): ParseResult {
    const st = new ParseState(input.n);
    while (!st.done) {
      const action = this.nextAction(input, st);
      if (action === SHIFT) st.apply(SHIFT, -1);
      else {
        const d = st.s(0);
        const h = st.headFor(action);
        st.apply(action, this.label(input, st, h, d));
      }
    }
    const heads = new Int32Array(input.n);
    for (let i = 0; i < input.n; i++) heads[i] = st.heads[i] === input.n ? 0 : st.heads[i]! + 1;
    return { heads, labels: st.labels };
  }
}
