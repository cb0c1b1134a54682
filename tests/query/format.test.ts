import { describe, expect, it } from 'vitest';
import {
  chainText,
  completeQuery,
  entityNames,
  formatResult,
  linkText,
  quoteText,
  resultTable,
  runQuery,
  tableText,
} from '../../src/graph/query/index.ts';
import type { PathsResult } from '../../src/graph/query/index.ts';
import { seedsLikeGraph, sentenceOf } from './fixtures.ts';

const graph = seedsLikeGraph();

describe('chains', () => {
  it.each<[Parameters<typeof linkText>, string]>([
    [['works_for', true], '-works_for->'],
    [['distributes', false], '<-distributes-'],
    [['partners_with', true], '-partners_with-'],
    [['partners_with', false], '-partners_with-'],
    [['co_occurs', false], '-co_occurs-'],
    [['funds', true, 2], '-funds(+2)->'],
  ])('linkText(%j) = %s', (args, expected) => {
    expect(linkText(...args)).toBe(expected);
  });

  it('reads a path as labels and links in walking order', () => {
    const result = runQuery(graph, 'path Actebis <- "Jean-Christophe Dupuy"') as PathsResult;
    // Walked from Actebis against the edges: Actebis <-funds- Microsoft <-works_for- Dupuy.
    // Of the other edges between the two, partners_with (symmetric) is walkable too (+1);
    // Actebis -distributes-> Microsoft goes the wrong way.
    expect(chainText(result.paths[0]!.nodes, result.paths[0]!.steps)).toBe('Actebis <-funds(+1)- Microsoft <-works_for- Jean-Christophe Dupuy');
  });
});

describe('quotes', () => {
  const evidence = { doc: 'd.txt', title: 'A title', start: 0, end: 10, text: 'word '.repeat(60) };
  it('cuts long sentences and names the document', () => {
    const text = quoteText(evidence, 40);
    expect(text).toMatch(/^".{39}…" {2}\[d\.txt: A title\]$/);
  });
  it('folds white space', () => {
    expect(quoteText({ ...evidence, text: 'a\n  b\tc' })).toBe('"a b c"  [d.txt: A title]');
  });
});

describe('tables', () => {
  it('one row per result row, with the keys to highlight', () => {
    const result = runQuery(graph, 'neighbors Microsoft');
    const table = resultTable(result);
    expect(table.columns).toEqual(['depth', 'name', 'type', 'reached by']);
    if (result.kind !== 'nodes') throw new Error('expected nodes');
    expect(table.rows).toHaveLength(result.rows.length);
    table.rowKeys.forEach((keys, i) => {
      expect(keys.nodes).toEqual([result.rows[i]!.node.key]);
      expect(keys.edges).toEqual([result.rows[i]!.via!.key]);
    });
  });

  it('aligns columns', () => {
    const text = tableText({ columns: ['a', 'bb', 'c'], rows: [['long value', 'x', 'y'], ['s', 'yyyy', 'z']], rowKeys: [] });
    const lines = text.split('\n');
    const starts = lines.map((l) => l.search(/\S+\s+\S+$/));
    expect(new Set(lines.map((l) => l.lastIndexOf(' ') + 1)).size).toBe(1);
    expect(starts.every((s) => s >= 0)).toBe(true);
    expect(lines[1]).toMatch(/^-+ {2}-+ {2}-+$/);
  });

  it('explain lists the evidence of every edge of relations', () => {
    const text = formatResult(runQuery(graph, 'explain relations funds to Actebis'));
    expect(text).toContain(sentenceOf('001_mezzanine.txt', 1));
    expect(text).toContain(sentenceOf('001_mezzanine.txt', 3));
  });

  it('notes come first, the "more" line last', () => {
    const text = formatResult(runQuery(graph, 'neighbors Dupuy depth 3 limit 2'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/"Dupuy" taken as/);
    expect(lines[lines.length - 1]).toMatch(/^… \d+ more entities\. Raise "limit"/);
  });
});

describe('completion', () => {
  const names = entityNames(graph);

  it('offers the best connected names first', () => {
    expect(names[0]).toBe('Microsoft');
    expect(new Set(names).size).toBe(names.length);
  });

  it.each<[string, string[], string]>([
    ['pa', ['path', 'paths'], 'pa'],
    ['explain ne', ['neighbors'], 'ne'],
    ['path "Patrice F', ['"Patrice Foliard"'], '"Patrice F'],
    ['path Patrice Fo', ['"Patrice Foliard"'], 'Patrice Fo'],
    ['path Acte', ['Actebis'], 'Acte'],
    ['path HP -- ingram', ['"Ingram Micro"'], 'ingram'],
    ['path A -> B via wor', ['works_for'], 'wor'],
    ['path A -> B via funds,pa', ['funds,partners_with', 'funds,part_of'], 'funds,pa'],
    ['neighbors X type pe', ['person'], 'pe'],
    ['find type:pl', ['type:place'], 'type:pl'],
    ['top pa', ['pagerank'], 'pa'],
    ['relations fu', ['funds'], 'fu'],
    ['path A -> B co', ['cooccur'], 'co'],
  ])('%s', (line, expected, fragment) => {
    const [completions, replaced] = completeQuery(line, names);
    expect(completions.sort()).toEqual([...expected].sort());
    expect(replaced).toBe(fragment);
  });

  it('finds names by a later word, accent-insensitively', () => {
    const [completions] = completeQuery('path cheques', names);
    expect(completions).toContain('"chèques maturité numérique"');
    expect(completeQuery('path Dupu', names)[0]).toContain('"Jean-Christophe Dupuy"');
  });
});
