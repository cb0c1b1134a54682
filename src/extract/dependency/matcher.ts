import type { Lexicon, LexiconKey } from '../lexicon.ts';
import type { CompiledNode, DependencyRule } from './patterns.ts';
import type { DepSentence, EntityRef } from './sentence-graph.ts';

const MAX_DEPTH = 4;

function labelMatches(labels: string[] | undefined, label: string): boolean {
  if (!labels) return true;
  for (const l of labels) {
    if (label === l) return true;
    if (label.length > l.length && label.charCodeAt(l.length) === 58 /* : */ && label.startsWith(l) && !l.includes(':')) return true;
  }
  return false;
}

function accepts(node: CompiledNode, g: DepSentence, w: number, lexicon: Lexicon): boolean {
  if (node.upos && !node.upos.has(g.upos[w]!)) return false;
  if (node.lemmas && !node.lemmas.has(g.lemmas[w]!)) return false;
  if (node.lemmaList && !lexicon.has(node.lemmaList as LexiconKey, g.lemmas[w]!)) return false;
  if (node.words && !node.words.has(g.norms[w]!)) return false;
  if (node.wordList && !lexicon.has(node.wordList as LexiconKey, g.norms[w]!)) return false;
  if (node.ent) {
    const ents = g.ents[w];
    if (!ents || !(node.ent.has('any') || ents.some((e) => node.ent!.has(e.type)))) return false;
  }
  return true;
}

function candidates(node: CompiledNode, g: DepSentence, from: number): number[] {
  switch (node.op) {
    case 'child':
      return g.deps[from]!.filter((a) => labelMatches(node.labels, a.label)).map((a) => a.word);
    case 'head':
      return g.govs[from]!.filter((a) => labelMatches(node.labels, a.label)).map((a) => a.word);
    case 'desc':
    case 'anc': {
      const out: number[] = [];
      const seen = new Set([from]);
      let frontier = [from];
      for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
        const next: number[] = [];
        for (const w of frontier) {
          for (const a of node.op === 'desc' ? g.deps[w]! : g.govs[w]!) {
            if (seen.has(a.word)) continue;
            seen.add(a.word);
            out.push(a.word);
            next.push(a.word);
          }
        }
        frontier = next;
      }
      return out;
    }
    default:
      return [];
  }
}

/** Every way a rule's nodes bind to words of a sentence: the words bound to its source and target. */
export function matchRule(rule: DependencyRule, g: DepSentence, lexicon: Lexicon): { source: number; target: number }[] {
  const { nodes } = rule;
  const bound = new Int32Array(nodes.length).fill(-1);
  const out: { source: number; target: number }[] = [];
  const taken = (w: number, upTo: number) => {
    for (let k = 0; k < upTo; k++) if (bound[k] === w) return true;
    return false;
  };
  const step = (k: number): void => {
    if (k === nodes.length) {
      out.push({ source: bound[rule.source]!, target: bound[rule.target]! });
      return;
    }
    const node = nodes[k]!;
    if (k === 0) {
      for (let w = 0; w < g.n; w++) {
        if (!accepts(node, g, w, lexicon)) continue;
        bound[0] = w;
        step(1);
      }
      bound[0] = -1;
      return;
    }
    const pool = candidates(node, g, bound[node.from]!);
    if (node.not) {
      if (pool.some((w) => !taken(w, k) && accepts(node, g, w, lexicon))) return;
      step(k + 1);
      return;
    }
    for (const w of pool) {
      if (taken(w, k) || !accepts(node, g, w, lexicon)) continue;
      bound[k] = w;
      step(k + 1);
      bound[k] = -1;
    }
  };
  step(0);
  return out;
}

/** The entities a bound end stands for, of the types its node accepts. */
export function endRefs(node: CompiledNode, g: DepSentence, w: number): EntityRef[] {
  const ents = g.ents[w] ?? [];
  return node.ent!.has('any') ? ents : ents.filter((e) => node.ent!.has(e.type));
}
