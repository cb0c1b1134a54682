import gexf from 'graphology-gexf';
import { MultiGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/extract/errors.ts';
import { EDGE_COLUMNS, NODE_COLUMNS, RELATION_COLORS, TYPE_COLORS, hexToRgb, writeGexf, writeGexfTo } from '../../src/graph/export/index.ts';
import { createGraph } from '../../src/graph/serialize.ts';
import type { KgGraph } from '../../src/graph/types.ts';
import { FIXTURES, hostileGraph, parallelGraph } from './fixtures.ts';
import {
  HAS_NETWORKX,
  characterReferences,
  isXmlChar,
  NETWORKX_SKIP,
  expectedEdges,
  expectedNodes,
  parseGephiList,
  readWithNetworkx,
  startTags,
  validateGexf,
  writeTemp,
  xmlClean,
  removeTempDirs,
} from './helpers.ts';

afterAll(removeTempDirs);

const parse = (text: string) => gexf.parse(MultiGraph, text);

/** The id each graph key gets: cleaned, and made unique with ~n when cleaning made two equal. */
function expectedIds(keys: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set(keys);
  for (const key of keys) {
    const clean = xmlClean(key);
    if (clean === key) {
      ids.set(key, key);
      continue;
    }
    let id = clean;
    for (let n = 2; taken.has(id); n++) id = `${clean}~${n}`;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

const rgb = (hex: string) => {
  const { r, g, b } = hexToRgb(hex);
  return `rgb(${r},${g},${b})`;
};

describe('writeGexf', () => {
  it('throws on invalid options, naming the option and the fix', () => {
    const g = parallelGraph();
    expect(() => writeGexf(g, { typeColors: { person: 'red' } })).toThrow(UsageError);
    expect(() => writeGexf(g, { typeColors: { person: '#f00' } })).toThrow(/typeColors\.person is "#f00"; use a 6-digit hex colour/);
    expect(() => writeGexf(g, { sizeRange: { min: 10, max: 2 } })).toThrow(/sizeRange .* is not a range/);
  });

  it('writes the same graph on one line with pretty: false, still valid', () => {
    const g = hostileGraph();
    const text = writeGexf(g, { pretty: false });
    expect(text.trimEnd().split('\n')).toHaveLength(2); // the XML declaration, then the document
    const { xsd, rng } = validateGexf(writeTemp('compact.gexf', text));
    expect([xsd.status, rng.status], `${xsd.output}\n${rng.output}`).toEqual([0, 0]);
    const back = parse(text);
    const pretty = parse(writeGexf(g));
    expect(back.export()).toEqual(pretty.export());
  });

  it('handles the empty graph: declared columns, no nodes, no edges', () => {
    const g = parse(writeGexf(createGraph()));
    expect(g.order).toBe(0);
    expect(g.size).toBe(0);
  });

  describe.each(FIXTURES)('on %s', (_name, make) => {
    const graph = make();
    const text = writeGexf(graph);
    const path = writeTemp('graph.gexf', text);

    it('validates against the GEXF 1.3 XSD and RNG with xmllint', () => {
      const { xsd, rng } = validateGexf(path);
      expect(xsd.output).toContain('validates');
      expect(xsd.status).toBe(0);
      expect(rng.output).toContain('validates');
      expect(rng.status).toBe(0);
    });

    it('is the same document whole or block by block', () => {
      const blocks: string[] = [];
      writeGexfTo(graph, (block) => blocks.push(block));
      expect(blocks.length).toBeGreaterThan(0);
      expect(blocks.join('')).toBe(text);
    });

    it('parses back with graphology-gexf to the same nodes, edges and attributes', () => {
      const back = parse(text);
      const ids = expectedIds(graph.nodes());
      const edgeIds = expectedIds(graph.edges());
      expect(back.order).toBe(graph.order);
      expect(back.size).toBe(graph.size);
      if (graph.size > 0) expect(back.type).toBe('directed');
      for (const n of expectedNodes(graph)) {
        const id = ids.get(n.key)!;
        expect(back.hasNode(id), `node ${JSON.stringify(id)}`).toBe(true);
        const a = back.getNodeAttributes(id);
        const label = xmlClean(n.label);
        expect(a.label).toBe(label === '' ? undefined : label);
        expect(a.type).toBe(n.type);
        expect(a.aliases ?? []).toEqual(n.aliases.map(xmlClean));
        expect(a.mention_count).toBe(n.mention_count);
        expect(a.documents ?? []).toEqual(n.documents.map(xmlClean));
        expect(a.value).toBe(n.value);
        expect(a.value_max).toBe(n.value_max);
        expect(a.unit).toBe(n.unit);
        expect(a.x).toBe(n.x);
        expect(a.y).toBe(n.y);
        expect(a.color).toBe(rgb(TYPE_COLORS[n.type as keyof typeof TYPE_COLORS]));
        expect(a.size).toBeGreaterThan(0);
      }
      for (const e of expectedEdges(graph)) {
        const id = edgeIds.get(e.key)!;
        expect(back.hasEdge(id), `edge ${JSON.stringify(id)}`).toBe(true);
        expect(back.source(id)).toBe(ids.get(e.source));
        expect(back.target(id)).toBe(ids.get(e.target));
        const a = back.getEdgeAttributes(id);
        expect(a.label).toBe(e.relation);
        expect(a.relation).toBe(e.relation);
        expect(a.kind === e.relation || a.kind.startsWith(`${e.relation}#`)).toBe(true);
        expect(a.weight).toBe(e.weight);
        expect(a.evidence_count).toBe(e.evidence_count);
        expect(a.sentence).toBe(e.sentence === undefined ? undefined : xmlClean(e.sentence));
        expect(a.documents ?? []).toEqual(e.documents.map(xmlClean));
        expect(a.pattern).toBe(e.pattern);
        expect(a.color).toBe(rgb(RELATION_COLORS[e.relation as keyof typeof RELATION_COLORS]));
      }
    });

    it('avoids what makes Gephi drop, merge or misread elements', () => {
      const graphTag = startTags(text, 'graph')[0]!;
      expect(graphTag.defaultedgetype).toBe('directed');
      const nodes = startTags(text, 'node');
      const edges = startTags(text, 'edge');
      expect(nodes).toHaveLength(graph.order);
      expect(edges).toHaveLength(graph.size);
      // Unique ids; a duplicate node id is silently merged, a duplicate edge id dropped.
      expect(new Set(nodes.map((n) => n.id)).size).toBe(graph.order);
      expect(new Set(edges.map((e) => e.id)).size).toBe(graph.size);
      const declared = new Set(nodes.map((n) => n.id));
      const parallel = new Set<string>();
      for (const e of edges) {
        // An edge type that contradicts defaultedgetype is dropped: none is written.
        expect(e.type).toBeUndefined();
        expect(declared.has(e.source!) && declared.has(e.target!)).toBe(true);
        // weight 0 drops the edge.
        expect(Number.parseFloat(e.weight!)).toBeGreaterThan(0);
        // Same source, target and kind are merged.
        const key = `${e.source}\u0000${e.target}\u0000${e.kind}`;
        expect(parallel.has(key), `parallel edges with one kind: ${key}`).toBe(false);
        parallel.add(key);
      }
      // Colours: integer channels 0–255 (no hex, so no #abc or CSS names), never an empty <viz:color/>.
      const colors = startTags(text, 'viz:color');
      expect(colors).toHaveLength(graph.order + graph.size);
      for (const c of colors) {
        expect(c.hex).toBeUndefined();
        for (const ch of ['r', 'g', 'b']) expect(c[ch]).toMatch(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/);
      }
      // Attribute values: declared ids, never empty, parseable as their declared type.
      const types = new Map([...NODE_COLUMNS, ...EDGE_COLUMNS].map((c) => [c.id, c.type]));
      for (const v of startTags(text, 'attvalue')) {
        expect(types.has(v.for!)).toBe(true);
        expect(v.value).not.toBe('');
        const type = types.get(v.for!);
        if (type === 'integer') expect(v.value).toMatch(/^-?\d+$/);
        if (type === 'double') expect(Number.isFinite(Number(v.value))).toBe(true);
        if (type === 'liststring') expect(parseGephiList(v.value!).length).toBeGreaterThan(0);
      }
      // XML-illegal characters abort Gephi's parser: none may be left, raw or as references.
      expect(xmlClean(text)).toBe(text);
      expect(characterReferences(text).filter((cp) => !isXmlChar(cp))).toEqual([]);
    });

    it.skipIf(!HAS_NETWORKX)(`is read by NetworkX${NETWORKX_SKIP}`, () => {
      const nx = readWithNetworkx(path, 'gexf');
      expect(nx.directed).toBe(true);
      // NetworkX builds a multigraph only when it meets parallel edges; the edge count shows none was lost.
      expect(nx.nodes).toHaveLength(graph.order);
      expect(nx.edges).toHaveLength(graph.size);
      const ids = expectedIds(graph.nodes());
      const byId = new Map(nx.nodes.map((n) => [n.id, n.attrs]));
      for (const n of expectedNodes(graph)) {
        const a = byId.get(ids.get(n.key)!);
        expect(a, n.key).toBeDefined();
        expect(a!.type).toBe(n.type);
        expect(a!.mention_count).toBe(n.mention_count);
      }
      const edgeIds = expectedIds(graph.edges());
      const edges = new Map(nx.edges.map((e) => [e.key, e]));
      for (const e of expectedEdges(graph)) {
        const got = edges.get(edgeIds.get(e.key)!);
        expect(got, e.key).toBeDefined();
        expect(got!.source).toBe(ids.get(e.source));
        expect(got!.attrs.relation).toBe(e.relation);
        expect(got!.attrs.weight).toBe(e.weight);
        expect(got!.attrs.sentence).toBe(e.sentence === undefined ? undefined : xmlClean(e.sentence));
      }
    });
  });
});

describe('GEXF details', () => {
  it('writes aliases as a liststring that Gephi splits into the same items', () => {
    const g = hostileGraph();
    const text = writeGexf(g);
    const aliases = startTags(text, 'attvalue').filter((v) => v.for === 'aliases').map((v) => parseGephiList(v.value!));
    expect(aliases).toContainEqual(['Lovelace, Ada', '[Ada]', 'A "quoted" one', 'back\\slash', 'semi;colon', 'pi|pe']);
    expect(aliases).toContainEqual(['Москва Холдинг', 'مرحبا', 'नमस्ते']);
  });

  it('gives parallel edges of one relation distinct kinds, and keeps the relation as kind otherwise', () => {
    const kinds = startTags(writeGexf(parallelGraph()), 'edge').map((e) => `${e.id}:${e.kind}`);
    expect(kinds).toEqual(['e0:leads', 'e1:works_for', 'e2:owns', 'e3:founded', 'e4:co_occurs', 'e5:co_occurs#2', 'e6:leads#2', 'back:leads']);
  });

  it('keeps two keys apart that differ only in XML-illegal characters', () => {
    const ids = startTags(writeGexf(hostileGraph()), 'node').map((n) => n.id);
    expect(ids).toContain('place:bad\ufffdkey');
    expect(ids).toContain('place:bad\ufffdkey~2');
  });

  it('sizes nodes by degree and writes positions only where the graph has them', () => {
    const g = parallelGraph();
    g.addNode('place:alone', { label: 'Alone', type: 'place', aliases: [], mentions: [], x: 1, y: 2 });
    const text = writeGexf(g, { sizeRange: { min: 2, max: 10 } });
    const sizes = startTags(text, 'viz:size').map((s) => Number(s.value));
    expect(sizes).toEqual([10, 10, 2]);
    expect(startTags(text, 'viz:position')).toEqual([{ x: '1', y: '2' }]);
    // A size set on the node (the page exports the sizes it shows) wins; a zero or NaN one does not.
    g.mergeNodeAttributes('person:a', { size: 7.125 });
    g.mergeNodeAttributes('place:alone', { size: Number.NaN });
    expect(startTags(writeGexf(g, { sizeRange: { min: 2, max: 10 } }), 'viz:size').map((s) => Number(s.value))).toEqual([7.13, 10, 2]);
  });

  it('agrees with graphology-gexf’s own 1.3 writer on a graph both can write', () => {
    const g: KgGraph = parallelGraph();
    g.forEachNode((n, a) => g.mergeNodeAttributes(n, { aliases: [`${a.label} alias`], x: a.label.length, y: 1 }));
    const formatNode = (_: string, a: KgGraph extends never ? never : ReturnType<KgGraph['getNodeAttributes']>) => {
      const attributes: Record<string, unknown> = {};
      for (const c of NODE_COLUMNS) {
        const v = c.value(a, { texts: undefined });
        if (v !== undefined) attributes[c.id] = v;
      }
      return { label: a.label, attributes, viz: { x: a.x, y: a.y } };
    };
    const formatEdge = (_: string, a: ReturnType<KgGraph['getEdgeAttributes']>) => {
      const attributes: Record<string, unknown> = {};
      for (const c of EDGE_COLUMNS) {
        const v = c.value(a, { texts: undefined });
        if (v !== undefined) attributes[c.id] = v;
      }
      return { label: a.relation, weight: a.weight, kind: a.relation, attributes };
    };
    const theirs = parse(gexf.write(g, { version: '1.3', pedantic: true, formatNode, formatEdge } as never));
    const ours = parse(writeGexf(g));
    const strip = (attrs: Record<string, unknown>) => {
      const { color: _c, size: _s, kind: _k, ...rest } = attrs;
      return rest;
    };
    expect(ours.nodes()).toEqual(theirs.nodes());
    expect(ours.edges()).toEqual(theirs.edges());
    ours.forEachNode((n, a) => expect(strip(a)).toEqual(strip(theirs.getNodeAttributes(n))));
    ours.forEachEdge((e, a) => expect(strip(a)).toEqual(strip(theirs.getEdgeAttributes(e))));
  });
});
