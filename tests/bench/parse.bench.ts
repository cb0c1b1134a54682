/**
 * Benchmark of the tagger and parser on French news (the OrangeSum corpus): MB/s of article text
 * on one thread, for every sentence (`all`) and for what `kg build` parses (`relation step`:
 * sentences with two entity mentions or more). Tokenising and sentence splitting are outside the
 * timed part; multiword expansion is inside. Not a test.
 *   npm run bench:parse [-- FILE [ARTICLES]]
 */
import { readFileSync } from 'node:fs';
import { loadSyntaxAnalyzer } from '../../src/cli/syntax-models.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { setSyntaxAnalyzer } from '../../src/extract/syntax/index.ts';
import { parseSentenceTokens } from '../../src/extract/syntax/sentence-parse.ts';
import { splitSentences, tokenize } from '../../src/extract/tokenize.ts';
import { cleanText } from '../../src/extract/clean.ts';

const corpus = process.argv[2] ?? '../shared/corpora/orangesum/orangesum_economy_subset.jsonl';
const limit = Number(process.argv[3] ?? Infinity);
const docs = readFileSync(corpus, 'utf8').trim().split('\n').slice(0, limit).map((l) => JSON.parse(l) as { id: string; text: string });
const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
const analyzer = loadSyntaxAnalyzer('fr');

// every sentence
const prepared = docs.map((d) => splitSentences(tokenize(cleanText(d.text).text)));
let words = 0;
let sentences = 0;
const t0 = performance.now();
for (const { tokens, sentences: ss } of prepared) {
  for (const s of ss) {
    const p = parseSentenceTokens(analyzer, tokens, s.from, s.to, 'fr');
    words += p.words.forms.length;
    sentences++;
  }
}
const all = (performance.now() - t0) / 1000;
process.stdout.write(`all sentences: ${docs.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${sentences} sentences, ${words} words in ${all.toFixed(2)} s: ${(bytes / 1e6 / all).toFixed(2)} MB/s, ${(words / all).toFixed(0)} words/s (one thread)\n`);

// the extractor with and without its parse: the parse's share of extraction
const extract = () => {
  const t = performance.now();
  for (const d of docs) extractDocument(d, { lang: 'fr' });
  return (performance.now() - t) / 1000;
};
const runs: { withParse: number; without: number }[] = [];
for (let r = 0; r < 2; r++) {
  setSyntaxAnalyzer('fr', analyzer);
  const withParse = extract();
  setSyntaxAnalyzer('fr', undefined);
  const without = extract();
  runs.push({ withParse, without });
}
const best = (k: 'withParse' | 'without') => Math.min(...runs.map((r) => r[k]));
const parse = best('withParse') - best('without');
process.stdout.write(`extraction: ${best('without').toFixed(2)} s without the parse, ${best('withParse').toFixed(2)} s with it (best of ${runs.length}, interleaved): the parse of the relation step's sentences costs ${parse.toFixed(2)} s, ${(bytes / 1e6 / Math.max(parse, 1e-9)).toFixed(2)} MB/s of article text; extraction ×${(best('withParse') / best('without')).toFixed(2)}\n`);
