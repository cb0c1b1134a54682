import type { Lexicon, LexiconKey } from '../lexicon.ts';
import type { Cluster } from '../resolve.ts';
import { caseOf, SOURCE_CASES, type DepSentence, type EntityRef } from './sentence-graph.ts';

/**
 * Whose figure is it, by syntax. From the figure's word, up the tree:
 * - an entity the figure's phrase hangs on owns it ("Dataxo (220 salariés)", "le programme X, doté de 5 M€");
 * - a noun on the way with an entity complement or possessor owns it through that entity ("le chiffre
 *   d'affaires de X", "son chiffre d'affaires"), unless the noun names a source ("le bilan de X");
 * - the first clause with a subject decides: its subject when that is an entity (or has one as complement
 *   or possessor), else nobody. A clause of saying or forecasting ("X prévoit 6,5 %", "X estime que …")
 *   gives nobody: its subject is the source, not the owner. A clause without a subject (an infinitive, a
 *   participle) passes the question to the clause it depends on.
 * "A et B détiennent respectivement 30 % et 40 %": figures and subjects pair in order.
 * The answer is the owner, or null when the figure belongs to no named entity: no owner rather than a guess.
 */

const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
const COMPLEMENTS = new Set(['nmod', 'nmod:poss', 'det', 'appos']);
const NO_OWNER_CASES = new Set(['selon', 'apres', 'according', 'par', 'sur', 'contre', 'avec', 'face', 'comme', 'like', 'parmi', 'dont']);
const WHERE_CASES = new Set(['en', 'a', 'dans', 'in', 'at', 'chez', 'sur']);
const STOP_LABELS = new Set(['ccomp', 'parataxis', 'parataxis:insert', 'root', 'dislocated', 'vocative', 'list']);
const MAX_STEPS = 8;
const CLAUSAL = new Set(['conj', 'xcomp', 'ccomp', 'advcl', 'parataxis', 'parataxis:insert', 'csubj', 'root']);

/** The preposition of a word, or of the first conjunct it is coordinated with ("comme A, B et C"). */
function conjunctCase(g: DepSentence, w: number): number | undefined {
  for (let k = 0; k < 4 && w >= 0; k++) {
    const kase = caseOf(g, w);
    if (kase !== undefined || g.parse.deprels[w] !== 'conj') return kase;
    w = g.parse.heads[w]!;
  }
  return undefined;
}

/** The key of a figure mention in the owners' map: its sentence and first token. */
export function figureKey(sentence: number, from: number): string {
  return `${sentence}:${from}`;
}

export interface FigureOwner {
  cluster: Cluster | null;
  why: string;
}

function owners(g: DepSentence, w: number): EntityRef[] {
  const inside = g.inside[w];
  return (g.ents[w] ?? (inside ? [inside] : [])).filter((e) => e.type !== 'figure');
}

/** The entity a noun's complement or possessor names ("de X", "son"), if any. */
function complementOwner(g: DepSentence, noun: number, lexicon: Lexicon): EntityRef | undefined {
  if (lexicon.has('source_nouns' as LexiconKey, g.lemmas[noun]!)) return undefined;
  for (const a of g.deps[noun]!) {
    if (!COMPLEMENTS.has(a.label) || a.word === noun) continue;
    const refs = owners(g, a.word);
    if (!refs.length) continue;
    const kase = conjunctCase(g, a.word);
    if (kase !== undefined && NO_OWNER_CASES.has(g.lemmas[kase]!)) continue;
    // "300.000 emplois en France": a place after "en", "à", "dans" says where, not whose
    if (kase !== undefined && refs[0]!.type === 'place' && WHERE_CASES.has(g.lemmas[kase]!)) continue;
    if (a.label === 'det' && refs[0]!.via !== 'anaphor') continue;
    return refs[0];
  }
  return g.implicit[noun];
}

function respectively(g: DepSentence, clause: number, fig: number, subjects: number[]): number | undefined {
  if (subjects.length < 2 || !g.deps[clause]!.some((a) => g.norms[a.word] === 'respectivement' || g.norms[a.word] === 'respectively')) return undefined;
  const first = g.parse.deprels[fig] === 'conj' ? g.parse.heads[fig]! : fig;
  const group = [first, ...g.deps[first]!.filter((a) => a.label === 'conj').map((a) => a.word)].sort((a, b) => a - b);
  const k = group.indexOf(fig);
  const sorted = [...subjects].sort((a, b) => a - b);
  return group.length === sorted.length && k >= 0 ? sorted[k] : undefined;
}

export function figureOwner(g: DepSentence, fig: number, lexicon: Lexicon): FigureOwner {
  let cur = fig;
  let below = -1;
  for (let step = 0; step < MAX_STEPS; step++) {
    // an entity the figure's phrase depends on (not one it is coordinated with, nor one a clause hangs on)
    if (cur !== fig && !CLAUSAL.has(g.parse.deprels[below]!)) {
      const refs = owners(g, cur);
      if (refs.length) return { cluster: refs[0]!.cluster, why: 'head' };
    }
    const subjects = g.deps[cur]!.filter((a) => SUBJECTS.has(a.label) && a.word !== fig).map((a) => a.word);
    // "900 revendeurs bénéficient d'une aide": a figure that is (in) the subject belongs to no other subject
    if (below >= 0 && g.deps[cur]!.some((a) => a.word === below && SUBJECTS.has(a.label))) return { cluster: null, why: 'is-subject' };
    if (subjects.length) {
      // "X prévoit 6,5 %" (its subject is a source); not "un plan évalué à 15 milliards" (the noun it describes)
      if (lexicon.has('source_verbs' as LexiconKey, g.lemmas[cur]!) && g.deps[cur]!.some((a) => a.label === 'nsubj')) return { cluster: null, why: 'source' };
      const paired = respectively(g, cur, fig, subjects);
      for (const s of paired !== undefined ? [paired] : subjects) {
        const refs = owners(g, s);
        if (refs.length) return { cluster: refs[0]!.cluster, why: paired !== undefined ? 'respectively' : 'subject' };
        const c = complementOwner(g, s, lexicon);
        if (c) return { cluster: c.cluster, why: 'subject-complement' };
      }
      return { cluster: null, why: 'subject-unnamed' };
    }
    if (g.upos[cur] === 'NOUN' || g.upos[cur] === 'NUM' || g.upos[cur] === 'SYM') {
      const c = complementOwner(g, cur, lexicon);
      if (c && (cur !== fig || g.upos[cur] === 'NOUN')) return { cluster: c.cluster, why: 'complement' };
    }
    const label = g.parse.deprels[cur]!;
    const head = g.parse.heads[cur]!;
    if (head < 0 || STOP_LABELS.has(label)) return { cluster: null, why: 'clause' };
    if (label === 'obl' || label.startsWith('obl:')) {
      const kase = caseOf(g, cur);
      if (kase !== undefined && SOURCE_CASES.has(g.lemmas[kase]!)) return { cluster: null, why: 'source' };
    }
    below = cur;
    cur = head;
  }
  return { cluster: null, why: 'far' };
}
