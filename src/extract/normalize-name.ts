import { memoizeString } from './memo.ts';

/**
 * The name comparison of GOLD-FORMAT.md: Unicode NFD with accents removed, lower
 * case, ’ → ', a leading le/la/les/l'/the removed, white space folded, outer
 * punctuation trimmed. Used for entity resolution, evaluation and search alike.
 */
export const normalizeName: (name: string) => string = memoizeString(computeNormalizedName);

function computeNormalizedName(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  s = s.replace(/^(?:(?:le|la|les|the) |l')/, '');
  return s.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}
