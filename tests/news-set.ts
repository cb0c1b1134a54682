import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/extract/index.ts';
import { buildGraph } from '../src/graph/build-graph.ts';
import { evaluateGraph, parseGold, type EvalReport } from '../src/graph/eval.ts';

/** Extracts an annotated news set of tests/fixtures (NAME.jsonl, NAME.gold.json) and scores it. */
export function scoreNewsSet(name: string): { docIds: string[]; goldIds: string[]; report: EvalReport } {
  const fixture = (ext: string) => readFileSync(new URL(`./fixtures/${name}.${ext}`, import.meta.url), 'utf8');
  const gold = parseGold(fixture('gold.json'));
  const docs = fixture('jsonl')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; title: string; text: string });
  const report = evaluateGraph(buildGraph(docs.map((d) => extractDocument(d))), gold);
  return { docIds: docs.map((d) => d.id).sort(), goldIds: Object.keys(gold.docs).sort(), report };
}
