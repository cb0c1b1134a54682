import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSyntaxAnalyzer } from '../../src/cli/syntax-models.ts';
import { SyntaxAnalyzer } from '../../src/extract/syntax/analyzer.ts';
import { readConllu } from '../../src/extract/syntax/conllu.ts';
import { scoreParses } from '../../src/extract/syntax/evaluate.ts';
import { runTraining } from '../../src/extract/syntax/train/run.ts';
import { parserDefaults, taggerDefaults } from '../../src/extract/syntax/train/train.ts';

const TREEBANKS = '../shared/treebanks/';
const read = (path: string) => readFileSync(TREEBANKS + path, 'utf8');

/** The first sentences of a treebank file, as CoNLL-U text. */
function head(path: string, sentences: number): string {
  return read(path).split(/\n\s*\n/).slice(0, sentences).join('\n\n') + '\n\n';
}

describe('a tiny model trained in the test', () => {
  it('learns its own sentences: tags and trees', () => {
    const tiny = head('fr-sequoia/fr_sequoia-ud-train.conllu', 40);
    const files: Record<string, string> = { 'tiny.conllu': tiny };
    const recipe = { train: ['tiny.conllu'], dev: [], test: ['tiny.conllu'], devFromTrain: false, tagger: { ...taggerDefaults, epochs: 8 }, parser: { ...parserDefaults, epochs: 12, jackknife: 0, minUpdates: 1, labelMinUpdates: 1 } };
    const tagger = runTraining({ kind: 'tagger', lang: 'fr', read: (p) => files[p]!, recipe });
    const parser = runTraining({ kind: 'parser', lang: 'fr', read: (p) => files[p]!, recipe, tagger: { bytes: tagger.bytes, name: 'tiny tagger' } });
    expect(tagger.trainSentences).toBe(40);
    expect(tagger.scores['test']!['upos']).toBeGreaterThan(0.98);
    expect(parser.scores['test']!['uas']).toBeGreaterThan(0.95);
    expect(parser.scores['test']!['las']).toBeGreaterThan(0.93);
    // the file round-trips and parses as the scores say
    const analyzer = new SyntaxAnalyzer({ bytes: tagger.bytes, name: 'tagger' }, { bytes: parser.bytes, name: 'parser' });
    const sentences = readConllu(tiny);
    const s = scoreParses((forms) => analyzer.analyze(forms), sentences);
    expect(s.uas).toBeCloseTo(parser.scores['test']!['uas']!, 3);
    // training is deterministic: the same seed gives the same bytes
    const again = runTraining({ kind: 'tagger', lang: 'fr', read: (p) => files[p]!, recipe });
    expect(Buffer.from(again.bytes).equals(Buffer.from(tagger.bytes))).toBe(true);
  });
});

describe('model files', () => {
  const fr = () => ({ tagger: readFileSync('src/extract/data/tagger-fr.bin'), parser: readFileSync('src/extract/data/parser-fr.bin') });

  it('refuses a file that is not a model, cut short or damaged, naming it', () => {
    const { tagger, parser } = fr();
    const p = { bytes: parser, name: 'parser-fr.bin' };
    expect(() => new SyntaxAnalyzer({ bytes: new TextEncoder().encode('hello'), name: 'notes.txt' }, p)).toThrow(/model file "notes\.txt" is not a kg model file/);
    expect(() => new SyntaxAnalyzer({ bytes: tagger.subarray(0, tagger.length - 100), name: 'cut.bin' }, p)).toThrow(/model file "cut\.bin" is damaged/);
    const flipped = Uint8Array.from(tagger);
    flipped[flipped.length - 5] ^= 0xff;
    expect(() => new SyntaxAnalyzer({ bytes: flipped, name: 'flipped.bin' }, p)).toThrow(/model file "flipped\.bin" is damaged: its checksum/);
    expect(() => new SyntaxAnalyzer(p, { bytes: tagger, name: 'tagger-fr.bin' })).toThrow(/is a parser model where a tagger model was expected/);
  });

  it('names a missing model file', () => {
    expect(() => loadSyntaxAnalyzer('fr', '/nonexistent-folder')).toThrow(/model file "\/nonexistent-folder\/tagger-fr\.bin" not found/);
  });

  it('carries its sources, licences, training command and scores', () => {
    for (const lang of ['fr', 'en'] as const) {
      const a = loadSyntaxAnalyzer(lang);
      for (const h of [a.headers.tagger, a.headers.parser]) {
        expect(h.meta['command']).toMatch(new RegExp(`^kg train (tagger|parser) --lang ${lang}$`));
        expect((h.meta['sources'] as { licence: string }[]).every((s) => s.licence)).toBe(true);
        expect((h.meta['scores'] as Record<string, unknown>)['test']).toBeDefined();
      }
    }
  });
});

// Floors on the test files, never trained or tuned on. French: the syntax issue's targets. English:
// the target is UAS ≥ 0.80; the shipped model measures 0.780 (trained on the 25,147 words of
// en-ewt dev only), so its UAS floor guards what it reaches, and the target is not met.
describe('the shipped models on held-out treebank sentences', () => {
  it.each([
    { lang: 'fr' as const, file: 'fr-sequoia/fr_sequoia-ud-test.conllu', words: 10044, upos: 0.965, uas: 0.85, las: 0.81 },
    { lang: 'en' as const, file: 'en-ewt/en_ewt-ud-test.conllu', words: 25094, upos: 0.93, uas: 0.775, las: 0.72 },
  ])('$file: UPOS ≥ $upos, UAS ≥ $uas, LAS ≥ $las', ({ lang, file, words, upos, uas, las }) => {
    const a = loadSyntaxAnalyzer(lang);
    const s = scoreParses((forms) => a.analyze(forms), readConllu(read(file)));
    expect(s.tokens).toBe(words);
    expect(s.upos).toBeGreaterThanOrEqual(upos);
    expect(s.uas).toBeGreaterThanOrEqual(uas);
    expect(s.las).toBeGreaterThanOrEqual(las);
  });
});
