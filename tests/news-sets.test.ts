import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.ts';
import { buildGraph } from '../src/graph/build-graph.ts';
import { evaluateGraph, parseGold, type EvalReport } from '../src/graph/eval.ts';

// Floors on the annotated OrangeSum sets of tests/fixtures (NAME.jsonl, NAME.gold.json): typed entity
// F1 and labeled relation F1, per set. Each entry says where its articles come from and what the
// first, clean measurement was.
const SETS: { name: string; title: string; entities: number; relations: number }[] = [
  // Floors on six OrangeSum articles the team annotated (tests/fixtures/dev-news.*). The rules were
  // improved while looking at them, so these are regression floors, not an estimate on unseen text.
  { name: 'dev-news', title: 'development news set', entities: 0.85, relations: 0.5 },
  // Floors on the first held-out set (tests/fixtures/holdout-news.*): three OrangeSum articles annotated
  // before the extractor ran on them. First, clean measurement: typed entities F1 0.884 (21 gold),
  // labeled relations 0 (2 gold). Later general fixes were partly informed by its errors (0.952 and 0.800
  // now), so these floors, a little under those values, guard against regressions only.
  { name: 'holdout-news', title: 'first held-out news set', entities: 0.88, relations: 0.66 },
  // Floors on the second held-out set (tests/fixtures/holdout2-news.*): eight OrangeSum articles picked
  // by a seeded shuffle (Python random.Random(20261124) over the 1,000–4,000-character articles sorted
  // by id, dev and first held-out ids excluded) and annotated before the extractor ran on them.
  // First, clean measurement: typed entities P/R/F1 0.777/0.855/0.814 (110 gold), labeled relations
  // 0.400/0.222/0.286 (18 gold). General rules were then written from its errors, so these floors
  // (a little under the values after those fixes) guard against regressions; they are no longer an
  // estimate on unseen text.
  { name: 'holdout2-news', title: 'second held-out news set', entities: 0.88, relations: 0.8 },
  // Floors on the third held-out set (tests/fixtures/holdout3-news.*): six OrangeSum articles picked
  // by a seeded shuffle (Python random.Random(20261125) over the 1,000–4,000-character articles sorted
  // by id, dev, first and second held-out ids excluded; the first six kept) and annotated before the
  // extractor ran on them.
  // First, clean measurement: typed entities P/R/F1 0.712/0.808/0.757 (52 gold), labeled relations
  // 0.571/0.308/0.400 (13 gold). General rules were then written from its errors, so these floors
  // (a little under the values after those fixes) guard against regressions; they are no longer an
  // estimate on unseen text.
  { name: 'holdout3-news', title: 'third held-out news set', entities: 0.82, relations: 0.88 },
  // Floors on the fourth held-out set (tests/fixtures/holdout4-news.*): eight OrangeSum articles picked
  // by a seeded shuffle (Python random.Random(20261126), same pool, earlier ids excluded) and annotated
  // before the extractor ran on them; its annotation reads more relations per article (54 gold, 30 of
  // them has_figure) than the earlier sets.
  // First, clean measurement: typed entities P/R/F1 0.793/0.816/0.804 (141 gold), labeled relations
  // 0.556/0.093/0.159 (54 gold). General rules were then written from its errors (0.882 and 0.343
  // after them), so these floors guard against regressions; they are no longer an estimate on unseen text.
  { name: 'holdout4-news', title: 'fourth held-out news set', entities: 0.84, relations: 0.3 },
  // Floors on the fifth held-out set (tests/fixtures/holdout5-news.*): eight OrangeSum articles picked by
  // a seeded shuffle (Python random.Random(20261130), same pool, earlier ids excluded), annotated blind.
  // First, clean measurement: typed entities P/R/F1 0.775/0.775/0.775 (151 gold), labeled relations
  // 0.846/0.208/0.333 (53 gold); the code of that morning scored 0.737 and 0.226 on it. General rules were
  // then written from its errors (0.837 and 0.507 after them): regression floors, no longer an estimate.
  { name: 'holdout5-news', title: 'fifth held-out news set', entities: 0.8, relations: 0.45 },
  // Floors on the sixth held-out set (tests/fixtures/holdout6-news.*): eight OrangeSum articles picked by
  // a seeded shuffle (Python random.Random(20261201), same pool, earlier ids excluded), annotated blind
  // by a helper and committed before the extractor ran on them. Only its scores were read, never its
  // errors. First, clean measurement (code of the session's start): typed entities P/R/F1
  // 0.797/0.852/0.824 (115 required gold entities), labeled relations 0.600/0.188/0.286 (48 required);
  // after that session's general fixes, written from other articles: 0.828 and 0.312.
  { name: 'holdout6-news', title: 'sixth held-out news set', entities: 0.81, relations: 0.29 },
  // Floors on the seventh held-out set (tests/fixtures/holdout7-news.*): eight OrangeSum articles picked
  // by a seeded shuffle (Python random.Random(20261202), same pool, every earlier id excluded), annotated
  // blind by a helper and committed before the extractor ran on them. First, clean measurement (code of
  // the end of the third session of 2026-11-30; the code of that session's start scored the same):
  // typed entities P/R/F1 0.830/0.886/0.857 (88 required gold entities), labeled relations
  // 1.000/0.167/0.286 (42 required). Its errors were then read and general fixes written from them
  // (0.868 and 0.333 after them): regression floors, no longer an estimate.
  { name: 'holdout7-news', title: 'seventh held-out news set', entities: 0.86, relations: 0.32 },
  // Floors on the eighth held-out set (tests/fixtures/holdout8-news.*): eight OrangeSum articles picked
  // by a seeded shuffle (Python random.Random(20261204), same pool, every earlier id excluded), annotated
  // blind by a helper and committed before the extractor ran on them. First, clean measurement (code of
  // main at the start of the session of 2026-12-04, and the same after the parse was wired in, which
  // changes no output): typed entities P/R/F1 0.781/0.877/0.826 (130 required gold entities), labeled
  // relations 0.708/0.233/0.351 (73 required). Only its scores have been read, not its errors: it is
  // kept for the first measurement of the relations written over the parse.
  { name: 'holdout8-news', title: 'eighth held-out news set', entities: 0.82, relations: 0.35 },
  // Floors on the ninth held-out set (tests/fixtures/holdout9-news.*): twelve OrangeSum articles picked by a
  // seeded shuffle (Python random.Random(20261205), 1,200–4,500 characters, every earlier fixture id
  // excluded), annotated blind by a helper and committed before any code ran on them. First, clean
  // measurement (relations over the dependency parse, 2026-12-04): typed entities P/R/F1 0.780/0.790/0.785
  // (252 required gold entities), labeled relations 0.571/0.171/0.263 (117 required); main before that
  // work scored 0.785 and 0.233. Only its scores have been read.
  { name: 'holdout9-news', title: 'ninth held-out news set', entities: 0.77, relations: 0.25 },
];

/** Extracts an annotated news set of tests/fixtures (NAME.jsonl, NAME.gold.json) and scores it. */
function scoreNewsSet(name: string): { docIds: string[]; goldIds: string[]; report: EvalReport } {
  const fixture = (ext: string) => readFileSync(new URL(`./fixtures/${name}.${ext}`, import.meta.url), 'utf8');
  const gold = parseGold(fixture('gold.json'));
  const docs = fixture('jsonl')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; title: string; text: string });
  const report = evaluateGraph(buildGraph(docs.map((d) => extractDocument(d))), gold);
  return { docIds: docs.map((d) => d.id).sort(), goldIds: Object.keys(gold.docs).sort(), report };
}

describe.each(SETS)('$title', ({ name, entities, relations }) => {
  const { docIds, goldIds, report } = scoreNewsSet(name);
  it('covers every annotated article', () => {
    expect(docIds).toEqual(goldIds);
  });
  it(`typed entity F1 ≥ ${entities}`, () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(entities);
  });
  it(`labeled relation F1 ≥ ${relations}`, () => {
    expect(report.relationsLabeled.f1).toBeGreaterThanOrEqual(relations);
  });
});
