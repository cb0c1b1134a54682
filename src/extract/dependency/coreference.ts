import type { Lexicon, LexiconKey } from '../lexicon.ts';
import type { Cluster } from '../resolve.ts';
import { normWord } from '../tokenize.ts';
import type { EntityType } from '../types.ts';
import { caseOf, SOURCE_CASES, type DepSentence } from './sentence-graph.ts';

/**
 * Coreference inside a document, over the parse: definite and demonstrative descriptions ("le groupe",
 * "cette compagnie", "ce pays"), singular subject pronouns ("il", "elle") and possessive determiners
 * ("son PDG") point back to a salient earlier entity of a compatible type and gender. Each candidate
 * is scored: recency (sentences back, and being the nearest candidate), being a subject, mentions so far, and a description that
 * repeats the noun the entity was introduced with ("le groupe X" … "le groupe"). The best candidate
 * above the floor wins; none when no candidate qualifies (no guess).
 */

/** The lists of the rules file that say which nouns describe which type ("anaphor_org" …). */
export const ANAPHOR_LISTS: Record<string, EntityType> = { anaphor_org: 'organization', anaphor_place: 'place', anaphor_programme: 'programme' };

export interface ResolvedAnaphor {
  sentence: number;
  word: number;
  cluster: Cluster;
  kind: 'description' | 'pronoun' | 'possessive';
  score: number;
}

interface Seen {
  cluster: Cluster;
  sentence: number;
  word: number;
  subject: boolean;
  /** Named after a preposition other than "de" ("sur Radio X", "à Paris"): a setting, seldom what is talked about next. */
  oblique: boolean;
}

const DEFINITE = new Set(['le', 'ce', 'the', 'this', 'that']);
const ARTICLES = new Set(['le', 'la', 'les', "l'", 'the']);
const SUBJECT_PRONOUNS = new Set(['il', 'elle', 'he', 'she', 'it']);
/** Singular possessors only: "leur" points back to a plural ("les bénévoles"), seldom to one named entity. */
const POSSESSIVES = new Set(['son', 'sa', 'ses', 'his', 'her', 'its']);
const MASC_HONORIFICS = new Set(['m', 'mr', 'monsieur', 'mm']);
const FEM_HONORIFICS = new Set(['mme', 'madame', 'mlle', 'mrs', 'ms']);
/** How far back (in sentences) a pronoun, and a description, looks. */
const PRONOUN_REACH = 1;
const DESCRIPTION_REACH = 4;
const IMPLICIT_REACH = 3;

function gender(feats: string): 'Masc' | 'Fem' | undefined {
  return feats.includes('Gender=Fem') ? 'Fem' : feats.includes('Gender=Masc') ? 'Masc' : undefined;
}

function plural(feats: string): boolean {
  return feats.includes('Number=Plur');
}

function isSubject(g: DepSentence, w: number): boolean {
  const label = g.parse.deprels[w]!;
  return label === 'nsubj' || label === 'nsubj:pass';
}

/** The subject of the main clause (or of a clause coordinated with it): what the sentence is about. */
function isMainSubject(g: DepSentence, w: number): boolean {
  if (!isSubject(g, w)) return false;
  const head = g.parse.heads[w]!;
  const label = g.parse.deprels[head];
  return label === 'root' || (label === 'conj' && g.parse.deprels[g.parse.heads[head]!] === 'root');
}

/**
 * Named as the source of what is said: "selon X", "d'après X", or after a verb of saying in an aside
 * ("…, rapporte Le Parisien"): never what is talked about next.
 */
function isSource(g: DepSentence, w: number, lexicon: Lexicon): boolean {
  const kase = caseOf(g, w);
  if (kase !== undefined && SOURCE_CASES.has(g.lemmas[kase]!)) return true;
  const head = g.parse.heads[w]!;
  if (head < 0 || !lexicon.has('source_verbs' as LexiconKey, g.lemmas[head]!)) return false;
  const aside = g.parse.deprels[head]!;
  return (aside.startsWith('parataxis') || aside === 'advcl' || aside === 'conj') && head < w;
}

function isOblique(g: DepSentence, w: number): boolean {
  const kase = caseOf(g, w);
  return kase !== undefined && g.lemmas[kase] !== 'de' && g.lemmas[kase] !== 'of';
}

/** Resolves the anaphors of a document's parsed sentences (in order) and marks them on the graphs. */
export function resolveAnaphors(graphs: DepSentence[], lexicon: Lexicon): ResolvedAnaphor[] {
  const lists = Object.entries(ANAPHOR_LISTS).filter(([name]) => lexicon.list(name as LexiconKey).size > 0);
  const seen: Seen[] = [];
  const counts = new Map<Cluster, number>();
  const genders = new Map<Cluster, 'Masc' | 'Fem'>();
  /** The noun an entity was introduced with ("groupe" of "le groupe X"). */
  const descriptors = new Map<Cluster, Set<string>>();
  const out: ResolvedAnaphor[] = [];

  const resolveWord = (g: DepSentence, w: number): { cluster: Cluster; kind: ResolvedAnaphor['kind']; score: number } | undefined => {
    const lemma = g.lemmas[w]!;
    if (g.upos[w] === 'NOUN' && !plural(g.feats[w]!)) {
      const det = g.deps[w]!.find((a) => a.label === 'det');
      if (!det || !DEFINITE.has(g.lemmas[det.word]!)) return undefined;
      // "la société de Paul", "le groupe Renault": a description with a name of its own is no anaphor
      if (g.deps[w]!.some((a) => (a.label === 'nmod' || a.label === 'appos') && g.ents[a.word])) return undefined;
      const list = lists.find(([name]) => lexicon.has(name as LexiconKey, lemma));
      if (!list) return undefined;
      // "ce pays" is a country, not a city
      const hit = best(new Set([list[1]]), g, w, DESCRIPTION_REACH, undefined, lemma, lemma === 'pays' ? (c) => lexicon.countries.has(normWord(c.label)) : undefined);
      return hit && { ...hit, kind: 'description' };
    }
    // not the impersonal "il" ("il manque", "il faut")
    if (g.upos[w] === 'PRON' && SUBJECT_PRONOUNS.has(g.norms[w]!) && isSubject(g, w) && !lexicon.has('impersonal_verbs' as LexiconKey, g.lemmas[g.parse.heads[w]!] ?? '')) {
      const hit = best(new Set<EntityType>(['person', 'organization']), g, w, PRONOUN_REACH, gender(g.feats[w]!));
      return hit && { ...hit, kind: 'pronoun' };
    }
    if (g.upos[w] === 'DET' && POSSESSIVES.has(g.norms[w]!)) {
      const head = g.parse.heads[w]!;
      if (head < 0 || g.upos[head] !== 'NOUN') return undefined;
      const title = lexicon.has('leaderTitles', g.lemmas[head]!) || lexicon.has('workTitles', g.lemmas[head]!);
      const hit = best(new Set<EntityType>(title ? ['organization'] : ['organization', 'person', 'place']), g, w, PRONOUN_REACH, undefined);
      return hit && { ...hit, kind: 'possessive' };
    }
    return undefined;
  };

  const best = (types: Set<EntityType>, g: DepSentence, at: number, reach: number, want: 'Masc' | 'Fem' | undefined, noun?: string, fits?: (c: Cluster) => boolean, subjectsOnly = false) => {
    // every earlier mention of each candidate is scored, and a candidate keeps its best one
    let top: { cluster: Cluster; score: number } | undefined;
    let nearest: Cluster | undefined;
    for (let k = seen.length - 1; k >= 0; k--) {
      const c = seen[k]!;
      const back = g.sentence - c.sentence;
      if (back < 0 || (back === 0 && c.word >= at)) continue;
      if (back > DESCRIPTION_REACH * 3) break;
      const repeats = noun !== undefined && (descriptors.get(c.cluster)?.has(noun) ?? false);
      if (back > reach && !repeats) continue;
      if (!types.has(c.cluster.type) || (fits && !fits(c.cluster))) continue;
      // a pronoun or a possessive points back to what is talked about, not to a setting ("a déclaré à l'AFP que ses ventes …")
      if (c.oblique && noun === undefined) continue;
      if (subjectsOnly && !c.subject) continue;
      const known = genders.get(c.cluster);
      if (want && known && want !== known) continue;
      nearest ??= c.cluster;
      const score = -back + (c.subject ? 1.5 : 0) + (nearest === c.cluster && !c.oblique ? 0.5 : 0) - (c.oblique ? 1.5 : 0) + 0.5 * Math.log2(1 + (counts.get(c.cluster) ?? 0)) + (repeats ? 3 : 0);
      if (!top || score > top.score) top = { cluster: c.cluster, score };
    }
    return top;
  };

  const remember = (g: DepSentence, w: number) => {
    const ents = g.ents[w];
    if (!ents) return;
    for (const e of ents) {
      if (e.via === 'descriptor') {
        (descriptors.get(e.cluster) ?? descriptors.set(e.cluster, new Set()).get(e.cluster)!).add(g.lemmas[w]!);
        // a descriptor noun that is the subject makes its entity the subject ("Le groupe Renault a …")
        if (isMainSubject(g, w)) seen.push({ cluster: e.cluster, sentence: g.sentence, word: w, subject: true, oblique: false });
        continue;
      }
      if (isSource(g, w, lexicon)) continue;
      seen.push({ cluster: e.cluster, sentence: g.sentence, word: w, subject: isMainSubject(g, w), oblique: isOblique(g, w) });
      counts.set(e.cluster, (counts.get(e.cluster) ?? 0) + 1);
      if (!genders.has(e.cluster) && e.via === 'mention') {
        const before = w > 0 ? g.norms[w - 1]! : '';
        const det = g.deps[w]!.find((a) => a.label === 'det');
        const gd = MASC_HONORIFICS.has(before) ? 'Masc' : FEM_HONORIFICS.has(before) ? 'Fem' : det ? gender(g.feats[det.word]!) : undefined;
        if (gd) genders.set(e.cluster, gd);
      }
    }
  };

  const measures = lexicon.list('measure_nouns' as LexiconKey).size > 0;
  /** "le chiffre d'affaires a atteint …": a measure noun with no possessor has the one the text is about (bridging). */
  const implicitPossessor = (g: DepSentence, w: number) => {
    if (!measures || g.upos[w] !== 'NOUN' || !lexicon.has('measure_nouns' as LexiconKey, g.lemmas[w]!)) return;
    // "le chiffre d'affaires", not "ce chiffre" (which points back to a figure) nor "un chiffre"
    const det = g.deps[w]!.find((a) => a.label === 'det');
    if (!det || !ARTICLES.has(g.norms[det.word]!)) return;
    if (g.deps[w]!.some((a) => (a.label === 'nmod' || a.label === 'nmod:poss') && (g.ents[a.word] || g.upos[a.word] === 'PRON' || g.upos[a.word] === 'NOUN'))) return;
    const hit = best(new Set<EntityType>(['organization', 'place']), g, w, IMPLICIT_REACH, undefined, undefined, undefined, true);
    if (hit) g.implicit[w] = { cluster: hit.cluster, type: hit.cluster.type, via: 'anaphor' };
  };

  for (const g of graphs) {
    for (let w = 0; w < g.n; w++) {
      implicitPossessor(g, w);
      const hit = g.ents[w] ? undefined : resolveWord(g, w);
      if (hit) {
        g.ents[w] = [{ cluster: hit.cluster, type: hit.cluster.type, via: 'anaphor' }];
        out.push({ sentence: g.sentence, word: w, ...hit });
      }
      remember(g, w);
    }
  }
  return out;
}
