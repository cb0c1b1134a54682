import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError, NotFoundError, UsageError } from '../../extract/errors.ts';
import { langFromFileName } from '../../extract/ner-bench/index.ts';
import { readConllu, scoreParses, type SyntaxAnalyzer } from '../../extract/syntax/index.ts';
import type { Lang } from '../../extract/types.ts';
import { loadSyntaxAnalyzer } from '../syntax-models.ts';

export interface BenchParseCliOptions {
  lang?: unknown;
  json?: boolean;
}

function readConlluFile(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`"${path}" is a folder; pass a CoNLL-U file.`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`CoNLL-U file "${path}" not found.`);
    throw new InputError(`cannot read "${path}": ${(error as Error).message}`);
  }
}

/**
 * `kg bench parse FILE.conllu`: runs the tagger and parser on the file's gold words and scores them
 * (UPOS, UAS, LAS over all words, as in CoNLL 2018), with their speed.
 */
export function runBenchParse(path: string, options: BenchParseCliOptions, load: (lang: Lang) => SyntaxAnalyzer = loadSyntaxAnalyzer): string {
  const lang = options.lang === undefined ? langFromFileName(path) : options.lang;
  if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be fr or en, got "${String(lang)}".`);
  const name = basename(path);
  const sentences = readConllu(readConlluFile(path), { file: path });
  if (!sentences.length) throw new InputError(`${path}: no sentence found. A CoNLL-U file has one word per line, 10 tab-separated columns, and a blank line after each sentence.`);
  const analyzer = load(lang);
  const scores = scoreParses((forms) => analyzer.analyze(forms), sentences);
  const bytes = sentences.reduce((a, s) => a + new TextEncoder().encode(s.text ?? s.words.map((w) => w.form).join(' ')).length + 1, 0);
  const mbPerSecond = scores.seconds > 0 ? bytes / 1e6 / scores.seconds : 0;
  const sentencesPerSecond = scores.seconds > 0 ? scores.sentences / scores.seconds : 0;
  if (options.json) {
    return JSON.stringify({
      upos: scores.upos,
      uas: scores.uas,
      las: scores.las,
      feats: scores.feats,
      sentences: scores.sentences,
      tokens: scores.tokens,
      seconds: scores.seconds,
      sentencesPerSecond,
      mbPerSecond,
      nonProjective: scores.nonProjective,
      skipped: scores.skipped,
      file: name,
      lang,
    });
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  const lines = [
    `${name} (${lang}): ${scores.sentences} sentences, ${scores.tokens} words, gold words, all words scored (CoNLL 2018)`,
    `  UPOS ${pct(scores.upos)} · features ${pct(scores.feats)} · UAS ${pct(scores.uas)} · LAS ${pct(scores.las)}`,
    `  speed: ${sentencesPerSecond.toFixed(0)} sentences/s, ${(scores.tokens / Math.max(scores.seconds, 1e-9)).toFixed(0)} words/s, ${mbPerSecond.toFixed(2)} MB/s (tagger and parser, one thread)`,
  ];
  if (scores.nonProjective) lines.push(`  ${scores.nonProjective} gold tree(s) with crossing arcs, scored (the parser builds trees without)`);
  for (const s of scores.skipped) lines.push(`  skipped: sentence ${s.id} at line ${s.line}: its gold tree is not a tree (${s.why})`);
  return lines.join('\n');
}
