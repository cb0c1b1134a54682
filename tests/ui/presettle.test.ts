import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/graph/generate.ts';
import { seedPositions } from '../../src/graph/layout.ts';
import type { KgGraph } from '../../src/graph/types.ts';
import { PRESETTLE_MAX_NODES, presettle } from '../../src/ui/view/layout-runner.ts';

const positions = (graph: KgGraph) => graph.mapNodes((node, a) => [node, a.x, a.y]);
const unplaced = (nodes: number, edges: number) => {
  const graph = generateGraph({ nodes, edges, seed: 5 });
  graph.forEachNode((node) => graph.removeNodeAttribute(node, 'x'));
  graph.forEachNode((node) => graph.removeNodeAttribute(node, 'y'));
  seedPositions(graph);
  return graph;
};

describe('presettle (first ForceAtlas2 iterations of a small unplaced graph)', () => {
  it('moves a small graph towards its layout: linked nodes end closer than unlinked ones, the same way each time', () => {
    const graph = unplaced(60, 90);
    const seeded = positions(graph);
    expect(presettle(graph)).toBeGreaterThan(10);
    expect(positions(graph)).not.toEqual(seeded);
    const again = unplaced(60, 90);
    presettle(again);
    expect(positions(again)).toEqual(positions(graph));
    const distance = (a: string, b: string) => Math.hypot(graph.getNodeAttribute(a, 'x')! - graph.getNodeAttribute(b, 'x')!, graph.getNodeAttribute(a, 'y')! - graph.getNodeAttribute(b, 'y')!);
    let linked = 0;
    graph.forEachEdge((_e, _a, s, t) => void (linked += distance(s, t)));
    linked /= graph.size;
    const nodes = graph.nodes();
    let all = 0;
    let pairs = 0;
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++, pairs++) all += distance(nodes[i]!, nodes[j]!);
    // Seeded at random the two are alike (ratio about 1); laid out, links are short.
    expect(linked).toBeLessThan(0.5 * (all / pairs));
  });

  it('leaves larger graphs to the worker', () => {
    const graph = unplaced(PRESETTLE_MAX_NODES + 1, 2000);
    const seeded = positions(graph);
    expect(presettle(graph)).toBe(0);
    expect(positions(graph)).toEqual(seeded);
  });
});
