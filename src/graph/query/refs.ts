/** Turning node and edge ids of the index into the plain data results carry. */
import { CO_OCCURS_BIT } from './graph-index.ts';
import type { GraphIndex, Walk } from './graph-index.ts';
import { nodeRef } from './names.ts';
import type { EdgeRef, Evidence, NodeRef, PathResultItem, PathStep } from './types.ts';

export { nodeRef };

export function edgeRef(index: GraphIndex, e: number, evidencePerEdge: number): EdgeRef {
  const key = index.edgeKey(e);
  const a = index.edgeAttributes(e);
  const texts = index.texts();
  const spans = Array.isArray(a.evidence) ? a.evidence : [];
  const evidence: Evidence[] = spans.slice(0, evidencePerEdge).map((m) => {
    const text = texts?.[m.doc];
    return {
      doc: m.doc,
      title: index.documents.get(m.doc)?.title ?? null,
      start: m.start,
      end: m.end,
      text: typeof text === 'string' ? text.slice(m.start, m.end) : null,
    };
  });
  return {
    key,
    relation: a.relation,
    source: index.keys[index.src[e]!]!,
    target: index.keys[index.tgt[e]!]!,
    weight: a.weight,
    evidence,
    evidenceCount: spans.length,
  };
}

/** Every edge the walk may follow from u to v, typed ones first, then heaviest first. */
export function edgesBetween(index: GraphIndex, u: number, v: number, walk: Walk): { edge: number; forward: boolean }[] {
  const found: { edge: number; forward: boolean; weight: number; co: boolean }[] = [];
  const push = (e: number, forward: boolean) => {
    const weight = index.edgeWeight(e);
    found.push({ edge: e, forward, weight: Number.isNaN(weight) ? 1 : weight, co: ((CO_OCCURS_BIT >> index.rel[e]!) & 1) === 1 });
  };
  for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
    const e = index.outEdges[k]!;
    if (index.tgt[e] === v && (walk.outMask >> index.rel[e]!) & 1) push(e, true);
  }
  for (let k = index.inStart[u]!; k < index.inStart[u + 1]!; k++) {
    const e = index.inEdges[k]!;
    // A self-loop is already listed as an out-edge.
    if (index.src[e] === v && u !== v && (walk.inMask >> index.rel[e]!) & 1) push(e, false);
  }
  found.sort((a, b) => Number(a.co) - Number(b.co) || b.weight - a.weight || a.edge - b.edge);
  return found.map(({ edge, forward }) => ({ edge, forward }));
}

/** A path of node ids as a result item: each hop with every edge that joins it. */
export function pathItem(index: GraphIndex, nodes: number[], walk: Walk, cost: number, evidencePerEdge: number): PathResultItem {
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const edges = edgesBetween(index, nodes[i]!, nodes[i + 1]!, walk);
    steps.push({ edges: edges.map((x) => edgeRef(index, x.edge, evidencePerEdge)), forward: edges.map((x) => x.forward) });
  }
  return { nodes: nodes.map((id) => nodeRef(index, id)), steps, cost };
}

/** Node and edge keys of path items, without duplicates, for highlighting. */
export function keysOfPaths(paths: PathResultItem[]): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) nodes.add(n.key);
    for (const s of p.steps) for (const e of s.edges) edges.add(e.key);
  }
  return { nodes: [...nodes], edges: [...edges] };
}

export type { NodeRef };
