import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.ts';
import { buildGraph } from '../src/graph/build-graph.ts';
import { evaluateGraph, formatReport, parseGold } from '../src/graph/eval.ts';

// Two sentences: Dataxo and Bretix share the first, Paul Martin is alone in the second.
const text = '\u001b]0;X\u0007Dataxo et la société Bretix exposent à Lyon. Paul Martin parle.';
const doc = { id: 'a.txt', text };
const gold = parseGold(
  JSON.stringify({
    format: 'kg-gold/1',
    docs: {
      'a.txt': {
        entities: [
          { name: 'Dataxo', type: 'organization' },
          { name: 'Bretix', type: 'organization' },
          { name: 'Lyon', type: 'place' },
          { name: 'Paul Martin', type: 'person' },
          { name: 'Orbalis', type: 'organization' },
        ],
        relations: [
          { source: 'Dataxo', relation: 'owns', target: 'Bretix' },
          { source: 'Paul Martin', relation: 'leads', target: 'Dataxo' },
          { source: 'Paul Martin', relation: 'leads', target: 'Orbalis' },
        ],
      },
    },
  }),
);

describe('kg eval: why a gold link was missed', () => {
  const graph = buildGraph([extractDocument(doc, { lang: 'fr' })], { keepTexts: true, texts: { 'a.txt': text } });
  const report = evaluateGraph(graph, gold);
  const why = Object.fromEntries(report.docs[0]!.missedRelations.map((r, i) => [r, report.docs[0]!.missedWhy[i]!]));

  it('sorts each miss into entity, syntax or coreference', () => {
    expect(why['Dataxo -owns-> Bretix']).toMatchObject({ category: 'syntax' });
    expect(why['Dataxo -owns-> Bretix']!.sentence!.text).toContain('Dataxo et la société Bretix');
    expect(why['Paul Martin -leads-> Dataxo']).toMatchObject({ category: 'coreference' });
    expect(why['Paul Martin -leads-> Orbalis']).toMatchObject({ category: 'entity', detail: 'target "Orbalis" not found in the document' });
  });

  it('prints the shared sentence without control characters', () => {
    const out = formatReport(report, true);
    expect(out).toMatch(/missed relation +Dataxo -owns-> Bretix +\[syntax: both ends in one sentence/);
    expect(out).toContain('Dataxo et la société Bretix exposent à Lyon. »');
    expect(out).not.toContain('\u001b');
  });
});
