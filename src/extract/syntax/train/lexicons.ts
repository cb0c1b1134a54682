import nlpEn from 'compromise';
import nlpFr from '../../fr-nlp.js';

/**
 * The general lexicons the taggers read as features: compromise's for English and fr-compromise's
 * for French (word lists with their classes: "Infinitive", "MaleAdjective", "Preposition"…). They
 * are copied into the tagger's model file, so that the model does not change when those packages
 * do. Only single words are kept, and only general knowledge: the lists of named organisations,
 * brands, sports teams and famous people are left out (first names, places and countries stay, as
 * in kg's own lexicons).
 */
const NAMED_ENTITY_CLASSES = new Set(['Organization', 'SportsTeam', 'Person', 'ProperNoun', 'Company']);
export type LexiconSource = 'compromise' | 'fr-compromise';

export function generalLexicon(source: LexiconSource): Record<string, string[]> {
  const nlp = (source === 'compromise' ? nlpEn : nlpFr) as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const lexicon = nlp.model().one.lexicon;
  const byClass = new Map<string, string[]>();
  for (const word of Object.keys(lexicon).sort()) {
    if (/[\s]/.test(word) || !word) continue;
    const value = lexicon[word]!;
    const cls = Array.isArray(value) ? value.join(',') : String(value);
    const tags = cls.split(',');
    if (!tags.includes('Abbreviation') && tags.some((t) => NAMED_ENTITY_CLASSES.has(t))) continue;
    const list = byClass.get(cls) ?? [];
    list.push(word.toLowerCase());
    byClass.set(cls, list);
  }
  return Object.fromEntries([...byClass].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
