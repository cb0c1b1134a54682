import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSyntaxAnalyzer } from '../../src/cli/syntax-models.ts';
import { readConllu } from '../../src/extract/syntax/conllu.ts';
import { applyLemmaEdit, lemmaEdit, Lemmatizer } from '../../src/extract/syntax/lemmatizer.ts';
import { learnLemmas } from '../../src/extract/syntax/train/lemmas.ts';

const TREEBANKS = '../shared/treebanks/';

describe('lemma edits', () => {
  it.each([
    ['rachète', 'racheter'],
    ['acquis', 'acquérir'],
    ['sociétés', 'société'],
    ['a', 'avoir'],
    ['yeux', 'œil'],
  ])('turn %s into %s and back', (form, lemma) => {
    expect(applyLemmaEdit(form, lemmaEdit(form, lemma))).toBe(lemma);
  });
});

describe('a lemmatizer learned from a treebank', () => {
  const train = readConllu(readFileSync(`${TREEBANKS}fr-sequoia/fr_sequoia-ud-train.conllu`, 'utf8'));
  const { lemmas, lemmaRules } = learnLemmas(train);
  const lemmatizer = new Lemmatizer(lemmas, lemmaRules);

  it('gives every training form its most frequent lemma (rules, then exceptions)', () => {
    let words = 0;
    let right = 0;
    for (const s of train.slice(0, 500)) {
      for (const w of s.words) {
        if (['PROPN', 'NUM', 'PUNCT', 'SYM', 'X'].includes(w.upos) || w.lemma === '_') continue;
        words++;
        if (lemmatizer.lemma(w.form, w.upos) === w.lemma.toLowerCase()) right++;
      }
    }
    // the few misses are forms whose lemma varies in the treebank (one lemma is kept per form and tag)
    expect(right / words).toBeGreaterThan(0.99);
  });

  it('lemmatizes forms it never saw by their suffix', () => {
    // invented verbs of the first group, conjugated
    expect(lemmatizer.lemma('bretixaient', 'VERB')).toBe('bretixer');
    expect(lemmatizer.lemma('dataxeront', 'VERB')).toBe('dataxer');
  });

  it('scores above 0.97 on the test file it was not trained on', () => {
    const test = readConllu(readFileSync(`${TREEBANKS}fr-sequoia/fr_sequoia-ud-test.conllu`, 'utf8'));
    let words = 0;
    let right = 0;
    for (const s of test) for (const w of s.words) {
      words++;
      if (lemmatizer.lemma(w.form, w.upos).toLowerCase() === w.lemma.toLowerCase()) right++;
    }
    expect(right / words).toBeGreaterThan(0.97);
  });
});

describe('the shipped models lemmatize', () => {
  it.each([
    ['fr', ['Dataxo', 'a', 'racheté', 'les', 'sociétés', 'de', 'Bretix', '.'], { 2: 'racheter', 4: 'société', 1: 'avoir' }],
    ['en', ['Acme', 'acquired', 'two', 'companies', '.'], { 1: 'acquire', 3: 'company' }],
  ] as const)('%s', (lang, forms, expected) => {
    const a = loadSyntaxAnalyzer(lang).analyze(forms);
    for (const [i, lemma] of Object.entries(expected)) expect(a.lemmas[Number(i)]).toBe(lemma);
    // a word tagged as a name keeps its form
    a.upos.forEach((u, i) => {
      if (u === 'PROPN') expect(a.lemmas[i]).toBe(forms[i]);
    });
  });
});
