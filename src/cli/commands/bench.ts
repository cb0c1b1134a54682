import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CAC } from 'cac';
import cliProgress from 'cli-progress';
import { InputError, NotFoundError, UsageError } from '../../extract/errors.ts';
import { extractDocument } from '../../extract/index.ts';
import type { Lang } from '../../extract/types.ts';
import {
  benchNer,
  DEFAULT_READ_GOLD_OPTIONS,
  formatBenchReport,
  langFromFileName,
  publishedScores,
  readGoldFile,
  type BenchDocument,
  type ExtractionLike,
} from '../../extract/ner-bench/index.ts';
import { runBenchParse } from './bench-parse.ts';
import type { RegisterCommand } from './index.ts';

const KINDS = ['ner', 'parse'] as const;
/** Examples per error class printed by --verbose without --errors. */
const VERBOSE_EXAMPLES = 10;
/** A progress line appears once a run has taken this long. */
const PROGRESS_AFTER_MS = 2000;
/** Without a terminal, a progress line at most this often. */
const PLAIN_PROGRESS_EVERY_MS = 5000;

export interface BenchNerCliOptions {
  lang?: unknown;
  json?: boolean;
  limit?: unknown;
  errors?: unknown;
  verbose?: boolean;
  sentencesPerDoc?: unknown;
}

export type LangExtractFn = (doc: BenchDocument, lang: Lang) => ExtractionLike;

export interface BenchNerIo {
  extract: LangExtractFn;
  readFile: (path: string) => string;
  stderr: { write: (s: string) => unknown; isTTY?: boolean };
  now: () => number;
}

const defaultIo: BenchNerIo = {
  extract: (doc, lang) => extractDocument(doc, { lang }),
  readFile: (path) => readFileSync(path, 'utf8'),
  stderr: process.stderr,
  now: () => Date.now(),
};

function wholeNumber(name: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'boolean' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${String(value)}".`);
  }
  return n;
}

function readGoldText(path: string, io: BenchNerIo): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`gold file "${path}" not found. Pass a CoNLL/IOB2 or CLEF-HIPE TSV file.`);
    throw new InputError(`cannot read gold file "${path}": ${(error as Error).message}`);
  }
}

/** `kg bench ner FILE`: reads the gold file, runs the extractor on each document, returns the report (text or JSON). */
export function runBenchNer(path: string, options: BenchNerCliOptions, io: BenchNerIo = defaultIo): string {
  const lang = options.lang === undefined ? langFromFileName(path) : options.lang;
  if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be fr or en, got "${String(lang)}".`);
  const limit = wholeNumber('limit', options.limit, 1);
  const examples = wholeNumber('errors', options.errors, 0) ?? (options.verbose ? VERBOSE_EXAMPLES : 0);
  const sentencesPerDocument = wholeNumber('sentences-per-doc', options.sentencesPerDoc, 1) ?? DEFAULT_READ_GOLD_OPTIONS.sentencesPerDocument;

  const name = basename(path);
  const gold = readGoldFile(readGoldText(path, io), name, { sentencesPerDocument });
  const progress = createProgress(io);
  const result = benchNer(gold, (doc) => io.extract(doc, lang), { limit, examples, onProgress: progress.update });
  progress.stop();

  const published = publishedScores(name);
  if (options.json) {
    return JSON.stringify({ ...result, lang, sentencesPerDocument: gold.pseudoDocuments ? sentencesPerDocument : undefined, published }, null, 2);
  }
  return formatBenchReport(result, { lang, published, sentencesPerDocument, showErrors: examples > 0 });
}

/** A progress bar on a terminal (plain lines otherwise), shown only once the run has taken a couple of seconds. */
function createProgress(io: BenchNerIo) {
  const started = io.now();
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = started;
  return {
    update: (done: number, total: number) => {
      const now = io.now();
      if (now - started < PROGRESS_AFTER_MS) return;
      if (io.stderr.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: 'bench ner {bar} {value}/{total} documents, {duration}s, eta {eta}s', stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        }
        bar.update(done);
      } else if (now - lastLine >= PLAIN_PROGRESS_EVERY_MS || done === total) {
        lastLine = now;
        io.stderr.write(`bench ner: ${done}/${total} documents, ${Math.round((now - started) / 1000)}s\n`);
      }
    },
    stop: () => bar?.stop(),
  };
}

export const registerBench: RegisterCommand = (cli: CAC) => {
  cli
    .command('bench <kind> <file>', 'Score on a gold file (kind: ner — the extractor on CoNLL/IOB2 or CLEF-HIPE TSV; parse — the tagger and parser on CoNLL-U)')
    .option('--lang <lang>', 'Language of the file: fr or en (default: from the file name, fr if it has a "fr" part)')
    .option('--json', 'Print the result as JSON')
    .option('--limit <n>', 'Score only the first N documents')
    .option('--errors <n>', 'Print N examples of each error class, with context')
    .option('--verbose', `Same as --errors ${VERBOSE_EXAMPLES}`)
    .option('--sentences-per-doc <n>', `Files without -DOCSTART- are cut into documents of N sentences (default ${DEFAULT_READ_GOLD_OPTIONS.sentencesPerDocument})`)
    .example('kg bench ner /work/shared/benchmarks/ner-en/conll2003_test_iob2.txt --errors 5')
    .example('kg bench parse ../shared/treebanks/fr-sequoia/fr_sequoia-ud-test.conllu --json')
    .action((kind: string, file: string, options: BenchNerCliOptions) => {
      if (!(KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`unknown benchmark "${kind}". Use one of: ${KINDS.join(', ')} (as in "kg bench ner FILE").`);
      }
      process.stdout.write(`${kind === 'parse' ? runBenchParse(file, options) : runBenchNer(file, options)}\n`);
    });
};
