import { describe, expect, it } from 'vitest';
import { scoreNewsSet } from './news-set.ts';

// Floors on the first held-out set (tests/fixtures/holdout-news.*): three OrangeSum articles annotated
// before the extractor ran on them. First, clean measurement: typed entities F1 0.884 (21 gold),
// labeled relations 0 (2 gold). Later general fixes were partly informed by its errors (0.930 and 0.800
// now), so these floors, a little under those values, guard against regressions only.
const { docIds, goldIds, report } = scoreNewsSet('holdout-news');

describe('first held-out news set', () => {
  it('covers every annotated article', () => {
    expect(docIds).toEqual(goldIds);
  });
  it('typed entity F1 ≥ 0.88', () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.88);
  });
  it('labeled relation F1 ≥ 0.66', () => {
    expect(report.relationsLabeled.f1).toBeGreaterThanOrEqual(0.66);
  });
});
