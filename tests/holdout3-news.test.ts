import { describe, expect, it } from 'vitest';
import { scoreNewsSet } from './news-set.ts';

// Floors on the third held-out set (tests/fixtures/holdout3-news.*): six OrangeSum articles picked
// by a seeded shuffle (Python random.Random(20261125) over the 1,000–4,000-character articles sorted
// by id, dev, first and second held-out ids excluded; the first six kept) and annotated before the
// extractor ran on them.
// First, clean measurement: typed entities P/R/F1 0.712/0.808/0.757 (52 gold), labeled relations
// 0.571/0.308/0.400 (13 gold). General rules were then written from its errors, so these floors
// (a little under the values after those fixes) guard against regressions; they are no longer an
// estimate on unseen text.
const { docIds, goldIds, report } = scoreNewsSet('holdout3-news');

describe('third held-out news set', () => {
  it('covers every annotated article', () => {
    expect(docIds).toEqual(goldIds);
  });
  it('typed entity F1 ≥ 0.82', () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.82);
  });
  it('labeled relation F1 ≥ 0.88', () => {
    expect(report.relationsLabeled.f1).toBeGreaterThanOrEqual(0.88);
  });
});
