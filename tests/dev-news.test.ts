import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.ts';
import { buildGraph } from '../src/graph/build-graph.ts';
import { evaluateGraph, parseGold } from '../src/graph/eval.ts';

// Floors on six OrangeSum articles the team annotated (tests/fixtures/dev-news.*). The rules were
// improved while looking at them, so these are regression floors, not an estimate on unseen text.
const gold = parseGold(readFileSync(new URL('./fixtures/dev-news.gold.json', import.meta.url), 'utf8'));
const docs = readFileSync(new URL('./fixtures/dev-news.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; title: string; text: string });
const report = evaluateGraph(buildGraph(docs.map((d) => extractDocument(d))), gold);

describe('development news set', () => {
  it('covers every annotated article', () => {
    expect(docs.map((d) => d.id).sort()).toEqual(Object.keys(gold.docs).sort());
  });
  it('typed entity F1 ≥ 0.85', () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.85);
  });
  it('labeled relation F1 ≥ 0.50', () => {
    expect(report.relationsLabeled.f1).toBeGreaterThanOrEqual(0.5);
  });
});
