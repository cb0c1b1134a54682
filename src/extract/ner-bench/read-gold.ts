import type { Lang } from '../types.ts';
import { readConll, type ReadGoldOptions } from './read-conll.ts';
import { readHipe } from './read-hipe.ts';
import type { GoldFile } from './types.ts';

/** A CLEF-HIPE TSV file starts (after optional comments) with a header whose first column is TOKEN. */
export function isHipe(content: string): boolean {
  for (const line of content.split(/\r?\n/, 50)) {
    if (line.trim() === '' || (line.startsWith('#') && !line.includes('\t'))) continue;
    return /^TOKEN\t/.test(line);
  }
  return false;
}

/** Reads a gold NER file, CLEF-HIPE TSV or CoNLL/IOB2, from its content. */
export function readGoldFile(content: string, name: string, options: ReadGoldOptions = {}): GoldFile {
  return isHipe(content) ? readHipe(content, name, options) : readConll(content, name, options);
}

/** The language of a benchmark file from its name: `fr` as a separate part (`_FR.`, `-fr.`) → fr, else en. */
export function langFromFileName(path: string): Lang {
  const name = path.split(/[\\/]/).pop() ?? path;
  return /(?:^|[^a-z])fr(?:[^a-z]|$)/i.test(name) ? 'fr' : 'en';
}
