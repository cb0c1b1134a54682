/** Graphs the export tests write: hostile text, parallel edges, empty, generated. */
import { createGraph } from '../../src/graph/serialize.ts';
import { generateGraph } from '../../src/graph/generate.ts';
import type { KgGraph } from '../../src/graph/types.ts';

const DOC_A = 'a.txt';
const DOC_B = 'b;c|d.txt';

/**
 * Sentences full of what breaks exports: XML and CSV markup, quotes of both kinds,
 * backslashes, emoji (astral), Arabic, CJK, Cyrillic, Devanagari, tabs and newlines,
 * and characters XML cannot hold at all (C0 controls, U+FFFE, unpaired surrogates).
 */
const TEXT_A =
  'Ada & <Lovelace> said "hi" to O\'Brien, then left.\n' + // 0..49
  'Zoë met 東京 Ltd 🎉 in Москва; مرحبا و नमस्ते.\t' + // 50..
  'Bad\u0001bytes\u000b here\u001f and \ufffe too, \ud800 alone.\r\nEnd.';
const TEXT_B = 'Rome, Italy [sic] \\escaped\\ "quoted, with comma" | pipe ; semicolon.';

function span(text: string, needle: string, doc: string) {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { doc, start, end: start + needle.length };
}

export function hostileGraph(): KgGraph {
  const g = createGraph({
    documents: [
      { id: DOC_A, path: `corpus/${DOC_A}`, title: 'A & <B>', lang: 'en', chars: TEXT_A.length },
      { id: DOC_B, path: `corpus/${DOC_B}`, title: 'B', lang: 'fr', chars: TEXT_B.length },
    ],
    builtAt: '2024-05-01T10:00:00.000Z',
    version: '0.1.0',
    texts: { [DOC_A]: TEXT_A, [DOC_B]: TEXT_B },
  });
  g.addNode('person:ada lovelace', {
    label: 'Ada & <Lovelace> "the first" O\'Brien',
    type: 'person',
    aliases: ['Lovelace, Ada', '[Ada]', 'A "quoted" one', 'back\\slash', 'semi;colon', 'pi|pe', ''],
    mentions: [span(TEXT_A, 'Ada', DOC_A), span(TEXT_A, 'Lovelace', DOC_A), { doc: DOC_B, start: 0, end: 4 }],
  });
  g.addNode('organization:東京 ltd', {
    label: '東京 Ltd 🎉',
    type: 'organization',
    aliases: ['Москва Холдинг', 'مرحبا', 'नमस्ते'],
    mentions: [span(TEXT_A, '東京 Ltd', DOC_A)],
  });
  // Two keys that differ only in characters XML cannot hold: their ids must stay distinct.
  g.addNode('place:bad\u0001key', { label: 'Bad\u0001label\u000b\u001f\ufffe\ud800', type: 'place', aliases: ['tab\there', 'new\nline'], mentions: [] });
  g.addNode('place:bad\u0002key', { label: 'Second bad key', type: 'place', aliases: [], mentions: [] });
  g.addNode('place:rome', { label: 'Rome', type: 'place', aliases: [], mentions: [span(TEXT_B, 'Rome', DOC_B)], x: 12.5, y: -3.25 });
  g.addNode('figure:a.txt:3000000:eur', {
    label: '3–4 M€',
    type: 'figure',
    aliases: [],
    mentions: [span(TEXT_A, 'Zoë', DOC_A)],
    value: 3_000_000,
    value_max: 4_500_000.5,
    unit: '€',
  });
  g.addNode('product:  spaced  ', { label: '  spaced  ', type: 'product', aliases: [], mentions: [] });

  const sentence1 = span(TEXT_A, TEXT_A.slice(0, 49), DOC_A);
  const sentence2 = { doc: DOC_A, start: 50, end: TEXT_A.length };
  const sentence3 = { doc: DOC_B, start: 0, end: TEXT_B.length };
  g.addEdgeWithKey('person:ada lovelace|works_for|organization:東京 ltd', 'person:ada lovelace', 'organization:東京 ltd', {
    relation: 'works_for',
    weight: 2,
    evidence: [sentence1, sentence3],
    pattern: 'en.works_for.1',
  });
  g.addEdgeWithKey('person:ada lovelace|co_occurs|organization:東京 ltd', 'person:ada lovelace', 'organization:東京 ltd', {
    relation: 'co_occurs',
    weight: 1,
    evidence: [sentence2],
    pattern: 'co_occurs',
  });
  // Weight 0 (Gephi drops such edges) and an edge key with a control character.
  g.addEdgeWithKey('zero\u0007weight', 'organization:東京 ltd', 'place:rome', { relation: 'located_in', weight: 0, evidence: [sentence3], pattern: 'p' });
  g.addEdgeWithKey('bad-ends', 'place:bad\u0001key', 'place:bad\u0002key', { relation: 'part_of', weight: 1.5, evidence: [], pattern: '' });
  // Evidence whose document text is not kept, and offsets outside the text.
  g.addEdgeWithKey('no-text', 'figure:a.txt:3000000:eur', 'person:ada lovelace', {
    relation: 'has_figure',
    weight: 1,
    evidence: [{ doc: 'missing.txt', start: 0, end: 10 }, { doc: DOC_B, start: 5, end: 5000 }],
    pattern: 'p',
  });
  g.addEdgeWithKey('self', 'product:  spaced  ', 'product:  spaced  ', { relation: 'part_of', weight: 1, evidence: [], pattern: 'p' });
  return g;
}

/** Parallel edges: different relations between the same two nodes, and two edges of the same relation. */
export function parallelGraph(): KgGraph {
  const g = createGraph({ documents: [], builtAt: '2024-01-02T00:00:00.000Z', version: '0.1.0' });
  g.addNode('person:a', { label: 'A', type: 'person', aliases: [], mentions: [] });
  g.addNode('organization:b', { label: 'B', type: 'organization', aliases: [], mentions: [] });
  const relations = ['leads', 'works_for', 'owns', 'founded', 'co_occurs', 'co_occurs', 'leads'] as const;
  relations.forEach((relation, i) => {
    g.addEdgeWithKey(`e${i}`, 'person:a', 'organization:b', { relation, weight: i + 1, evidence: [], pattern: 'p' });
  });
  g.addEdgeWithKey('back', 'organization:b', 'person:a', { relation: 'leads', weight: 1, evidence: [], pattern: 'p' });
  return g;
}

export function emptyGraph(): KgGraph {
  return createGraph();
}

/** A generated graph with a few hundred nodes, texts kept for the evidence sentences. */
export function generatedGraph(): KgGraph {
  const g = generateGraph({ nodes: 300, edges: 1200, seed: 7, documents: 5 });
  const texts: Record<string, string> = {};
  for (const d of g.getAttribute('documents')) texts[d.id] = `${d.title}. `.repeat(400);
  g.setAttribute('texts', texts);
  return g;
}

export const FIXTURES: [string, () => KgGraph][] = [
  ['a graph of hostile text', hostileGraph],
  ['parallel edges', parallelGraph],
  ['the empty graph', emptyGraph],
  ['a generated graph', generatedGraph],
];
