import { describe, expect, it } from 'vitest';
import { computeMetric, computeNodeSizes, labelThreshold, scaleSizes, sizeRangeFor } from '../../src/ui/core/appearance.ts';
import { computeEdgeCurvatures } from '../../src/ui/core/parallel-edges.ts';
import { placeNewNodes } from '../../src/ui/core/place-nodes.ts';
import { createGraph } from '../../src/graph/serialize.ts';
import { makeGraph } from './fixtures.ts';

const star = makeGraph(
  [
    ['hub', 'Hub', 'organization'],
    ['a', 'A', 'person'],
    ['b', 'B', 'person'],
    ['c', 'C', 'place'],
  ],
  [
    ['1', 'a', 'hub', 'works_for'],
    ['2', 'b', 'hub', 'works_for'],
    ['3', 'hub', 'c', 'located_in'],
  ],
);

describe('node sizes', () => {
  it('handles the empty graph', () => {
    expect(computeNodeSizes(createGraph(), 'degree').size).toBe(0);
    expect(computeNodeSizes(createGraph(), 'pagerank').size).toBe(0);
    expect(labelThreshold(new Map())).toBe(0);
  });

  it.each([
    ['degree', 'hub'],
    // Rank flows along the links: the hub passes its rank on to the place it is located in.
    ['pagerank', 'c'],
  ] as const)('by %s: %s is the largest, sizes stay in range', (metric, largest) => {
    const sizes = computeNodeSizes(star, metric);
    const range = sizeRangeFor(star.order);
    expect(Math.max(...sizes.values())).toBe(sizes.get(largest));
    for (const size of sizes.values()) {
      expect(size).toBeGreaterThanOrEqual(range.min);
      expect(size).toBeLessThanOrEqual(range.max);
    }
  });

  it('pagerank favours the node links point to', () => {
    const ranks = computeMetric(star, 'pagerank');
    expect(ranks.get('hub')!).toBeGreaterThan(ranks.get('a')!);
    expect(ranks.get('c')!).toBeGreaterThan(ranks.get('a')!);
  });

  it('scales by square root between min and max, middle size when all are equal', () => {
    const sizes = scaleSizes(new Map([['x', 0], ['y', 25], ['z', 100]]), { min: 2, max: 12 });
    expect([...sizes.values()]).toEqual([2, 7, 12]);
    expect([...scaleSizes(new Map([['x', 3], ['y', 3]]), { min: 2, max: 12 }).values()]).toEqual([7, 7]);
  });

  it('labels every node of a small graph and only the largest of a big one', () => {
    expect(labelThreshold(new Map([['a', 3], ['b', 9]]))).toBe(0);
    const big = new Map(Array.from({ length: 1000 }, (_, i) => [`n${i}`, i] as [string, number]));
    const t = labelThreshold(big);
    const labelled = [...big.values()].filter((s) => s >= t).length;
    expect(labelled).toBeGreaterThanOrEqual(25);
    expect(labelled).toBeLessThanOrEqual(100);
  });
});

describe('computeEdgeCurvatures', () => {
  it('leaves single edges straight and fans parallel ones out on both sides', () => {
    const g = makeGraph(
      [
        ['a', 'A', 'person'],
        ['b', 'B', 'organization'],
        ['c', 'C', 'place'],
      ],
      [
        ['1', 'a', 'b', 'works_for'],
        ['2', 'a', 'b', 'leads'],
        ['3', 'b', 'a', 'owns'],
        ['4', 'b', 'c', 'located_in'],
      ],
    );
    const curvatures = computeEdgeCurvatures(g);
    expect(curvatures.has('4')).toBe(false);
    // Three parallel edges: one straight in the middle, the others on opposite sides of a→b.
    expect(curvatures.size).toBe(2);
    const sides = ['1', '2', '3'].filter((e) => curvatures.has(e)).map((e) => {
      const [s] = g.extremities(e);
      return Math.sign(curvatures.get(e)!) * (s === 'a' ? 1 : -1);
    });
    expect(sides.sort()).toEqual([-1, 1]);
  });

  it('gives two opposite edges distinct sides', () => {
    const g = makeGraph([['a', 'A', 'person'], ['b', 'B', 'person']], [['1', 'a', 'b', 'funds'], ['2', 'b', 'a', 'funds']]);
    const c = computeEdgeCurvatures(g);
    // Drawn a→b with +k and b→a with +k lands on opposite sides; equal signs here mean opposite geometric sides.
    expect(Math.sign(c.get('1')!)).toBe(Math.sign(c.get('2')!));
    expect(Math.abs(c.get('1')!)).toBeGreaterThan(0);
  });

  it('groups every pair of nodes, whatever the direction, on a random multigraph', () => {
    const nodes: [string, string, 'person'][] = Array.from({ length: 12 }, (_, i) => [`n${i}`, `N${i}`, 'person']);
    let seed = 9;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const edges: [string, string, string, 'funds'][] = Array.from({ length: 200 }, (_, i) => [
      `e${i}`,
      `n${Math.floor(random() * 12)}`,
      `n${Math.floor(random() * 12)}`,
      'funds',
    ]);
    const g = makeGraph(nodes, edges);
    const curvatures = computeEdgeCurvatures(g);
    // Each unordered pair with k edges: k curved edges, minus the straight middle one when k is odd,
    // with offsets spread symmetrically (their absolute values come in equal pairs).
    const byPair = new Map<string, string[]>();
    for (const [key, s, t] of edges) {
      const pair = [s, t].sort().join('|');
      byPair.set(pair, [...(byPair.get(pair) ?? []), key]);
    }
    let expected = 0;
    for (const group of byPair.values()) {
      const k = group.length;
      expected += k < 2 ? 0 : k - (k % 2);
      const offsets = group.filter((e) => curvatures.has(e)).map((e) => Math.abs(curvatures.get(e)!)).sort();
      for (let i = 0; i + 1 < offsets.length; i += 2) expect(offsets[i]).toBeCloseTo(offsets[i + 1]!);
    }
    expect(curvatures.size).toBe(expected);
  });
});

describe('placeNewNodes', () => {
  it('places a node beside its positioned neighbours, deterministically', () => {
    const make = () => {
      const g = makeGraph(
        [
          ['a', 'A', 'person', { x: 0, y: 0 }],
          ['b', 'B', 'person', { x: 10, y: 0 }],
          ['new', 'New', 'organization'],
          ['far', 'Far', 'place'],
        ],
        [['1', 'new', 'a', 'works_for'], ['2', 'new', 'b', 'works_for']],
      );
      return g;
    };
    const g = make();
    expect(placeNewNodes(g).sort()).toEqual(['far', 'new']);
    const { x, y } = g.getNodeAttributes('new');
    expect(Math.abs(x! - 5)).toBeLessThan(1);
    expect(Math.abs(y!)).toBeLessThan(1);
    const again = make();
    placeNewNodes(again);
    expect(again.getNodeAttributes('far')).toMatchObject({ x: g.getNodeAttribute('far', 'x'), y: g.getNodeAttribute('far', 'y') });
    expect(placeNewNodes(g)).toEqual([]);
  });

  it('places a whole new graph around the origin', () => {
    const g = makeGraph([['a', 'A', 'person'], ['b', 'B', 'person']], [['1', 'a', 'b', 'partners_with']]);
    placeNewNodes(g);
    g.forEachNode((_n, a) => {
      expect(Number.isFinite(a.x)).toBe(true);
      expect(Number.isFinite(a.y)).toBe(true);
    });
  });
});
