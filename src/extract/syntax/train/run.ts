import { SyntaxAnalyzer, UPOS_TAGS } from '../analyzer.ts';
import { readConllu, type UdSentence } from '../conllu.ts';
import { scoreParses } from '../evaluate.ts';
import { Lemmatizer } from '../lemmatizer.ts';
import { encodeModelFile } from '../model-file.ts';
import { morphClass as morphOf, Tagger } from '../tagger.ts';
import { learnLemmas } from './lemmas.ts';
import { generalLexicon } from './lexicons.ts';
import { RECIPES, type Recipe } from './recipes.ts';
import { collectLabelDictionary, collectLabels, jackknifeTags, parserExamples, trainParser, trainTagger, type Progress, taggerOf } from './train.ts';

/**
 * `kg train`, without the files: reads the recipe's treebanks through `read`, trains, scores on the
 * tuning and test files and returns the model file. The same seed gives the same bytes.
 */
export interface TrainRequest {
  kind: 'tagger' | 'parser';
  lang: 'fr' | 'en';
  /** Reads a treebank file (a path of the recipe, relative to the treebanks folder). */
  read: (path: string) => string;
  /** The tagger to score a parser with (a tagger model file's bytes). */
  tagger?: { bytes: Uint8Array; name: string };
  progress?: Progress;
  /** Overrides of the recipe (tests train tiny models). */
  recipe?: Partial<Recipe>;
  /** A tuning run: a language without a dev file keeps its tuning sentences out of training, and is scored on them. */
  tuning?: boolean;
}

export interface TrainResult {
  bytes: Uint8Array;
  scores: Record<string, Record<string, number>>;
  skipped: { id: string; why: string }[];
  trainSentences: number;
  trainWords: number;
}

function load(files: string[], read: TrainRequest['read']): UdSentence[] {
  return files.flatMap((f) => readConllu(read(f), { file: f }));
}

/** The recipe's sentences: training, tuning (held out of training when the language has no dev file) and test. */
export function recipeSentences(recipe: Recipe, read: TrainRequest['read'], forTuning = false): { train: UdSentence[]; dev: UdSentence[]; test: UdSentence[] } {
  let train = load(recipe.train, read);
  let dev = load(recipe.dev, read);
  if (recipe.devFromTrain) {
    const held = train.filter((_, i) => i % 10 === 4);
    // the shipped model trains on everything; tuning runs keep every tenth sentence apart
    if (forTuning) train = train.filter((_, i) => i % 10 !== 4);
    dev = held;
  }
  return { train, dev, test: load(recipe.test, read) };
}

function tagScores(tagger: Tagger, lemmatizer: Lemmatizer, sentences: UdSentence[]): { upos: number; feats: number; lemma: number; words: number } {
  let words = 0, upos = 0, feats = 0, lemma = 0;
  for (const s of sentences) {
    const forms = s.words.map((w) => w.form);
    const t = tagger.tag(forms);
    s.words.forEach((w, i) => {
      words++;
      if (t.upos[i] === w.upos) upos++;
      if (t.feats[i] === morphOf(w.feats)) feats++;
      if (lemmatizer.lemma(w.form, t.upos[i]!).toLowerCase() === w.lemma.toLowerCase()) lemma++;
    });
  }
  return { upos: upos / Math.max(1, words), feats: feats / Math.max(1, words), lemma: lemma / Math.max(1, words), words };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function runTraining(request: TrainRequest): TrainResult {
  const recipe: Recipe = { ...RECIPES[request.lang], ...request.recipe };
  const sets = recipeSentences(recipe, request.read, request.tuning);
  const { train, test } = sets;
  // a tuning split held out of training only in tuning runs is trained on otherwise: no score on it then
  const dev = recipe.devFromTrain && !request.tuning ? [] : sets.dev;
  const trainWords = train.reduce((a, s) => a + s.words.length, 0);
  const config = request.kind === 'tagger' ? recipe.tagger : recipe.parser;
  const meta = {
    name: `kg ${request.kind} (${request.lang})`,
    sources: recipe.sources,
    note: 'Trained from the Universal Dependencies treebanks named in sources; a derived work of them, under their licences.',
    trainedOn: { files: recipe.train, sentences: train.length, words: trainWords },
    tunedOn: recipe.devFromTrain ? `every tenth sentence of ${recipe.train.join(', ')} (from the fifth), held out while choosing the configuration; the shipped model trains on all` : recipe.dev,
    testedOn: recipe.test,
    config,
    lexicon: recipe.lexicon ?? null,
    command: `kg train ${request.kind} --lang ${request.lang}${request.tuning ? ' --tuning' : ''}`,
  };
  if (request.kind === 'tagger') {
    const trained = trainTagger(train, recipe.tagger, request.progress, recipe.lexicon ? generalLexicon(recipe.lexicon) : undefined);
    const tagger = taggerOf(trained, recipe.tagger.minUpdates);
    const { lemmas, lemmaRules } = learnLemmas(train);
    const lemmatizer = new Lemmatizer(lemmas, lemmaRules);
    const scores: Record<string, Record<string, number>> = {};
    for (const [name, set] of [['dev', dev], ['test', test]] as const) {
      if (!set.length) continue;
      const s = tagScores(tagger, lemmatizer, set);
      scores[name] = { upos: round(s.upos), feats: round(s.feats), lemma: round(s.lemma), words: s.words };
    }
    const bytes = encodeModelFile({
      header: {
        kind: 'tagger',
        lang: request.lang,
        meta: { ...meta, scores },
        lists: { upos: UPOS_TAGS, morph: trained.morphNames, ambiguous: trained.ambiguous, featureless: trained.featureless },
        tables: { multiword: trained.expansions, tagDictionary: trained.tagDictionary, morphDictionary: trained.morphDictionary, lemmas, lemmaRules, ...(trained.lexicon ? { lexicon: trained.lexicon } : {}) },
      },
      models: { upos: trained.upos.compact(0, recipe.tagger.minUpdates), morph: trained.morph.compact(0, recipe.tagger.minUpdates), multiword: trained.multiword.compact() },
    });
    return { bytes, scores, skipped: [], trainSentences: train.length, trainWords };
  }
  const labels = collectLabels(train);
  const tagged = recipe.parser.jackknife > 1 ? jackknifeTags(train, recipe.parser.jackknife, recipe.tagger, request.progress, recipe.lexicon ? generalLexicon(recipe.lexicon) : undefined) : undefined;
  const { examples, skipped } = parserExamples(train, labels, tagged);
  const labelDictionary = recipe.parser.dictionaries ? collectLabelDictionary(train) : {};
  const trained = trainParser(examples, labels, recipe.parser, request.progress, labelDictionary);
  const models = { transitions: trained.transitions.compact(0, recipe.parser.minUpdates), labels: trained.labels.compact(0, recipe.parser.labelMinUpdates) };
  const header = { kind: 'parser' as const, lang: request.lang, lists: { labels }, tables: { labelDictionary } };
  const scores: Record<string, Record<string, number>> = {};
  if (request.tagger) {
    // score with the tagger it will ship beside
    const unscored = encodeModelFile({ header: { ...header, meta }, models });
    const analyzer = new SyntaxAnalyzer(request.tagger, { bytes: unscored, name: 'the parser being trained' });
    for (const [name, set] of [['dev', dev], ['test', test]] as const) {
      if (!set.length) continue;
      const s = scoreParses((forms) => analyzer.analyze(forms), set);
      scores[name] = { upos: round(s.upos), uas: round(s.uas), las: round(s.las), words: s.tokens };
    }
  }
  const bytes = encodeModelFile({ header: { ...header, meta: { ...meta, scores, skippedTrees: skipped.length } }, models });
  return { bytes, scores, skipped, trainSentences: train.length, trainWords };
}
