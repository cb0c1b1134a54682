import { ENTITY_TYPES, RELATION_NAMES } from '../extract/types.ts';
import type { EntityType, RelationName } from '../extract/types.ts';
import { seededRandom } from './layout.ts';
import { createGraph } from './serialize.ts';
import type { KgGraph } from './types.ts';

export interface GenerateOptions {
  nodes: number;
  edges: number;
  seed?: number;
  /** Documents the mentions are spread over. */
  documents?: number;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'vo', 'zen', 'dor', 'ix', 'bel', 'qua', 'nu', 'sor', 'fe', 'gri', 'pa'];
const TYPED_RELATIONS = RELATION_NAMES.filter((r) => r !== 'co_occurs' && r !== 'interviews');

/**
 * A synthetic kg graph of the given size, for benchmarks and tests: typed nodes with
 * pronounceable unique labels, mentions and evidence in fake documents, a mix of typed
 * and co_occurs edges whose endpoints follow a skewed (preferential) distribution.
 * Deterministic for a given seed.
 */
export function generateGraph(options: GenerateOptions): KgGraph {
  const { nodes, edges } = options;
  const random = seededRandom(options.seed ?? 1);
  const docCount = Math.max(1, options.documents ?? Math.ceil(nodes / 20));
  const documents = Array.from({ length: Math.min(docCount, 10_000) }, (_, i) => ({
    id: `doc-${i}.txt`,
    path: `generated/doc-${i}.txt`,
    title: `Generated document ${i}`,
    lang: 'en' as const,
    chars: 5000,
  }));
  const graph = createGraph({ documents, builtAt: new Date(0).toISOString(), version: 'generated' });
  const types: EntityType[] = ENTITY_TYPES.filter((t) => t !== 'product');
  for (let i = 0; i < nodes; i++) {
    const type = types[Math.floor(random() * types.length)]!;
    let name = '';
    for (let s = 0, n = 2 + Math.floor(random() * 2); s < n; s++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    const label = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${i}`;
    const doc = documents[Math.floor(random() * documents.length)]!.id;
    const start = Math.floor(random() * 4900);
    graph.addNode(`n${i}`, {
      label,
      type,
      aliases: [],
      mentions: [{ doc, start, end: start + label.length }],
      ...(type === 'figure' ? { value: Math.floor(random() * 1000), unit: 'EUR' } : {}),
    });
  }
  // Skewed endpoints: squaring a uniform draw favours low indices, like a preferential attachment.
  const pick = () => `n${Math.floor(random() * random() * nodes)}`;
  for (let e = 0; e < edges && nodes > 1; e++) {
    const source = pick();
    let target = pick();
    if (target === source) target = `n${(Number(source.slice(1)) + 1) % nodes}`;
    const relation: RelationName = random() < 0.4 ? 'co_occurs' : TYPED_RELATIONS[Math.floor(random() * TYPED_RELATIONS.length)]!;
    const doc = documents[Math.floor(random() * documents.length)]!.id;
    const start = Math.floor(random() * 4800);
    graph.addEdgeWithKey(`e${e}`, source, target, {
      relation,
      weight: 1 + Math.floor(random() * 3),
      evidence: [{ doc, start, end: start + 120 }],
      pattern: 'generated',
    });
  }
  return graph;
}
