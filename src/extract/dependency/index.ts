import type { DocContext, MentionSpan } from '../entities.ts';
import type { Lexicon, LexiconKey } from '../lexicon.ts';
import type { FoundRelation } from '../relations.ts';
import type { Cluster } from '../resolve.ts';
import { spanWords } from '../syntax/sentence-parse.ts';
import { resolveAnaphors } from './coreference.ts';
import { figureKey, figureOwner, type FigureOwner } from './figure-owners.ts';
import { endRefs, matchRule } from './matcher.ts';
import type { DependencyRule } from './patterns.ts';
import { buildDepSentence, type DepSentence } from './sentence-graph.ts';

export { compileDependencyRule, DEPENDENCY_LABELS, type DependencyNodeSpec, type DependencyRule } from './patterns.ts';
export type { ResolvedAnaphor } from './coreference.ts';

export interface DependencyResult {
  found: FoundRelation[];
  /** Owner of each figure mention by syntax ("sentence:from" → cluster, or null for no owner). */
  figureOwners: Map<string, FigureOwner>;
}

/** The nouns that stand for the name after them ("la société Dataxo", "le ministre Paul Martin"). */
const DESCRIPTOR_LISTS: LexiconKey[] = ['orgHeads', 'placeHeads', 'programmeHeads', 'leaderTitles', 'workTitles', 'professions', 'anaphor_org' as LexiconKey, 'anaphor_place' as LexiconKey, 'descriptor_nouns' as LexiconKey];


/** Relations by dependency patterns, figure owners and anaphors over the parsed sentences of a document. */
export function findDependencyRelations(ctx: DocContext, rules: DependencyRule[], lexicon: Lexicon, mentionsBySentence: Map<number, MentionSpan[]>, clusterOf: Map<MentionSpan, Cluster>): DependencyResult {
  const graphs: DepSentence[] = [];
  const isDescriptor = (lemma: string) => DESCRIPTOR_LISTS.some((list) => lexicon.has(list, lemma));
  const figures: { g: DepSentence; word: number; mention: MentionSpan }[] = [];
  for (const [index, parse] of [...(ctx.parses ?? new Map())].sort((a, b) => a[0] - b[0])) {
    const mentions = (mentionsBySentence.get(index) ?? []).map((m) => ({ m, ...spanWords(parse, m.from, m.to), cluster: clusterOf.get(m)! }));
    const g = buildDepSentence(index, parse, mentions, isDescriptor);
    graphs.push(g);
    for (const x of mentions) if (x.cluster.type === 'figure') figures.push({ g, word: x.head, mention: x.m });
  }
  resolveAnaphors(graphs, lexicon);
  const found: FoundRelation[] = [];
  for (const g of graphs) {
    for (const rule of rules) {
      for (const { source, target } of matchRule(rule, g, lexicon)) {
        for (const s of endRefs(rule.nodes[rule.source]!, g, source)) {
          for (const t of endRefs(rule.nodes[rule.target]!, g, target)) {
            if (s.cluster !== t.cluster) found.push({ source: s.cluster, target: t.cluster, relation: rule.relation, sentence: g.sentence, pattern: rule.id });
          }
        }
      }
    }
  }
  const figureOwners = new Map<string, FigureOwner>();
  for (const f of figures) {
    const owner = figureOwner(f.g, f.word, lexicon);
    figureOwners.set(figureKey(f.mention.sentence, f.mention.from), owner);
  }
  return { found, figureOwners };
}
