import type { Cluster } from '../resolve.ts';
import type { SentenceParse } from '../syntax/sentence-parse.ts';
import { normWord } from '../tokenize.ts';
import type { EntityType } from '../types.ts';

/** An entity a word stands for: the head word of a mention, a noun naming it ("la société X"), or an anaphor resolved to it. */
export interface EntityRef {
  cluster: Cluster;
  type: EntityType;
  /** How the word came to stand for the entity: "mention", "descriptor" (the noun before a name), "anaphor". */
  via: 'mention' | 'descriptor' | 'anaphor';
}

export interface Arc {
  word: number;
  label: string;
}

/**
 * One parsed sentence as the dependency patterns see it: normalised forms and lemmas, UPOS, the
 * basic tree plus the arcs enhanced Universal Dependencies adds (a conjunct shares its first
 * conjunct's head and subject, a controlled infinitive its controller's subject, a relative clause
 * its noun), and the entities each word stands for.
 */
export interface DepSentence {
  sentence: number;
  parse: SentenceParse;
  n: number;
  norms: string[];
  lemmas: string[];
  upos: string[];
  feats: string[];
  /** Dependents of each word (basic and enhanced arcs). */
  deps: Arc[][];
  /** Heads of each word (basic and enhanced arcs). */
  govs: Arc[][];
  ents: (EntityRef[] | undefined)[];
  /** The entity of the mention a word lies inside of, its head aside ("soutien" of "plan de soutien"). */
  inside: (EntityRef | undefined)[];
  /** The implicit possessor of a measure noun without one ("le chiffre d'affaires" of the company talked about). */
  implicit: (EntityRef | undefined)[];
}

const RELATIVE_PRONOUNS = new Set(['qui', 'que', 'qu\'', 'who', 'which', 'that', 'whom']);
const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
const DESCRIPTOR_ARCS = new Set(['appos', 'nmod', 'flat', 'flat:name', 'compound', 'nmod:unmarked']);

function addArc(g: DepSentence, head: number, dep: number, label: string): void {
  if (head === dep || g.deps[head]!.some((a) => a.word === dep && a.label === label)) return;
  g.deps[head]!.push({ word: dep, label });
  g.govs[dep]!.push({ word: head, label });
}

/** The preposition (the `case` dependent) of a word, if any. */
export function caseOf(g: DepSentence, w: number): number | undefined {
  return g.deps[w]!.find((a) => a.label === 'case')?.word;
}

/** "selon X", "d'après X": who says it. */
export const SOURCE_CASES: ReadonlySet<string> = new Set(['selon', 'apres', 'according']);

function childrenBy(g: DepSentence, w: number, labels: Set<string>): number[] {
  return g.deps[w]!.filter((a) => labels.has(a.label)).map((a) => a.word);
}

/** Builds a sentence's graph; `mentions` gives each mention's head word and cluster. */
export function buildDepSentence(sentence: number, parse: SentenceParse, mentions: { head: number; first: number; last: number; cluster: Cluster }[], isDescriptor: (lemma: string) => boolean = () => true): DepSentence {
  const n = parse.words.forms.length;
  const g: DepSentence = {
    sentence,
    parse,
    n,
    norms: parse.words.forms.map((f) => normWord(f)),
    lemmas: parse.lemmas.map((l) => normWord(l)),
    upos: parse.upos,
    feats: parse.feats,
    deps: Array.from({ length: n }, () => []),
    govs: Array.from({ length: n }, () => []),
    ents: new Array(n).fill(undefined),
    inside: new Array(n).fill(undefined),
    implicit: new Array(n).fill(undefined),
  };
  for (let w = 0; w < n; w++) {
    const h = parse.heads[w]!;
    if (h >= 0) addArc(g, h, w, parse.deprels[w]!);
  }
  // relative clauses: "le réseau qui appartient au groupe": réseau is the subject of appartient
  for (let r = 0; r < n; r++) {
    if (parse.deprels[r] !== 'acl:relcl' || parse.heads[r]! < 0) continue;
    for (const a of [...g.deps[r]!]) {
      if (g.upos[a.word] === 'PRON' && RELATIVE_PRONOUNS.has(g.norms[a.word]!)) addArc(g, r, parse.heads[r]!, a.label);
    }
  }
  // participles on a noun: "la société détenue par X" (the noun is the passive subject), "le groupe détenant X"
  for (let v = 0; v < n; v++) {
    if (parse.deprels[v] !== 'acl' || g.upos[v] !== 'VERB' || parse.heads[v]! < 0 || !g.feats[v]!.includes('VerbForm=Part')) continue;
    if (g.deps[v]!.some((a) => SUBJECTS.has(a.label))) continue;
    addArc(g, v, parse.heads[v]!, /ant$/.test(g.norms[v]!) ? 'nsubj' : 'nsubj:pass');
  }
  // controlled subjects, outermost first: "X annonce vouloir racheter Y"
  for (let pass = 0; pass < 3; pass++) {
    for (let v = 0; v < n; v++) {
      if (parse.deprels[v] !== 'xcomp' || parse.heads[v]! < 0 || g.deps[v]!.some((a) => SUBJECTS.has(a.label))) continue;
      for (const s of childrenBy(g, parse.heads[v]!, new Set(['nsubj']))) addArc(g, v, s, 'nsubj');
    }
  }
  // conjuncts share their first conjunct's head ("rachète A et B"), and verbs its subject ("X rachète A et cède B")
  for (let c = 0; c < n; c++) {
    if (parse.deprels[c] !== 'conj') continue;
    const first = parse.heads[c]!;
    if (first < 0) continue;
    const verbal = g.upos[c] === 'VERB' && g.upos[first] === 'VERB';
    if (verbal) {
      if (!g.deps[c]!.some((a) => SUBJECTS.has(a.label))) for (const a of g.deps[first]!) if (SUBJECTS.has(a.label)) addArc(g, c, a.word, a.label);
    } else {
      for (const a of [...g.govs[first]!]) if (a.label !== 'conj') addArc(g, a.word, c, a.label);
    }
  }
  for (const m of mentions) {
    const ref: EntityRef = { cluster: m.cluster, type: m.cluster.type, via: 'mention' };
    (g.ents[m.head] ??= []).push(ref);
    for (let w = m.first; w <= m.last; w++) if (w !== m.head) g.inside[w] ??= ref;
  }
  // "la société Dataxo", "le ministre Paul Martin": the noun right before a name stands for it
  for (let w = 0; w < n; w++) {
    if (g.upos[w] !== 'NOUN' || g.ents[w] || !isDescriptor(g.lemmas[w]!)) continue;
    for (const a of g.deps[w]!) {
      const c = a.word;
      if (!g.ents[c] || !DESCRIPTOR_ARCS.has(a.label) || c <= w || c - w > 3) continue;
      if (g.deps[c]!.some((d) => d.label === 'case')) continue;
      let between = true;
      for (let k = w + 1; k < c; k++) if (g.upos[k] !== 'ADJ' && g.upos[k] !== 'PROPN') between = false;
      if (!between) continue;
      g.ents[w] = g.ents[c]!.map((e) => ({ ...e, via: 'descriptor' }));
      break;
    }
  }
  return g;
}
