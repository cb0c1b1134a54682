import type { AnalyzedSentence } from './analyzer.ts';
import { isProjective, treeProblem, type UdSentence } from './conllu.ts';
import { morphClass } from './tagger.ts';

/**
 * Scores of a tagger and parser on gold sentences, by the conventions of the CoNLL 2018 shared task:
 * every word counts (punctuation too), LAS compares the universal part of the relation
 * ("nsubj:pass" as "nsubj"), and the analyser reads the gold words.
 */
export interface ParseScores {
  upos: number;
  /** Exact match of the predicted morphological features (Gender, Number, Person, VerbForm, Voice). */
  feats: number;
  uas: number;
  las: number;
  sentences: number;
  tokens: number;
  seconds: number;
  /** Gold trees that are not trees (a cycle, no root): reported, skipped. */
  skipped: { id: string; line: number; why: string }[];
  /** Gold trees with crossing arcs: scored (the parser only builds trees without). */
  nonProjective: number;
}

const universal = (label: string) => label.split(':')[0]!;

export function scoreParses(analyze: (forms: string[]) => AnalyzedSentence, sentences: UdSentence[], now: () => number = () => performance.now()): ParseScores {
  let words = 0, upos = 0, feats = 0, uas = 0, las = 0, scored = 0, nonProjective = 0;
  const skipped: ParseScores['skipped'] = [];
  let seconds = 0;
  for (const s of sentences) {
    const heads = s.words.map((w) => w.head);
    const problem = treeProblem(heads);
    if (problem) {
      skipped.push({ id: s.id, line: s.line, why: problem });
      continue;
    }
    if (!isProjective(heads)) nonProjective++;
    const t0 = now();
    const a = analyze(s.words.map((w) => w.form));
    seconds += (now() - t0) / 1000;
    scored++;
    s.words.forEach((w, i) => {
      words++;
      if (a.upos[i] === w.upos) upos++;
      if (a.feats[i] === morphClass(w.feats)) feats++;
      if (a.heads[i] === w.head) {
        uas++;
        if (universal(a.deprels[i]!) === universal(w.deprel)) las++;
      }
    });
  }
  const ratio = (x: number) => (words ? x / words : 0);
  return { upos: ratio(upos), feats: ratio(feats), uas: ratio(uas), las: ratio(las), sentences: scored, tokens: words, seconds, skipped, nonProjective };
}
