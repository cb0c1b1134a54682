/**
 * The read-only StoredGraph that `kg query` and `kg console` load: the same answers as
 * the graphology graph of the same file, the same files accepted, and the same messages
 * for the files it hands over to parseGraph.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphFile, readQueryGraph } from '../../src/cli/io.ts';
import { generateGraph } from '../../src/graph/generate.ts';
import { runQuery } from '../../src/graph/query/index.ts';
import { importGraph, serializeGraph } from '../../src/graph/serialize.ts';
import { NotAStoredGraph, StoredGraph, loadStoredGraph } from '../../src/graph/stored-graph.ts';
import { seedsLikeGraph } from './fixtures.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const dir = mkdtempSync(join(tmpdir(), 'kg-stored-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs each query on both loads of `text` and expects the same result, or the same error. */
function expectSameAnswers(text: string, queries: string[]): void {
  const stored = loadStoredGraph(bytesOf(text));
  const graph = importGraph(JSON.parse(text));
  expect(stored.order).toBe(graph.order);
  expect(stored.size).toBe(graph.size);
  for (const query of queries) {
    let expected: unknown;
    let actual: unknown;
    try {
      expected = runQuery(graph, query);
    } catch (error) {
      expected = `${(error as Error).name}: ${(error as Error).message}`;
    }
    try {
      actual = runQuery(stored, query);
    } catch (error) {
      actual = `${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(generic(actual), query).toEqual(generic(expected));
  }
}

/** Keys of edges that have none in the file are generated: graphology's "geid_…", the loader's "#e". */
const generic = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/"(geid_\d+_\d+|#\d+)"/g, '"<generated key>"'));

const SEEDS_QUERIES = [
  'explain path "Jean-Christophe Dupuy" -- Microsoft',
  'explain path "Patrice Foliard" -> "Groupe Infragest"',
  'paths Microsoft -- HP max 4 limit 5',
  'allshortest Actebis -- Microsoft cooccur',
  'neighbors Microsoft depth 2',
  'neighbors Actebis via funds,distributes type organization',
  'find type:organization',
  'find name~micro',
  'relations funds',
  'relations from Microsoft',
  'top degree 5',
  'top pagerank type organization 3',
  'top betweenness 3',
  'communities',
  'path Dupuy -- Nowhere',
  'path Microsoft -- Microsoft',
];

describe('StoredGraph answers queries as the graphology graph does', () => {
  it('on a seeds-like graph with texts (evidence quotes, aliases, every command)', () => {
    expectSameAnswers(serializeGraph(seedsLikeGraph({ keepTexts: true })), SEEDS_QUERIES);
  });

  it('on the same graph pretty-printed, with keys in another order', () => {
    const data = JSON.parse(serializeGraph(seedsLikeGraph({ keepTexts: true })));
    const reordered = {
      edges: [],
      attributes: data.attributes,
      nodes: data.nodes,
      options: data.options,
    };
    // Edges listed before the nodes are handed to parseGraph; nodes first then edges in any field order.
    const text = JSON.stringify({ options: data.options, nodes: data.nodes, attributes: data.attributes, edges: data.edges.map((e: Record<string, unknown>) => ({ attributes: e.attributes, target: e.target, key: e.key, source: e.source })) }, null, 2);
    expectSameAnswers(text, SEEDS_QUERIES);
    expect(() => loadStoredGraph(bytesOf(JSON.stringify(reordered)))).toThrow(NotAStoredGraph);
  });

  it('on a generated graph of 2,000 nodes and 12,000 edges', () => {
    const graph = generateGraph({ nodes: 2000, edges: 12_000, seed: 3 });
    const labels = graph.mapNodes((_key, a) => a.label);
    const pick = (i: number) => `"${labels[(i * 7919) % labels.length]}"`;
    const queries: string[] = [];
    for (let i = 0; i < 20; i++) {
      queries.push(`explain path ${pick(i)} -> ${pick(i + 1)}`);
      queries.push(`path ${pick(i)} -- ${pick(i + 2)} via funds,owns,partners_with`);
      queries.push(`neighbors ${pick(i)} depth 2 type person`);
    }
    queries.push('top pagerank 10', 'communities', 'relations leads', `find name~${labels[5]!.split(' ')[0]}`);
    expectSameAnswers(serializeGraph(graph), queries);
  });

  it('with escaped and non-ASCII keys and labels, and missing optional attributes', () => {
    const text = JSON.stringify({
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: { documents: [{ id: 'd.txt', path: 'd.txt', title: 'Dé "cote"', lang: 'fr', chars: 10 }] },
      nodes: [
        { key: 'a "quoted" \\ key', attributes: { label: 'Zoë Ärger', type: 'person', mentions: [] } },
        { key: '漢字', attributes: { label: 'Société Générale', type: 'organization', aliases: ['SG'], mentions: [{ doc: 'd.txt', start: 0, end: 3 }] } },
        { key: 'n\u00e9', attributes: { label: 'Paris', type: 'place', mentions: [] } },
      ],
      edges: [
        { key: 'e "1"', source: 'a "quoted" \\ key', target: '漢字', attributes: { relation: 'works_for', evidence: [{ doc: 'd.txt', start: 0, end: 5 }, { doc: 'd.txt', start: 5, end: 9 }] } },
        { source: '漢字', target: 'n\u00e9', attributes: { relation: 'located_in', weight: 'heavy' } },
        { key: 'e3', source: 'n\u00e9', target: 'n\u00e9', attributes: { relation: 'co_occurs', weight: 4, evidence: [] }, undirected: false },
      ],
    });
    expectSameAnswers(text.replace('"n\u00e9"', '"n\\u00e9"'), [
      'explain path "zoe arger" -- paris',
      'relations',
      'neighbors SG depth 2 cooccur',
      'find type:person',
    ]);
    const stored = loadStoredGraph(bytesOf(text));
    // Weight from the evidence when missing or not a number, as importGraph fills it.
    expect(stored.edgeAttributes(0).weight).toBe(2);
    expect(stored.edgeWeight(1)).toBe(1);
    expect(stored.edgeWeight(2)).toBe(4);
    expect(stored.edgeKey(0)).toBe('e "1"');
    expect(stored.nodeAttributes(0).aliases).toEqual([]);
  });

  it('handles the empty graph', () => {
    const text = serializeGraph(importGraph({ nodes: [], edges: [] }));
    const stored = loadStoredGraph(bytesOf(text));
    expect(stored.order).toBe(0);
    expect(stored.size).toBe(0);
    expect(runQuery(stored, 'top degree')).toEqual(runQuery(importGraph({ nodes: [], edges: [] }), 'top degree'));
  });
});

describe('files the loader hands over to parseGraph', () => {
  const node = (key: string) => ({ key, attributes: { label: key, type: 'person', mentions: [] } });
  const edge = (source: string, target: string, extra: Record<string, unknown> = {}) => ({ key: `${source}-${target}`, source, target, attributes: { relation: 'funds' }, ...extra });
  const graphText = (nodes: unknown[], edges: unknown[]) => JSON.stringify({ attributes: {}, nodes, edges });

  it.each([
    ['a syntax error', `${graphText([node('a')], [])}x`],
    ['a truncated file', graphText([node('a'), node('b')], [edge('a', 'b')]).slice(0, -10)],
    ['a list', '[1, 2]'],
    ['a byte order mark', `\ufeff${graphText([node('a')], [])}`],
    ['no edges', JSON.stringify({ nodes: [node('a')] })],
    ['no nodes', JSON.stringify({ edges: [] })],
    ['edges before nodes', JSON.stringify({ edges: [edge('a', 'b')], nodes: [node('a'), node('b')] })],
    ['a node without label', graphText([{ key: 'a', attributes: { type: 'person', mentions: [] } }], [])],
    ['a node of unknown type', graphText([{ key: 'a', attributes: { label: 'a', type: 'robot', mentions: [] } }], [])],
    ['a node listed twice', graphText([node('a'), node('a')], [])],
    ['an edge to an unknown node', graphText([node('a')], [edge('a', 'zz')])],
    ['an edge with an unknown relation', graphText([node('a'), node('b')], [{ ...edge('a', 'b'), attributes: { relation: 'likes' } }])],
    ['an edge without attributes', graphText([node('a'), node('b')], [{ source: 'a', target: 'b' }])],
    ['an edge whose source is a number', graphText([node('a'), node('b')], [{ ...edge('a', 'b'), source: 1 }])],
    ['an undirected edge', graphText([node('a'), node('b')], [edge('a', 'b', { undirected: true })])],
  ])('%s: readQueryGraph answers as readGraphFile does', (_what, text) => {
    expect(() => loadStoredGraph(bytesOf(text))).toThrow(NotAStoredGraph);
    const file = join(dir, `${_what.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, text);
    let expected: unknown;
    try {
      expected = readGraphFile(file).export();
    } catch (error) {
      expected = (error as Error).message;
    }
    let actual: unknown;
    try {
      const graph = readQueryGraph(file);
      expect(graph).not.toBeInstanceOf(StoredGraph);
      actual = (graph as ReturnType<typeof readGraphFile>).export();
    } catch (error) {
      actual = (error as Error).message;
    }
    expect(actual).toEqual(expected);
  });

  it('a file kg build writes is read as a StoredGraph', () => {
    const file = join(dir, 'graph.json');
    writeFileSync(file, serializeGraph(seedsLikeGraph({ keepTexts: true })));
    expect(readQueryGraph(file)).toBeInstanceOf(StoredGraph);
  });
});
