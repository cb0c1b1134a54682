import graphml from 'graphology-graphml';
import { MultiGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { TYPE_COLORS, writeGraphml } from '../../src/graph/export/index.ts';
import { FIXTURES } from './fixtures.ts';
import { HAS_NETWORKX, NETWORKX_SKIP, checkWellFormed, expectedEdges, expectedNodes, readWithNetworkx, writeTemp, xmlClean, removeTempDirs } from './helpers.ts';

afterAll(removeTempDirs);

/** The id each graph key gets: cleaned, and made unique with ~n when cleaning made two equal. */
function expectedIds(keys: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set(keys);
  for (const key of keys) {
    const clean = xmlClean(key);
    let id = clean;
    if (clean !== key) for (let n = 2; taken.has(id); n++) id = `${clean}~${n}`;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

const list = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

describe('writeGraphml', () => {
  describe.each(FIXTURES)('on %s', (_name, make) => {
    const graph = make();
    const text = writeGraphml(graph);
    const path = writeTemp('graph.graphml', text);

    it('is well-formed XML', () => {
      const r = checkWellFormed(path);
      expect(r.output).toBe('');
      expect(r.status).toBe(0);
    });

    it('round-trips through graphology-graphml: same nodes, edges and attributes', () => {
      const back = graphml.parse(MultiGraph, text);
      expect(back.order).toBe(graph.order);
      expect(back.size).toBe(graph.size);
      expect(back.getAttribute('kg_version')).toBe(graph.getAttribute('version') || undefined);
      expect(list(back.getAttribute('documents'))).toEqual(graph.getAttribute('documents').map((d) => d.id));
      const ids = expectedIds(graph.nodes());
      for (const n of expectedNodes(graph)) {
        const id = ids.get(n.key)!;
        expect(back.hasNode(id), id).toBe(true);
        const a = back.getNodeAttributes(id);
        expect(a.label).toBe(n.label === '' ? undefined : xmlClean(n.label));
        expect(a.type).toBe(n.type);
        expect(list(a.aliases)).toEqual(n.aliases.map(xmlClean));
        expect(a.mention_count).toBe(n.mention_count);
        expect(list(a.documents)).toEqual(n.documents.map(xmlClean));
        expect(a.value).toBe(n.value);
        expect(a.value_max).toBe(n.value_max);
        expect(a.unit).toBe(n.unit);
        expect(a.x).toBe(n.x);
        expect(a.y).toBe(n.y);
        expect(a.color).toBe(TYPE_COLORS[n.type as keyof typeof TYPE_COLORS]);
      }
      const edgeIds = expectedIds(graph.edges());
      for (const e of expectedEdges(graph)) {
        const id = edgeIds.get(e.key)!;
        expect(back.hasEdge(id), id).toBe(true);
        expect(back.isDirected(id)).toBe(true);
        expect(back.source(id)).toBe(ids.get(e.source));
        expect(back.target(id)).toBe(ids.get(e.target));
        const a = back.getEdgeAttributes(id);
        expect(a.label).toBe(e.relation);
        expect(a.relation).toBe(e.relation);
        expect(a.weight).toBe(e.weight);
        expect(a.evidence_count).toBe(e.evidence_count);
        expect(a.sentence).toBe(e.sentence === undefined ? undefined : xmlClean(e.sentence));
        expect(list(a.documents)).toEqual(e.documents.map(xmlClean));
        expect(a.pattern).toBe(e.pattern);
      }
    });

    it.skipIf(!HAS_NETWORKX)(`is read by NetworkX${NETWORKX_SKIP}`, () => {
      const nx = readWithNetworkx(path, 'graphml');
      expect(nx.directed).toBe(true);
      expect(nx.nodes).toHaveLength(graph.order);
      expect(nx.edges).toHaveLength(graph.size);
      const ids = expectedIds(graph.nodes());
      const byId = new Map(nx.nodes.map((n) => [n.id, n.attrs]));
      for (const n of expectedNodes(graph)) {
        const a = byId.get(ids.get(n.key)!);
        expect(a, n.key).toBeDefined();
        expect(a!.label).toBe(n.label === '' ? undefined : xmlClean(n.label));
        expect(a!.mention_count).toBe(n.mention_count);
      }
      const edgeIds = expectedIds(graph.edges());
      const byKey = new Map(nx.edges.map((e) => [e.key, e]));
      for (const e of expectedEdges(graph)) {
        const got = byKey.get(edgeIds.get(e.key)!);
        expect(got, e.key).toBeDefined();
        expect(got!.attrs.relation).toBe(e.relation);
        expect(got!.attrs.weight).toBe(e.weight);
        expect(got!.attrs.sentence).toBe(e.sentence === undefined ? undefined : xmlClean(e.sentence));
      }
    });
  });
});
