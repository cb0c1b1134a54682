import { createGraph } from '../../src/graph/serialize.ts';
import type { EdgeAttributes, KgGraph, NodeAttributes } from '../../src/graph/types.ts';

type NodeSpec = [key: string, label: string, type: NodeAttributes['type'], extra?: Partial<NodeAttributes>];
type EdgeSpec = [key: string, source: string, target: string, relation: EdgeAttributes['relation'], extra?: Partial<EdgeAttributes>];

/** A small graph from compact rows. */
export function makeGraph(nodes: NodeSpec[], edges: EdgeSpec[] = [], documents: string[] = ['d1']): KgGraph {
  const graph = createGraph({ documents: documents.map((id) => ({ id, path: id, title: id, lang: 'en', chars: 100 })) });
  for (const [key, label, type, extra] of nodes) graph.addNode(key, { label, type, aliases: [], mentions: [], ...extra });
  for (const [key, source, target, relation, extra] of edges)
    graph.addEdgeWithKey(key, source, target, { relation, weight: 1, evidence: [], pattern: 'test', ...extra });
  return graph;
}
