import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/extract/errors.ts';
import {
  benchNer,
  BENCH_TYPES,
  formatBenchReport,
  predictedSpans,
  prf,
  publishedScores,
  readConll,
  scoreDocument,
  spread,
} from '../src/extract/ner-bench/index.ts';
import type { BenchType, ExtractionLike, GoldDocument, PredictedSpan } from '../src/extract/ner-bench/index.ts';
import publishedData from '../src/extract/ner-bench/published.json' with { type: 'json' };

// "Jean Dupont à Paris chez Renault et les Français"
const GOLD = ['Jean B-PER', 'Dupont I-PER', 'à O', 'Paris B-LOC', 'chez O', 'Renault B-ORG', 'et O', 'les O', 'Français B-MISC'].join('\n');
const doc = readConll(GOLD, 'g.txt').documents[0] as GoldDocument;

/** A predicted span on the first occurrence of `text`. */
function at(text: string, type: BenchType): PredictedSpan {
  const start = doc.text.indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in the test text`);
  return { start, end: start + text.length, type, label: text };
}

type Triple = [tp: number, fp: number, fn: number];
const counts = (c: Record<BenchType, { tp: number; fp: number; fn: number }>) =>
  Object.fromEntries(BENCH_TYPES.map((t) => [t, [c[t].tp, c[t].fp, c[t].fn]])) as Record<BenchType, Triple>;

const PERFECT = [at('Jean Dupont', 'person'), at('Paris', 'place'), at('Renault', 'organization')];

describe('scoreDocument', () => {
  it.each<[string, PredictedSpan[], Record<BenchType, Triple>, Record<BenchType, Triple>, string[], string[]]>([
    ['no prediction', [], { person: [0, 0, 1], organization: [0, 0, 1], place: [0, 0, 1] }, { person: [0, 0, 1], organization: [0, 0, 1], place: [0, 0, 1] }, [], ['missed', 'missed', 'missed']],
    ['every gold chunk exactly', PERFECT, { person: [1, 0, 0], organization: [1, 0, 0], place: [1, 0, 0] }, { person: [1, 0, 0], organization: [1, 0, 0], place: [1, 0, 0] }, [], []],
    [
      'a place typed as organization',
      [at('Jean Dupont', 'person'), at('Paris', 'organization'), at('Renault', 'organization')],
      { person: [1, 0, 0], organization: [1, 1, 0], place: [0, 0, 1] },
      { person: [1, 0, 0], organization: [1, 1, 0], place: [0, 0, 1] },
      ['wrong-type'],
      ['wrong-type'],
    ],
    [
      'a person found as a surname only',
      [at('Dupont', 'person')],
      { person: [0, 1, 1], organization: [0, 0, 1], place: [0, 0, 1] },
      { person: [1, 0, 0], organization: [0, 0, 1], place: [0, 0, 1] },
      ['boundary'],
      ['boundary', 'missed', 'missed'],
    ],
    [
      'a person found as two pieces: one overlap match, one false positive',
      [at('Jean', 'person'), at('Dupont', 'person')],
      { person: [0, 2, 1], organization: [0, 0, 1], place: [0, 0, 1] },
      { person: [1, 1, 0], organization: [0, 0, 1], place: [0, 0, 1] },
      ['boundary', 'boundary'],
      ['boundary', 'missed', 'missed'],
    ],
    [
      'the exact prediction wins the overlap pairing over a longer one',
      [at('Jean Dupont à', 'person'), at('Jean Dupont', 'person')],
      { person: [1, 1, 0], organization: [0, 0, 1], place: [0, 0, 1] },
      { person: [1, 1, 0], organization: [0, 0, 1], place: [0, 0, 1] },
      ['boundary'],
      ['missed', 'missed'],
    ],
    [
      'a prediction on an ignored MISC chunk',
      [...PERFECT, at('Français', 'place')],
      { person: [1, 0, 0], organization: [1, 0, 0], place: [1, 1, 0] },
      { person: [1, 0, 0], organization: [1, 0, 0], place: [1, 1, 0] },
      ['ignored-gold'],
      [],
    ],
    [
      'a spurious prediction and one across a chunk of another type',
      [at('chez', 'person'), at('Renault et', 'person')],
      { person: [0, 2, 1], organization: [0, 0, 1], place: [0, 0, 1] },
      { person: [0, 2, 1], organization: [0, 0, 1], place: [0, 0, 1] },
      ['spurious', 'boundary-and-type'],
      ['missed', 'missed', 'boundary-and-type'],
    ],
  ])('%s', (_name, spans, strict, overlap, fpClasses, fnClasses) => {
    const score = scoreDocument(doc, spans);
    expect(counts(score.strict)).toEqual(strict);
    expect(counts(score.overlap)).toEqual(overlap);
    expect(score.falsePositives.map((f) => f.cls)).toEqual(fpClasses);
    expect(score.falseNegatives.map((f) => f.cls)).toEqual(fnClasses);
  });

  it.each<[string, PredictedSpan[], Triple, Triple]>([
    ['wrong types are right spans', [at('Jean Dupont', 'place'), at('Paris', 'organization'), at('Renault', 'person')], [3, 0, 0], [3, 0, 0]],
    ['one span predicted with two types counts once', [at('Paris', 'place'), at('Paris', 'organization')], [1, 0, 2], [1, 0, 2]],
    ['pieces and a MISC chunk', [at('Jean', 'person'), at('Dupont', 'organization'), at('Français', 'place')], [0, 3, 3], [1, 2, 2]],
  ])('span detection whatever the type: %s', (_name, spans, strict, overlap) => {
    const { untyped } = scoreDocument(doc, spans);
    expect([untyped.strict.tp, untyped.strict.fp, untyped.strict.fn]).toEqual(strict);
    expect([untyped.overlap.tp, untyped.overlap.fp, untyped.overlap.fn]).toEqual(overlap);
  });

  it('counts predictions that do not start and end on gold token boundaries', () => {
    expect(scoreDocument(doc, [at('Jean Dup', 'person'), at('ean', 'person'), at('Paris', 'place')]).unaligned).toBe(2);
    expect(scoreDocument(doc, PERFECT).unaligned).toBe(0);
  });
});

describe('predictedSpans', () => {
  const mention = (start: number, end: number, d = doc.id) => ({ doc: d, start, end });
  it('keeps mentions of persons, organizations and places of this document, trimmed and de-duplicated', () => {
    const paris = doc.text.indexOf('Paris');
    const extraction: ExtractionLike = {
      entities: [
        { type: 'place', label: 'Paris', mentions: [mention(paris - 1, paris + 5), mention(paris, paris + 5), mention(paris, paris + 5, 'other-doc')] },
        { type: 'figure', label: '2', mentions: [mention(0, 4)] },
        { type: 'product', label: 'Renault', mentions: [mention(25, 32)] },
        { type: 'person', label: 'Jean', mentions: [mention(0, 4)] },
      ],
    };
    const { spans, invalid } = predictedSpans(extraction, doc);
    expect(spans).toEqual([
      { start: 0, end: 4, type: 'person', label: 'Jean' },
      { start: paris, end: paris + 5, type: 'place', label: 'Paris' },
    ]);
    expect(invalid).toBe(0);
  });

  it.each([
    ['outside the text', 40, 400],
    ['negative', -1, 3],
    ['empty', 3, 3],
    ['white space only', 4, 5],
  ])('drops and counts a mention %s', (_name, start, end) => {
    const { spans, invalid } = predictedSpans({ entities: [{ type: 'person', label: 'x', mentions: [mention(start, end)] }] }, doc);
    expect(spans).toEqual([]);
    expect(invalid).toBe(1);
  });
});

describe('prf', () => {
  it.each([
    [{ tp: 0, fp: 0, fn: 0 }, 0, 0, 0],
    [{ tp: 0, fp: 3, fn: 2 }, 0, 0, 0],
    [{ tp: 3, fp: 1, fn: 3 }, 0.75, 0.5, 0.6],
    [{ tp: 5, fp: 0, fn: 0 }, 1, 1, 1],
  ])('%o → P %d R %d F1 %d', (c, p, r, f) => {
    const s = prf(c);
    expect(s.precision).toBeCloseTo(p, 10);
    expect(s.recall).toBeCloseTo(r, 10);
    expect(s.f1).toBeCloseTo(f, 10);
  });
});

describe('benchNer with a fake extractor', () => {
  const file = readConll(
    ['-DOCSTART- O', '', 'Jean B-PER', 'Dupont I-PER', 'à O', 'Paris B-LOC', '', '-DOCSTART- O', '', 'Renault B-ORG', 'à O', 'Lyon B-LOC', 'et O', 'Lyon B-LOC', ''].join('\n'),
    'f.txt',
  );
  /** Tags every capitalised word as a place: the scores follow from the gold above. */
  const capitalsArePlaces = (d: { id: string; text: string }): ExtractionLike => ({
    entities: [...d.text.matchAll(/\p{Lu}\p{Ll}+/gu)].map((m) => ({
      type: 'place',
      label: m[0],
      mentions: [{ doc: d.id, start: m.index, end: m.index + m[0].length }],
    })),
  });

  it('sums counts over documents and micro-averages over the three types', () => {
    const r = benchNer(file, capitalsArePlaces);
    // predictions: Jean, Dupont, Paris | Renault, Lyon, Lyon → places Paris, Lyon, Lyon right
    expect(r.documents).toBe(2);
    expect(r.gold).toEqual({ person: 1, organization: 1, place: 3 });
    expect(r.predictions).toEqual({ person: 0, organization: 0, place: 6 });
    expect([r.strict.place.tp, r.strict.place.fp, r.strict.place.fn]).toEqual([3, 3, 0]);
    expect(r.strict.micro.precision).toBeCloseTo(3 / 6, 10);
    expect(r.strict.micro.recall).toBeCloseTo(3 / 5, 10);
    expect(r.strict.person.f1).toBe(0);
    // types ignored: Paris, Lyon, Lyon and Renault are right spans; Jean and Dupont are pieces of the PER chunk
    expect([r.untyped.strict.tp, r.untyped.strict.fp, r.untyped.strict.fn]).toEqual([4, 2, 1]);
    const fp = Object.fromEntries(r.falsePositives.map((c) => [c.cls, c.count]));
    // Jean, Dupont: inside a PER chunk; Renault: exactly an ORG chunk
    expect(fp).toMatchObject({ 'boundary-and-type': 2, 'wrong-type': 1, spurious: 0 });
    const fn = Object.fromEntries(r.falseNegatives.map((c) => [c.cls, c.count]));
    expect(fn).toMatchObject({ 'boundary-and-type': 1, 'wrong-type': 1, missed: 0 });
    expect(r.confusions[0]).toEqual({ key: 'pred place / gold PER', count: 2 });
  });

  it('stops after --limit documents and reports progress', () => {
    const seen: string[] = [];
    const r = benchNer(file, (d) => (seen.push(d.id), capitalsArePlaces(d)), { limit: 1, onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['f.txt#1', '1/1']);
    expect(r.gold).toEqual({ person: 1, organization: 0, place: 1 });
  });

  it('keeps examples with context and the most frequent texts', () => {
    const r = benchNer(file, capitalsArePlaces, { examples: 5, context: 6 });
    const bt = r.falsePositives.find((c) => c.cls === 'boundary-and-type');
    expect(bt?.top).toEqual([
      { text: 'Dupont', count: 1 },
      { text: 'Jean', count: 1 },
    ]);
    expect(bt?.examples[1]).toEqual({
      doc: 'f.txt#1',
      start: 5,
      end: 11,
      text: 'Dupont',
      type: 'place',
      other: ['PER:Jean Dupont'],
      before: 'Jean ',
      after: ' à Par',
    });
  });

  it('takes undefined options as the defaults', () => {
    expect(benchNer(file, capitalsArePlaces, { limit: undefined, examples: undefined }).documents).toBe(2);
  });

  it('throws on invalid options', () => {
    expect(() => benchNer(file, capitalsArePlaces, { limit: -1 })).toThrow(UsageError);
    expect(() => benchNer(file, capitalsArePlaces, { examples: 1.5 })).toThrow(/examples must be a whole number/);
  });

  it('report: prints the measured scores beside the published ones', () => {
    const r = benchNer(file, capitalsArePlaces);
    const published = publishedScores('/any/dir/enp_FR.bnf.validation.iob2.txt');
    const text = formatBenchReport(r, { lang: 'fr', published, showErrors: true });
    expect(text).toContain(`micro`);
    expect(text).toContain(r.strict.micro.f1.toFixed(3));
    expect(text).toContain(r.overlap.place.f1.toFixed(3));
    expect(text).toContain('spaCy fr_core_news_lg (3.x)');
    expect(text).toContain('false positive, boundary-and-type (2)');
    expect(formatBenchReport(r, { lang: 'en' })).toContain('published: no figures recorded');
  });
});

describe('published scores (data)', () => {
  it('finds a file by its base name and only by it', () => {
    expect(publishedScores('conll2003_test_iob2.txt')?.systems.some((s) => s.f1 === 0.5961)).toBe(true);
    expect(publishedScores('C:\\data\\HIPE-data-v1.4-test-fr.tsv')?.sources.B).toMatch(/CLEF-HIPE-2020/);
    expect(publishedScores('unknown.txt')).toBeUndefined();
  });

  it('cites known sources and holds scores between 0 and 1', () => {
    const sources = Object.keys(publishedData.sources);
    for (const [name, entry] of Object.entries(publishedData.files)) {
      for (const s of entry.systems as Array<Record<string, unknown>>) {
        expect(sources, `${name}: ${String(s.system)}`).toContain(s.source);
        const values = [s.precision, s.recall, s.f1, ...Object.values((s.perType as Record<string, number> | undefined) ?? {})];
        for (const v of values.filter((x) => x !== undefined)) {
          expect(v).toBeGreaterThan(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

describe('spread', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6], 3, [1, 3, 5]],
    [[1, 2], 5, [1, 2]],
    [[1, 2], 0, []],
    [[], 3, []],
  ])('%o, %d → %o', (items, n, expected) => {
    expect(spread(items, n)).toEqual(expected);
  });
});
