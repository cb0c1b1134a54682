import type { LexiconSource } from './lexicons.ts';
import { parserDefaults, taggerDefaults, type TrainConfig } from './train.ts';

/**
 * Which treebank files train, tune and test each language's models (paths under the treebanks
 * folder, ../shared/treebanks). The test files are never trained or tuned on.
 */
export interface Recipe {
  lang: 'fr' | 'en';
  train: string[];
  /** Tuning: what the configuration was chosen on. */
  dev: string[];
  /** Reported: never trained or tuned on. */
  test: string[];
  /** Sentences of the training files kept apart for tuning when the language has no dev file (every tenth, from the fifth). */
  devFromTrain: boolean;
  /** The general lexicon the tagger reads as features. */
  lexicon?: LexiconSource;
  tagger: TrainConfig;
  parser: TrainConfig;
  sources: { name: string; files: string[]; licence: string; url: string }[];
}

export const RECIPES: Record<'fr' | 'en', Recipe> = {
  fr: {
    lang: 'fr',
    train: ['fr-sequoia/fr_sequoia-ud-train.conllu', 'fr-gsd/fr_gsd-ud-dev.conllu', 'fr-gsd/fr_gsd-ud-test.conllu'],
    dev: ['fr-sequoia/fr_sequoia-ud-dev.conllu'],
    test: ['fr-sequoia/fr_sequoia-ud-test.conllu'],
    devFromTrain: false,
    // the fast feature set: French news is what kg build parses in bulk
    tagger: { ...taggerDefaults, features: 'fast', minUpdates: 2 },
    parser: { ...parserDefaults, features: 'fast', minUpdates: 5 },
    sources: [
      { name: 'UD French Sequoia', files: ['fr-sequoia/fr_sequoia-ud-train.conllu'], licence: 'LGPL-LR', url: 'https://github.com/UniversalDependencies/UD_French-Sequoia' },
      { name: 'UD French GSD', files: ['fr-gsd/fr_gsd-ud-dev.conllu', 'fr-gsd/fr_gsd-ud-test.conllu'], licence: 'CC BY-SA 4.0', url: 'https://github.com/UniversalDependencies/UD_French-GSD' },
    ],
  },
  en: {
    lang: 'en',
    train: ['en-ewt/en_ewt-ud-dev.conllu'],
    dev: [],
    test: ['en-ewt/en_ewt-ud-test.conllu'],
    devFromTrain: true,
    lexicon: 'compromise',
    tagger: { ...taggerDefaults, dictionaries: false },
    // little training data: every feature kept (pruning rare ones cost about a point of UAS in tuning)
    parser: { ...parserDefaults, minUpdates: 1, labelMinUpdates: 1, dictionaries: false },
    sources: [{ name: 'UD English EWT', files: ['en-ewt/en_ewt-ud-dev.conllu'], licence: 'CC BY-SA 4.0', url: 'https://github.com/UniversalDependencies/UD_English-EWT' }],
  },
};
