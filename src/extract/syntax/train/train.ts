import { multiwordFeatures, MAX_MWT_FEATURES, UPOS_TAGS } from '../analyzer.ts';
import { surfaceTokens, treeProblem, type UdSentence } from '../conllu.ts';
import { normalizeForm, wordTable, type WordTable } from '../features.ts';
import { hashString, seededRandom, shuffleInPlace } from '../hash.ts';
import { labelFeatures, MAX_PARSER_FEATURES, transitionFeatures, FeatureContext, type ParserInput } from '../parser.ts';
import { Tagger, MAX_FEATURES, morphClass, morphFeatures, uposFeatures } from '../tagger.ts';
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
}

export const taggerDefaults: TrainConfig = { epochs: 10, seed: 1, exploreFrom: 0, exploreRate: 0, jackknife: 0, minUpdates: 1, labelMinUpdates: 0 };
export const parserDefaults: TrainConfig = { epochs: 15, seed: 1, exploreFrom: 1, exploreRate: 0.9, jackknife: 5, minUpdates: 3, labelMinUpdates: 2 };

export type Progress = (done: number, total: number, what: string) => void;

const TAG_INDEX = new Map(UPOS_TAGS.map((t, i) => [t, i]));

function tagIndex(upos: string): number {
  return TAG_INDEX.get(upos) ?? TAG_INDEX.get('X')!;
}

export interface TrainedTagger {
  upos: AveragedPerceptron;
  morph: AveragedPerceptron;
  morphNames: string[];
  multiword: AveragedPerceptron;
  expansions: Record<string, string[]>;
  ambiguous: string[];
}

/** Multiword tokens of the training data: their expansions, and the forms that are sometimes one word. */
function collectMultiwords(sentences: UdSentence[]): { expansions: Record<string, string[]>; ambiguous: string[] } {
  const counts = new Map<string, Map<string, number>>();
  const single = new Map<string, number>();
  for (const s of sentences) {
    for (const tok of surfaceTokens(s)) {
      const lower = normalizeForm(tok.form);
      if (tok.words.length > 1) {
        const exp = tok.words.map((w) => normalizeForm(s.words[w]!.form)).join(' ');
        const m = counts.get(lower) ?? new Map<string, number>();
        m.set(exp, (m.get(exp) ?? 0) + 1);
        counts.set(lower, m);
      } else single.set(lower, (single.get(lower) ?? 0) + 1);
    }
  }
  const expansions: Record<string, string[]> = {};
  const ambiguous: string[] = [];
  for (const [form, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    // a form split once by accident (a typo in the treebank) is not a rule
    if (total < 2 && (single.get(form) ?? 0) > 0) continue;
    const best = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    expansions[form] = best.split(' ');
    if ((single.get(form) ?? 0) > 0) ambiguous.push(form);
  }
  return { expansions, ambiguous };
}

/** Trains the tagger (parts of speech, morphology) and the multiword model. */
export function trainTagger(sentences: UdSentence[], config: TrainConfig = taggerDefaults, progress?: Progress): TrainedTagger {
  const random = seededRandom(config.seed);
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
  const upos = new AveragedPerceptron(UPOS_TAGS.length);
  const morph = new AveragedPerceptron(morphNames.length);
  const multiword = new AveragedPerceptron(2);
  const { expansions, ambiguous } = collectMultiwords(sentences);
  const ambiguousSet = new Set(ambiguous);
  const buf = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(Math.max(UPOS_TAGS.length, morphNames.length, 2));
  const order = sentences.map((_, i) => i);
  const tables = sentences.map((s) => wordTable(s.words.map((w) => w.form)));
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
        const k = uposFeatures(t, n, i, p1, p2, buf);
        upos.score(buf, k, scores);
        let guess = 0;
        for (let c = 1; c < UPOS_TAGS.length; c++) if (scores[c]! > scores[guess]!) guess = c;
        upos.tick();
        upos.update(gold[i]!, guess, buf, k);
        p2 = p1;
        p1 = guess;
      }
      for (let i = 0; i < n; i++) {
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
  return { upos, morph, morphNames, multiword, expansions, ambiguous };
}

/** A tagger to use while training the parser (jackknifing), from trained weights. */
export function taggerOf(trained: TrainedTagger, minUpdates = 1): Tagger {
  return new Tagger(new LinearModel(trained.upos.compact(0, minUpdates)), new LinearModel(trained.morph.compact(0, minUpdates)), UPOS_TAGS, trained.morphNames);
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
  /** Sentences left out because their gold tree is not a tree. */
  skipped: { id: string; why: string }[];
}

/** Tags of the training sentences as a tagger trained without them would predict them (k folds). */
export function jackknifeTags(sentences: UdSentence[], folds: number, config: TrainConfig, progress?: Progress): { tags: Int32Array; morph: Int32Array }[] {
  const out: { tags: Int32Array; morph: Int32Array }[] = new Array(sentences.length);
  for (let f = 0; f < folds; f++) {
    const train = sentences.filter((_, i) => i % folds !== f);
    const trained = trainTagger(train, { ...config, seed: config.seed + f }, progress ? (d, t) => progress(f * t + d, folds * t, `tags for the parser (fold ${f + 1} of ${folds})`) : undefined);
    const tagger = taggerOf(trained);
    sentences.forEach((s, i) => {
      if (i % folds !== f) return;
      const t = wordTable(s.words.map((w) => w.form));
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

/** Trains the transition and label models with the dynamic oracle. */
export function trainParser(examples: ParserExample[], labelNames: string[], config: TrainConfig = parserDefaults, progress?: Progress): Omit<TrainedParser, 'skipped'> {
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
        const k = transitionFeatures(input, st, context, buf);
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
        else {
          const kl = labelFeatures(input, st, h, d, buf);
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
