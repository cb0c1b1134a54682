import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, NotFoundError } from '../extract/errors.ts';
import { modelFileNames, setSyntaxLoader, SyntaxAnalyzer } from '../extract/syntax/index.ts';
import type { Lang } from '../extract/types.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** Where the shipped models are. */
export const MODELS_DIR = join(PROJECT_ROOT, 'src', 'extract', 'data');

/** Reads a model file, with a message naming it when it is missing or unreadable. */
export function readModelFile(path: string): { bytes: Uint8Array; name: string } {
  try {
    return { bytes: readFileSync(path), name: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`model file "${path}" not found. Restore it from the repository, or train it with \`kg train\` (see src/extract/data/MODELS.md).`);
    throw new InputError(`cannot read model file "${path}": ${(error as Error).message}`);
  }
}

/** Reads the tagger and parser of a language from a folder. */
export function loadSyntaxAnalyzer(lang: Lang, dir = MODELS_DIR): SyntaxAnalyzer {
  const names = modelFileNames(lang);
  return new SyntaxAnalyzer(readModelFile(join(dir, names.tagger)), readModelFile(join(dir, names.parser)));
}

/** Makes the extractor read the shipped models from disk when it first needs them. */
export function installSyntaxModels(dir = MODELS_DIR): void {
  setSyntaxLoader((lang) => loadSyntaxAnalyzer(lang, dir));
}
