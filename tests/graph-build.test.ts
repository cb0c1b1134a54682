import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.ts';
import { addExtractions, buildGraph } from '../src/graph/build-graph.ts';
import type { KgGraph } from '../src/graph/types.ts';

const A = {
  id: 'a.txt',
  text: "Le constructeur Dataxo a détaillé mardi le plan social qui supprime 2.000 postes. Les salariés de Dataxo ont recours au chômage partiel depuis mars, explique Paul Marchal, président de Dataxo.",
};
const B = {
  id: 'b.txt',
  text: "La compagnie Fresko a présenté le plan social qui touchera 800 postes. Fresko a elle aussi recours au chômage partiel, selon Paul Marchal, qui conseille la compagnie.",
};

function nodesLabelled(graph: KgGraph, label: string): string[] {
  return graph.filterNodes((_, a) => a.label === label);
}

describe('the graph of several documents', () => {
  it('merges a name across documents, but keeps common-noun plans and figures to their document', () => {
    const graph = buildGraph([extractDocument(A, { lang: 'fr' }), extractDocument(B, { lang: 'fr' })]);
    // a name: one node with mentions in both documents
    const person = nodesLabelled(graph, 'Paul Marchal');
    expect(person).toHaveLength(1);
    expect(new Set(graph.getNodeAttribute(person[0]!, 'mentions').map((m) => m.doc))).toEqual(new Set(['a.txt', 'b.txt']));
    // a national scheme named in lower case is still one thing
    expect(nodesLabelled(graph, 'chômage partiel')).toHaveLength(1);
    // "plan social" describes each company's own plan: one node per document
    const plans = nodesLabelled(graph, 'plan social');
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(new Set(graph.getNodeAttribute(plan, 'mentions').map((m) => m.doc)).size).toBe(1);
  });

  it('keeps them apart when a document is added to a graph already built (as the page does)', () => {
    const graph = buildGraph([extractDocument(A, { lang: 'fr' })]);
    addExtractions(graph, [extractDocument(B, { lang: 'fr' })]);
    expect(nodesLabelled(graph, 'plan social')).toHaveLength(2);
    expect(nodesLabelled(graph, 'Paul Marchal')).toHaveLength(1);
    expect(nodesLabelled(graph, 'chômage partiel')).toHaveLength(1);
  });
});
