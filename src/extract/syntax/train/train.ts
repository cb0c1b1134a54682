import { multiwordFeatures, MAX_MWT_FEATURES, UPOS_TAGS } from '../analyzer.ts';
import { surfaceTokens, treeProblem, type UdSentence } from '../conllu.ts';
import { lexiconClasses, normalizeForm, W, WORD_SLOTS, wordTable, type WordTable } from '../features.ts';
import { hashString, seededRandom, shuffleInPlace } from '../hash.ts';
import { dictionaryLabel, labelDictionaryKeys, labelFeatures, MAX_PARSER_FEATURES, readLabelDictionary, transitionFeatures, FeatureContext, type FeatureSet, type ParserInput } from '../parser.ts';
import { dictionaryKey, morphDictionaryKey, Tagger, MAX_FEATURES, morphClass, morphFeatures, uposFeatures } from '../tagger.ts';
import { N_ACTIONS, ParseState, SHIFT } from '../transitions.ts';
import { AveragedPerceptron } from './averaged-perceptron.ts';
import { LinearModel } from '../perceptron.ts';

/** How a model is trained. Defaults are the shipped models' (src/extract/data/MODELS.md). */
export interface TrainConfig {
  /** Passes over the training sentences. */
  epochs: number;
  /** Seed of the shuffles and of the parser's exploration. */
  seed: number;
  /** Parser: from which pass on the parser follows its own predictions (the dynamic oracle's exploration). */
  exploreFrom: number;
  /** Parser: how often it follows its own prediction when exploring. */
  exploreRate: number;
  /** Parser: train on tags predicted by taggers trained on the other folds (k), or on gold tags (0). */
  jackknife: number;
  /** Features that took part in fewer updates are dropped when the model is written (rare features cost memory and time, and add little). */
  minUpdates: number;
  /** The same for the parser's label model. */
  labelMinUpdates: number;
  /** The feature templates: 'full', or 'fast' (three times fewer features; see parser.ts). */
  features: FeatureSet;
  /** Tagger: tag frequent unambiguous words (and their features) from dictionaries; parser: label from its dictionary. */
  dictionaries: boolean;
}

export const taggerDefaults: TrainConfig = { epochs: 10, seed: 1, exploreFrom: 0, exploreRate: 0, jackknife: 0, minUpdates: 1, labelMinUpdates: 0, features: 'full', dictionaries: true };
export const parserDefaults: TrainConfig = { epochs: 15, seed: 1, exploreFrom: 1, exploreRate: 0.9, jackknife: 5, minUpdates: 3, labelMinUpdates: 2, features: 'full', dictionaries: true };

export type Progress = (done: number, total: number, what: string) => void;

const TAG_INDEX = new Map(UPOS_TAGS.map((t, i) => [t, i]));

function tagIndex(upos: string): number {
  return TAG_INDEX.get(upos) ?? TAG_INDEX.get('X')!;
}

export interface TrainedTagger {
  features: FeatureSet;
  /** Tags whose words carry none of the predicted features in 99 % of the training words or more. */
  featureless: string[];
  /** Words seen 20 times or more with one tag at least 97 % of the time ({tag: [words]}). */
  tagDictionary: Record<string, string[]>;
  /** (word, tag) pairs seen 10 times or more with one feature bundle at least 99 % of the time. */
  morphDictionary: Record<string, string[]>;
  /** The general lexicon the tagger reads ({class: [words]}), when it has one. */
  lexicon?: Record<string, string[]>;
  upos: AveragedPerceptron;
  morph: AveragedPerceptron;
  morphNames: string[];
  multiword: AveragedPerceptron;
  expansions: Record<string, string[]>;
  ambiguous: string[];
}

/** How often each value was seen with each key (a word and its tags, a form and its expansions). */
class ValueCounts {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, value: string): void {
    const c = this.counts.get(key) ?? new Map<string, number>();
    c.set(value, (c.get(value) ?? 0) + 1);
    this.counts.set(key, c);
  }

  /** Each key (in order) with its most frequent value (ties: the first in order), its count and the key's total. */
  mostFrequent(): { key: string; value: string; count: number; total: number }[] {
    return [...this.counts.keys()].sort().map((key) => {
      const c = this.counts.get(key)!;
      const [value, count] = [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      return { key, value, count, total: [...c.values()].reduce((a, b) => a + b, 0) };
    });
  }

  /** The keys seen `minCount` times or more with one value at least `minShare` of the time, by value. */
  settled(minCount: number, minShare: number): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const { key, value, count, total } of this.mostFrequent()) if (total >= minCount && count >= minShare * total) (out[value] ??= []).push(key);
    return out;
  }
}

/** Multiword tokens of the training data: their expansions, and the forms that are sometimes one word. */
function collectMultiwords(sentences: UdSentence[]): { expansions: Record<string, string[]>; ambiguous: string[] } {
  const counts = new ValueCounts();
  const single = new Map<string, number>();
  for (const s of sentences) {
    for (const tok of surfaceTokens(s)) {
      const lower = normalizeForm(tok.form);
      if (tok.words.length > 1) counts.add(lower, tok.words.map((w) => normalizeForm(s.words[w]!.form)).join(' '));
      else single.set(lower, (single.get(lower) ?? 0) + 1);
    }
  }
  const expansions: Record<string, string[]> = {};
  const ambiguous: string[] = [];
  for (const { key: form, value, total } of counts.mostFrequent()) {
    // a form split once by accident (a typo in the treebank) is not a rule
    if (total < 2 && (single.get(form) ?? 0) > 0) continue;
    expansions[form] = value.split(' ');
    if ((single.get(form) ?? 0) > 0) ambiguous.push(form);
  }
  return { expansions, ambiguous };
}

/**
 * The tagger's dictionaries (as in Honnibal's tagger): frequent words with one tag, and frequent
 * (word, tag) pairs with one feature bundle, are given them without the models.
 */
function collectDictionaries(sentences: UdSentence[], featureless: string[]): { tagDictionary: Record<string, string[]>; morphDictionary: Record<string, string[]> } {
  const tags = new ValueCounts();
  const bundles = new ValueCounts();
  for (const s of sentences) {
    for (const w of s.words) {
      const lower = normalizeForm(w.form);
      tags.add(lower, w.upos);
      if (!featureless.includes(w.upos)) bundles.add(`${lower}\t${w.upos}`, morphClass(w.feats));
    }
  }
  return { tagDictionary: tags.settled(20, 0.97), morphDictionary: bundles.settled(10, 0.99) };
}

/** Trains the tagger (parts of speech, morphology) and the multiword model. */
export function trainTagger(sentences: UdSentence[], config: TrainConfig = taggerDefaults, progress?: Progress, lexicon?: Record<string, string[]>): TrainedTagger {
  const random = seededRandom(config.seed);
  const classes = lexiconClasses(lexicon);
  const morphNames = ['_'];
  const morphIndex = new Map([['_', 0]]);
  for (const s of sentences) {
    for (const w of s.words) {
      const m = morphClass(w.feats);
      if (!morphIndex.has(m)) {
        morphIndex.set(m, morphNames.length);
        morphNames.push(m);
      }
    }
  }
  const withFeatures = new Map<string, [number, number]>();
  for (const s of sentences) {
    for (const w of s.words) {
      const c = withFeatures.get(w.upos) ?? [0, 0];
      c[0]++;
      if (morphClass(w.feats) !== '_') c[1]++;
      withFeatures.set(w.upos, c);
    }
  }
  const featureless = UPOS_TAGS.filter((t) => {
    const c = withFeatures.get(t);
    return !c || c[1] <= 0.01 * c[0];
  });
  const featurelessIndex = new Set(featureless.map((t) => UPOS_TAGS.indexOf(t)));
  const { tagDictionary, morphDictionary } = config.dictionaries ? collectDictionaries(sentences, featureless) : { tagDictionary: {}, morphDictionary: {} };
  const tagDict = new Map<number, number>();
  for (const [tag, words] of Object.entries(tagDictionary)) for (const w of words) tagDict.set(dictionaryKey(w), UPOS_TAGS.indexOf(tag));
  const morphDict = new Set<number>();
  for (const pairs of Object.values(morphDictionary)) {
    for (const pair of pairs) {
      const [w, tag] = pair.split('\t');
      morphDict.add(morphDictionaryKey(dictionaryKey(w!), UPOS_TAGS.indexOf(tag!)));
    }
  }
  const upos = new AveragedPerceptron(UPOS_TAGS.length);
  const morph = new AveragedPerceptron(morphNames.length);
  const multiword = new AveragedPerceptron(2);
  const { expansions, ambiguous } = collectMultiwords(sentences);
  const ambiguousSet = new Set(ambiguous);
  const buf = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(Math.max(UPOS_TAGS.length, morphNames.length, 2));
  const order = sentences.map((_, i) => i);
  const tables = sentences.map((s) => wordTable(s.words.map((w) => w.form), classes));
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    order.forEach((si, done) => {
      const s = sentences[si]!;
      const t = tables[si]!;
      const n = s.words.length;
      const gold = s.words.map((w) => tagIndex(w.upos));
      let p1 = -1;
      let p2 = -1;
      for (let i = 0; i < n; i++) {
        const known = tagDict.get(t[i * WORD_SLOTS + W.Lower]!);
        if (known !== undefined) {
          p2 = p1;
          p1 = known;
          continue;
        }
        const k = uposFeatures(t, n, i, p1, p2, buf, config.features === 'full');
        upos.score(buf, k, scores);
        let guess = 0;
        for (let c = 1; c < UPOS_TAGS.length; c++) if (scores[c]! > scores[guess]!) guess = c;
        upos.tick();
        upos.update(gold[i]!, guess, buf, k);
        p2 = p1;
        p1 = guess;
      }
      for (let i = 0; i < n; i++) {
        if (featurelessIndex.has(gold[i]!) || morphDict.has(morphDictionaryKey(t[i * WORD_SLOTS + W.Lower]!, gold[i]!))) continue;
        const k = morphFeatures(t, n, i, gold, buf);
        morph.score(buf, k, scores);
        let guess = 0;
        for (let c = 1; c < morphNames.length; c++) if (scores[c]! > scores[guess]!) guess = c;
        morph.tick();
        morph.update(morphIndex.get(morphClass(s.words[i]!.feats))!, guess, buf, k);
      }
      const toks = surfaceTokens(s);
      const lower = toks.map((x) => normalizeForm(x.form));
      for (let i = 0; i < toks.length; i++) {
        if (!ambiguousSet.has(lower[i]!)) continue;
        const k = multiwordFeatures(lower, i, buf);
        multiword.score(buf, k, scores);
        multiword.tick();
        multiword.update(toks[i]!.words.length > 1 ? 1 : 0, scores[1]! > scores[0]! ? 1 : 0, buf, k);
      }
      if (progress && (done % 50 === 0 || done === order.length - 1)) progress(epoch * order.length + done + 1, config.epochs * order.length, `tagger, pass ${epoch + 1} of ${config.epochs}`);
    });
  }
  return { features: config.features, featureless, tagDictionary, morphDictionary, lexicon, upos, morph, morphNames, multiword, expansions, ambiguous };
}

/** A tagger to use while training the parser (jackknifing), from trained weights. */
export function taggerOf(trained: TrainedTagger, minUpdates = 1): Tagger {
  return new Tagger({
    upos: new LinearModel(trained.upos.compact(0, minUpdates)),
    morph: new LinearModel(trained.morph.compact(0, minUpdates)),
    uposNames: UPOS_TAGS,
    morphNames: trained.morphNames,
    featureSet: trained.features,
    lexicon: lexiconClasses(trained.lexicon),
    featureless: trained.featureless,
    tagDictionary: trained.tagDictionary,
    morphDictionary: trained.morphDictionary,
  });
}

/** What the parser trains on: each sentence's words with gold or predicted tags. */
export interface ParserExample {
  input: ParserInput;
  /** Gold head of each word, 0-based, n for the root. */
  gold: Int32Array;
  /** Gold label index of each word. */
  goldLabels: Int32Array;
}

export interface TrainedParser {
  transitions: AveragedPerceptron;
  labels: AveragedPerceptron;
  labelNames: string[];
}

/** Tags of the training sentences as a tagger trained without them would predict them (k folds). */
export function jackknifeTags(sentences: UdSentence[], folds: number, config: TrainConfig, progress?: Progress, lexicon?: Record<string, string[]>): { tags: Int32Array; morph: Int32Array }[] {
  const out: { tags: Int32Array; morph: Int32Array }[] = new Array(sentences.length);
  for (let f = 0; f < folds; f++) {
    const train = sentences.filter((_, i) => i % folds !== f);
    const trained = trainTagger(train, { ...config, seed: config.seed + f }, progress ? (d, t) => progress(f * t + d, folds * t, `tags for the parser (fold ${f + 1} of ${folds})`) : undefined, lexicon);
    const tagger = taggerOf(trained);
    sentences.forEach((s, i) => {
      if (i % folds !== f) return;
      const t = wordTable(s.words.map((w) => w.form), tagger.lexicon);
      const tags = tagger.tagIndices(t, s.words.length);
      const m = tagger.morphIndices(t, s.words.length, tags);
      out[i] = { tags, morph: Int32Array.from(m, (x) => hashString(tagger.morphNames[x]!) | 0) };
    });
  }
  return out;
}

/** The parser's training examples; sentences whose gold tree is not a tree are reported and left out. */
export function parserExamples(sentences: UdSentence[], labelNames: string[], tagged?: { tags: Int32Array; morph: Int32Array }[]): { examples: ParserExample[]; skipped: { id: string; why: string }[] } {
  const labelIndex = new Map(labelNames.map((l, i) => [l, i]));
  const examples: ParserExample[] = [];
  const skipped: { id: string; why: string }[] = [];
  sentences.forEach((s, si) => {
    const problem = treeProblem(s.words.map((w) => w.head));
    if (problem) {
      skipped.push({ id: s.id, why: problem });
      return;
    }
    const n = s.words.length;
    const words: WordTable = wordTable(s.words.map((w) => w.form));
    const tags = tagged?.[si]?.tags ?? Int32Array.from(s.words, (w) => tagIndex(w.upos));
    const morph = tagged?.[si]?.morph ?? Int32Array.from(s.words, (w) => hashString(morphClass(w.feats)) | 0);
    const gold = Int32Array.from(s.words, (w) => (w.head === 0 ? n : w.head - 1));
    const goldLabels = Int32Array.from(s.words, (w) => labelIndex.get(w.deprel) ?? 0);
    examples.push({ input: { n, words, tags, morph }, gold, goldLabels });
  });
  return { examples, skipped };
}

/** The labels of the training data, "root" among them, sorted. */
export function collectLabels(sentences: UdSentence[]): string[] {
  const labels = new Set<string>(['root']);
  for (const s of sentences) for (const w of s.words) if (w.deprel && w.deprel !== '_') labels.add(w.deprel);
  return [...labels].sort();
}

/** Arcs of the training trees whose label the tags and direction (and the word) settle: see parser.ts. */
export function collectLabelDictionary(sentences: UdSentence[]): Record<string, string[]> {
  const counts = new ValueCounts();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (w.head <= 0 || !w.deprel || w.deprel === '_') return;
      const head = s.words[w.head - 1]!;
      for (const key of labelDictionaryKeys(normalizeForm(w.form), w.upos, head.upos, w.head - 1 > i)) counts.add(key, w.deprel);
    });
  }
  return counts.settled(20, 0.99);
}

/** Trains the transition and label models with the dynamic oracle. */
export function trainParser(examples: ParserExample[], labelNames: string[], config: TrainConfig = parserDefaults, progress?: Progress, labelDictionary: Record<string, string[]> = {}): TrainedParser {
  const dictionary = readLabelDictionary(labelDictionary, labelNames);
  const random = seededRandom(config.seed);
  const transitions = new AveragedPerceptron(N_ACTIONS);
  const labels = new AveragedPerceptron(labelNames.length);
  const rootLabel = labelNames.indexOf('root');
  const buf = new Uint32Array(MAX_PARSER_FEATURES);
  const scores = new Float64Array(Math.max(N_ACTIONS, labelNames.length));
  const costs = new Int32Array(N_ACTIONS);
  const context = new FeatureContext();
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    const explore = epoch >= config.exploreFrom;
    order.forEach((ei, done) => {
      const { input, gold, goldLabels } = examples[ei]!;
      const st = new ParseState(input.n);
      while (!st.done) {
        const full = config.features === 'full';
        const k = transitionFeatures(input, st, context, buf, full);
        transitions.score(buf, k, scores);
        let guess = -1;
        let best = -1;
        let minCost = Infinity;
        for (let a = 0; a < N_ACTIONS; a++) {
          if (!st.isLegal(a)) continue;
          costs[a] = st.cost(a, gold);
          if (costs[a]! < minCost) minCost = costs[a]!;
          if (guess < 0 || scores[a]! > scores[guess]!) guess = a;
        }
        for (let a = 0; a < N_ACTIONS; a++) {
          if (st.isLegal(a) && costs[a] === minCost && (best < 0 || scores[a]! > scores[best]!)) best = a;
        }
        transitions.tick();
        if (costs[guess]! > minCost) transitions.update(best, guess, buf, k);
        const action = explore && costs[guess]! > minCost && random() < config.exploreRate ? guess : costs[guess] === minCost ? guess : best;
        if (action === SHIFT) {
          st.apply(SHIFT, -1);
          continue;
        }
        const d = st.s(0);
        const h = st.headFor(action);
        let label = -1;
        if (h === input.n) label = rootLabel;
        else if ((label = dictionaryLabel(dictionary, input, h, d)) >= 0) {
          // settled by the dictionary: nothing to learn
        } else {
          const kl = labelFeatures(input, st, h, d, buf, full);
          labels.score(buf, kl, scores);
          let lg = 0;
          for (let c = 1; c < labelNames.length; c++) if (c !== rootLabel && (lg === rootLabel || scores[c]! > scores[lg]!)) lg = c;
          if (gold[d] === h) {
            labels.tick();
            labels.update(goldLabels[d]!, lg, buf, kl);
            label = goldLabels[d]!;
          } else label = lg;
        }
        st.apply(action, label);
      }
      if (progress && (done % 50 === 0 || done === order.length - 1)) progress(epoch * order.length + done + 1, config.epochs * order.length, `parser, pass ${epoch + 1} of ${config.epochs}`);
    });
  }
  return { transitions, labels, labelNames };
}
