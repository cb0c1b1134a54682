import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.ts';
import { buildGraph } from '../src/graph/build-graph.ts';
import { evaluateGraph, parseGold } from '../src/graph/eval.ts';

// Quality floors on the seed texts against ../shared/eval/seeds.gold.json.
const gold = parseGold(readFileSync(new URL('../../shared/eval/seeds.gold.json', import.meta.url), 'utf8'));
const seeds = readdirSync(new URL('../seeds/', import.meta.url)).filter((f) => f.endsWith('.txt'));
const graph = buildGraph(seeds.map((f) => extractDocument({ id: f, text: readFileSync(new URL(`../seeds/${f}`, import.meta.url), 'utf8') })));
const report = evaluateGraph(graph, gold);

describe('seeds gold', () => {
  it('scores every gold document', () => {
    expect(report.docs.map((d) => d.doc).sort()).toEqual(Object.keys(gold.docs).sort());
  });
  it('typed entity F1 ≥ 0.90', () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.9);
  });
  it('labeled relation F1 ≥ 0.70', () => {
    expect(report.relationsLabeled.f1).toBeGreaterThanOrEqual(0.7);
  });
  it('every mention and evidence span points into its document', () => {
    const texts = Object.fromEntries(seeds.map((f) => [f, readFileSync(new URL(`../seeds/${f}`, import.meta.url), 'utf8')]));
    graph.forEachNode((_, a) => {
      for (const m of a.mentions) {
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(texts[m.doc]!.length);
      }
    });
    graph.forEachEdge((_, a) => {
      for (const e of a.evidence) expect(texts[e.doc]!.slice(e.start, e.end).trim().length).toBeGreaterThan(0);
    });
  });
});

describe('eval matching', () => {
  it('counts a duplicate node of one gold entity as a false positive', () => {
    const g = buildGraph([
      {
        doc: { id: 'd.txt', path: 'd.txt', title: '', lang: 'fr', chars: 10 },
        entities: [
          { id: 'a', type: 'organization', label: 'Acme', aliases: [], mentions: [{ doc: 'd.txt', start: 0, end: 4 }] },
          { id: 'b', type: 'person', label: 'Acme', aliases: [], mentions: [{ doc: 'd.txt', start: 5, end: 9 }] },
        ],
        relations: [],
        warnings: [],
      },
    ]);
    const r = evaluateGraph(g, { format: 'kg-gold/1', docs: { 'd.txt': { entities: [{ name: 'ACME', type: 'organization' }], relations: [] } } });
    expect(r.entities).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });
});
