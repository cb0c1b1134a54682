import { InputError } from '../errors.ts';
import type { Lexicon, LexiconKey } from '../lexicon.ts';
import { UPOS_TAGS } from '../syntax/upos.ts';
import { normWord } from '../tokenize.ts';
import type { EntityType, RelationName } from '../types.ts';
import { ENTITY_TYPES, RELATION_NAMES } from '../types.ts';

/**
 * A relation pattern over the dependency parse, in the spirit of spaCy's DependencyMatcher: a list
 * of nodes, each (after the first) reached from an earlier one by a dependency edge, each with
 * constraints on its word. The nodes with ids "s" and "t" are the relation's source and target and
 * must be entity words (the head word of a mention, or an anaphor resolved to one).
 */
export interface DependencyNodeSpec {
  id: string;
  /** The earlier node this one is reached from. */
  from?: string;
  /**
   * The edge from `from`: ">nsubj" a dependent of `from` by nsubj, "<appos" the head `from` depends
   * on by appos, ">>" / "<<" a descendant / ancestor (up to four edges), ">*" / "<*" any label.
   * Labels may list alternatives ("nsubj|obj"); a label without subtype matches its subtypes
   * ("obl" matches "obl:agent").
   */
  rel?: string;
  /** Lemmas the word may have: a list, or "@class" (a class of the rules file or a lexicon list). */
  lemma?: string[] | string;
  /** Word forms the word may have (compared without case and accents): a list or "@class". */
  word?: string[] | string;
  /** UPOS tags the word may have. */
  upos?: string[];
  /** Entity types the word must carry ("any" for every type). */
  ent?: string[];
  /** No word may match this node (a negative condition; no later node may start from it). */
  not?: boolean;
}

export interface CompiledNode {
  id: string;
  from: number;
  op: 'child' | 'head' | 'desc' | 'anc' | 'none';
  /** Labels accepted on the edge; undefined for any. */
  labels?: string[];
  /** Normalised lemmas accepted, or the lexicon list holding them. */
  lemmas?: Set<string>;
  lemmaList?: string;
  words?: Set<string>;
  wordList?: string;
  upos?: Set<string>;
  ent?: Set<EntityType | 'any'>;
  not: boolean;
}

export interface DependencyRule {
  id: string;
  relation: RelationName;
  nodes: CompiledNode[];
  source: number;
  target: number;
}

/** Dependency labels of Universal Dependencies v2 and the subtypes of the French and English treebanks. */
export const DEPENDENCY_LABELS: readonly string[] = [
  'acl', 'acl:relcl', 'advcl', 'advcl:cleft', 'advcl:relcl', 'advmod', 'amod', 'appos', 'aux', 'aux:caus', 'aux:pass', 'aux:tense', 'case', 'cc', 'cc:preconj', 'ccomp', 'clf',
  'compound', 'compound:prt', 'conj', 'cop', 'csubj', 'csubj:pass', 'dep', 'dep:comp', 'det', 'det:predet', 'discourse', 'dislocated', 'expl', 'expl:comp', 'expl:pass', 'expl:pv',
  'expl:subj', 'fixed', 'flat', 'flat:foreign', 'flat:name', 'goeswith', 'iobj', 'iobj:agent', 'list', 'mark', 'nmod', 'nmod:desc', 'nmod:poss', 'nmod:unmarked', 'nsubj',
  'nsubj:caus', 'nsubj:outer', 'nsubj:pass', 'nummod', 'obj', 'obj:agent', 'obj:lvc', 'obl', 'obl:agent', 'obl:arg', 'obl:mod', 'obl:unmarked', 'orphan', 'parataxis',
  'parataxis:insert', 'punct', 'reparandum', 'root', 'vocative', 'xcomp',
];
const knownLabels = new Set(DEPENDENCY_LABELS);
const knownUpos = new Set<string>(UPOS_TAGS);
const entityTypes = new Set<string>([...ENTITY_TYPES, 'any']);
const relationNames = new Set<string>(RELATION_NAMES);
const OPS: Record<string, CompiledNode['op']> = { '>>': 'desc', '<<': 'anc', '>': 'child', '<': 'head' };

/** Compiles a dependency rule; throws InputError naming the file, the rule and the bad token, with the known values. */
export function compileDependencyRule(spec: { id: string; relation: string; dep?: unknown }, lexicon: Lexicon, origin: string): DependencyRule {
  const fail = (what: string): never => {
    throw new InputError(`${origin}: rule "${spec.id ?? '?'}": ${what}`);
  };
  if (typeof spec.id !== 'string' || !spec.id) fail('every rule needs a string "id"');
  if (!relationNames.has(spec.relation)) fail(`unknown relation "${spec.relation}" (known: ${RELATION_NAMES.join(', ')})`);
  if (!Array.isArray(spec.dep) || spec.dep.length < 2) fail('"dep" must be a list of at least two nodes');
  const ids = new Map<string, number>();
  const nodes: CompiledNode[] = [];
  const list = (value: unknown, what: string): { set?: Set<string>; list?: string } => {
    if (typeof value === 'string') {
      if (!value.startsWith('@')) fail(`${what} "${value}" must be a list of words or "@class"`);
      const name = value.slice(1);
      if (lexicon.list(name as LexiconKey).size === 0) fail(`unknown class "${value}" in ${what}`);
      return { list: name };
    }
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(`${what} must be a list of words or "@class"`);
    return { set: new Set((value as string[]).map((v) => normWord(v))) };
  };
  (spec.dep as DependencyNodeSpec[]).forEach((n, k) => {
    if (!n || typeof n !== 'object' || typeof n.id !== 'string' || !n.id) fail(`node ${k + 1} needs a string "id"`);
    if (ids.has(n.id)) fail(`node id "${n.id}" is used twice`);
    const node: CompiledNode = { id: n.id, from: -1, op: 'none', not: n.not === true };
    if (k === 0) {
      if (n.from !== undefined || n.rel !== undefined) fail(`the first node ("${n.id}") starts the match: it has no "from" or "rel"`);
    } else {
      const from = ids.get(n.from ?? '');
      if (from === undefined) fail(`node "${n.id}": "from" must name an earlier node (got "${n.from}")`);
      if (nodes[from!]!.not) fail(`node "${n.id}" starts from "${n.from}", a negative node`);
      const rel = typeof n.rel === 'string' ? n.rel.trim() : '';
      const op = rel.startsWith('>>') ? '>>' : rel.startsWith('<<') ? '<<' : rel.startsWith('>') ? '>' : rel.startsWith('<') ? '<' : '';
      if (!op) fail(`node "${n.id}": "rel" must start with >, <, >> or << (got "${n.rel}")`);
      node.from = from!;
      node.op = OPS[op]!;
      const labels = rel.slice(op.length);
      if (labels && labels !== '*') {
        if (op.length === 2) fail(`node "${n.id}": "${op}" takes no label`);
        node.labels = labels.split('|');
        for (const label of node.labels) if (!knownLabels.has(label)) fail(`unknown dependency label "${label}" (known: ${DEPENDENCY_LABELS.join(', ')})`);
      }
    }
    if (n.lemma !== undefined) {
      const l = list(n.lemma, `node "${n.id}": lemma`);
      node.lemmas = l.set;
      node.lemmaList = l.list;
    }
    if (n.word !== undefined) {
      const w = list(n.word, `node "${n.id}": word`);
      node.words = w.set;
      node.wordList = w.list;
    }
    if (n.upos !== undefined) {
      if (!Array.isArray(n.upos)) fail(`node "${n.id}": upos must be a list`);
      for (const u of n.upos) if (!knownUpos.has(u)) fail(`unknown UPOS "${u}" (known: ${UPOS_TAGS.join(', ')})`);
      node.upos = new Set(n.upos);
    }
    if (n.ent !== undefined) {
      if (!Array.isArray(n.ent)) fail(`node "${n.id}": ent must be a list`);
      for (const e of n.ent) if (!entityTypes.has(e)) fail(`unknown entity type "${e}" (known: ${[...entityTypes].join(', ')})`);
      node.ent = new Set(n.ent as EntityType[]);
    }
    ids.set(n.id, k);
    nodes.push(node);
  });
  const source = ids.get('s');
  const target = ids.get('t');
  if (source === undefined || target === undefined) fail('a dependency pattern needs nodes "s" (source) and "t" (target)');
  for (const end of [source!, target!]) {
    if (!nodes[end]!.ent) fail(`node "${nodes[end]!.id}" is an end of the relation: give it "ent" types`);
    if (nodes[end]!.not) fail(`node "${nodes[end]!.id}" is an end of the relation: it cannot be negative`);
  }
  return { id: spec.id, relation: spec.relation as RelationName, nodes, source: source!, target: target! };
}
