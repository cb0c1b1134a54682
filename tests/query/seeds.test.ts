/**
 * Queries on the real graph `kg build` makes from seeds/. Assertions hold whatever
 * the extractor improves: links the seed texts state plainly, evidence that is
 * really in the documents, names that resolve.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/io.ts';
import { formatResult, isEmptyResult, runQuery } from '../../src/graph/query/index.ts';
import type { PathsResult } from '../../src/graph/query/index.ts';
import type { KgGraph } from '../../src/graph/types.ts';

const out = mkdtempSync(join(tmpdir(), 'kg-query-seeds-'));
const graphFile = join(out, 'graph.json');
let graph: KgGraph;

beforeAll(() => {
  const build = spawnSync(process.execPath, ['src/cli/kg.js', 'build', 'seeds', '--out', out, '--no-layout'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`kg build failed: ${build.stderr}`);
  graph = readGraphFile(graphFile);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('queries on the seeds graph', () => {
  it.each([
    ['"Jean-Christophe Dupuy"', 'Microsoft'],
    ['"Patrice Foliard"', '"Groupe Infragest"'],
  ])('a path joins %s and %s, each hop with evidence from the documents', (a, b) => {
    const result = runQuery(graph, `explain path ${a} -- ${b}`) as PathsResult;
    expect(result.paths.length).toBe(1);
    let quotes = 0;
    for (const step of result.paths[0]!.steps)
      for (const edge of step.edges)
        for (const evidence of edge.evidence) {
          // Offsets point into the original document, as read from disk.
          const source = readFileSync(join('seeds', evidence.doc), 'utf8');
          expect(evidence.end).toBeGreaterThan(evidence.start);
          if (evidence.text !== null) {
            expect(evidence.text).toBe(source.slice(evidence.start, evidence.end));
            quotes++;
          }
        }
    expect(quotes).toBeGreaterThan(0);
    expect(formatResult(result)).toMatch(/\[\d{3}_[0-9a-f]+\.txt/);
  });

  it('names resolve whatever the case and accents', () => {
    const plain = runQuery(graph, 'path "patrice foliard" -- "GROUPE INFRAGEST"') as PathsResult;
    expect(plain.from.label).toBe('Patrice Foliard');
    expect(plain.to.label).toMatch(/Infragest/);
  });

  it('what surrounds Microsoft includes organizations of its story', () => {
    const result = runQuery(graph, 'neighbors Microsoft depth 2 cooccur');
    if (result.kind !== 'nodes') throw new Error('expected nodes');
    expect(result.rows.some((r) => r.node.type === 'organization')).toBe(true);
    expect(result.rows.every((r) => r.docs.length > 0)).toBe(true);
  });

  it('find, relations, top and communities answer', () => {
    const people = runQuery(graph, 'find type:person');
    if (people.kind !== 'nodes') throw new Error('expected nodes');
    expect(people.rows.map((r) => r.node.label)).toEqual(expect.arrayContaining(['Patrice Foliard', 'Jean-Christophe Dupuy']));
    for (const text of ['relations', 'top degree', 'top pagerank', 'top betweenness', 'communities cooccur'])
      expect(isEmptyResult(runQuery(graph, text)), text).toBe(false);
  });

  it('kg query on the built file exits 0 with a chain', () => {
    const run = spawnSync(process.execPath, ['src/cli/kg.js', 'query', 'path "Jean-Christophe Dupuy" -- Microsoft', '--graph', graphFile], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Jean-Christophe Dupuy .*Microsoft {2}\(\d+ hops?\)$/m);
  });
});
