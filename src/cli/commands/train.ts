import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CAC } from 'cac';
import cliProgress from 'cli-progress';
import { InputError, NotFoundError, UsageError } from '../../extract/errors.ts';
import { modelFileNames } from '../../extract/syntax/index.ts';
import { runTraining } from '../../extract/syntax/train/run.ts';
import { writeFileAtomic } from '../io.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { MODELS_DIR, readModelFile } from '../syntax-models.ts';
import type { RegisterCommand } from './index.ts';

const KINDS = ['tagger', 'parser'] as const;
const LANGS = ['fr', 'en'] as const;

export interface TrainCliOptions {
  lang?: unknown;
  out?: unknown;
  treebanks?: unknown;
  tuning?: boolean;
}

/** The treebanks folder: --treebanks, else ../shared/treebanks beside the project. */
function treebanksDir(option: unknown): string {
  const dir = typeof option === 'string' ? resolve(option) : resolve(PROJECT_ROOT, '..', 'shared', 'treebanks');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new NotFoundError(`treebanks folder "${dir}" not found. Pass --treebanks DIR (a folder with fr-sequoia/, fr-gsd/ and en-ewt/ as in ../shared/treebanks).`);
  }
  return dir;
}

function progressBar(what: string) {
  if (!process.stderr.isTTY) {
    let last = -1;
    let stage = '';
    return {
      update: (done: number, total: number, label: string) => {
        const pct = Math.floor((100 * done) / total);
        // a new stage (the parser after the taggers of its folds) counts from 0 again
        const now = label.split(/[,(]/)[0]!;
        if (now !== stage) {
          stage = now;
          last = -1;
        }
        if (pct >= last + 10 || done === total) {
          last = pct;
          process.stderr.write(`${what}: ${label}, ${pct}%\n`);
        }
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar({ format: `${what} {bar} {percentage}% {stage}, {duration}s`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done: number, total: number, label: string) => {
      if (!started) {
        bar.start(total, done, { stage: label });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { stage: label });
    },
    stop: () => bar.stop(),
  };
}

/** `kg train tagger|parser --lang fr|en`: trains from the treebanks and writes the model file; returns the report. */
export function runTrain(kind: string, options: TrainCliOptions): string {
  if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown model "${kind}". Use tagger or parser (as in "kg train parser --lang fr").`);
  const lang = options.lang;
  if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${String(lang)}".`);
  if (options.tuning && typeof options.out !== 'string') throw new UsageError('--tuning trains a model for comparison only: give it an --out folder, so that the shipped models stay as they are.');
  const out = typeof options.out === 'string' ? resolve(options.out) : MODELS_DIR;
  const dir = treebanksDir(options.treebanks);
  const names = modelFileNames(lang);
  let tagger: { bytes: Uint8Array; name: string } | undefined;
  if (kind === 'parser') {
    const local = join(out, names.tagger);
    tagger = readModelFile(existsSync(local) ? local : join(MODELS_DIR, names.tagger));
  }
  const bar = progressBar(`train ${kind} (${lang})`);
  const started = Date.now();
  const result = runTraining({
    kind: kind as 'tagger' | 'parser',
    lang,
    tagger,
    tuning: options.tuning === true,
    progress: bar.update,
    read: (path) => {
      const file = join(dir, path);
      if (!existsSync(file)) throw new NotFoundError(`treebank file "${file}" not found. The recipe of ${lang} needs it (src/extract/syntax/train/recipes.ts).`);
      try {
        return readFileSync(file, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read treebank file "${file}": ${(error as Error).message}`);
      }
    },
  });
  bar.stop();
  const target = join(out, kind === 'tagger' ? names.tagger : names.parser);
  writeFileAtomic(target, result.bytes);
  const lines = [
    `${target}: ${(result.bytes.length / 1e6).toFixed(2)} MB, trained on ${result.trainSentences} sentences (${result.trainWords} words) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  ];
  for (const [set, s] of Object.entries(result.scores)) {
    lines.push(`  ${set}: ${Object.entries(s).filter(([k]) => k !== 'words').map(([k, v]) => `${k.toUpperCase()} ${v.toFixed(4)}`).join(' · ')} (${s['words']} words)`);
  }
  if (result.skipped.length) lines.push(`  ${result.skipped.length} training sentence(s) skipped (not a tree): ${result.skipped.slice(0, 3).map((s) => `${s.id} (${s.why})`).join('; ')}`);
  return lines.join('\n');
}

export const registerTrain: RegisterCommand = (cli: CAC) => {
  cli
    .command('train <model>', 'Train the tagger or the parser of a language from the UD treebanks (model: tagger or parser)')
    .option('--lang <lang>', 'fr or en')
    .option('--out <dir>', 'Folder to write the model file to (default: src/extract/data, the shipped models)')
    .option('--treebanks <dir>', 'Folder of the treebanks (default: ../shared/treebanks)')
    .option('--tuning', 'A tuning run (with --out): English keeps every tenth training sentence apart and is scored on it')
    .example('kg train tagger --lang fr && kg train parser --lang fr')
    .action((model: string, options: TrainCliOptions) => {
      process.stdout.write(`${runTrain(model, options)}\n`);
    });
};
