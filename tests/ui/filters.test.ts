import { describe, expect, it } from 'vitest';
import { computeVisibility, emptyFilters, isFilterActive, type FilterState } from '../../src/ui/core/filters.ts';
import { createGraph } from '../../src/graph/serialize.ts';
import { makeGraph } from './fixtures.ts';

// a -leads-> b -works_for-> c -co_occurs- d ; e alone; b located_in f
const graph = makeGraph(
  [
    ['a', 'A', 'person', { mentions: [{ doc: 'd1', start: 0, end: 1 }] }],
    ['b', 'B', 'organization', { mentions: [{ doc: 'd1', start: 2, end: 3 }, { doc: 'd2', start: 0, end: 1 }] }],
    ['c', 'C', 'organization', { mentions: [{ doc: 'd2', start: 2, end: 3 }] }],
    ['d', 'D', 'programme', { mentions: [{ doc: 'd2', start: 4, end: 5 }] }],
    ['e', 'E', 'figure', { mentions: [{ doc: 'd1', start: 6, end: 7 }] }],
    ['f', 'F', 'place', { mentions: [{ doc: 'd1', start: 8, end: 9 }] }],
  ],
  [
    ['ab', 'a', 'b', 'leads', { evidence: [{ doc: 'd1', start: 0, end: 10 }] }],
    ['bc', 'b', 'c', 'works_for', { evidence: [{ doc: 'd2', start: 0, end: 10 }] }],
    ['cd', 'c', 'd', 'co_occurs', { evidence: [{ doc: 'd2', start: 0, end: 10 }] }],
    ['bf', 'b', 'f', 'located_in', { evidence: [{ doc: 'd1', start: 0, end: 10 }] }],
  ],
  ['d1', 'd2'],
);

const filters = (patch: Partial<FilterState>): FilterState => ({ ...emptyFilters, ...patch });
const sorted = (set: ReadonlySet<string> | undefined) => [...(set ?? [])].sort();

describe('computeVisibility', () => {
  it('is null (everything shows) without an active filter, also on the empty graph', () => {
    expect(isFilterActive(emptyFilters)).toBe(false);
    expect(computeVisibility(graph, emptyFilters)).toBeNull();
    expect(computeVisibility(createGraph(), filters({ minDegree: 1 }))).toEqual({ nodes: new Set(), edges: new Set() });
  });

  it('hides a type and the edges that touch it', () => {
    const v = computeVisibility(graph, filters({ hiddenTypes: new Set(['organization']) }))!;
    expect(sorted(v.nodes)).toEqual(['a', 'd', 'e', 'f']);
    expect(sorted(v.edges)).toEqual([]);
  });

  it('hides a relation, keeping its ends', () => {
    const v = computeVisibility(graph, filters({ hiddenRelations: new Set(['co_occurs']) }))!;
    expect(sorted(v.edges)).toEqual(['ab', 'bc', 'bf']);
    expect(v.nodes.has('d')).toBe(true);
  });

  it('keeps nodes with at least minDegree links among the shown nodes (the k-core)', () => {
    // A triangle x-y-z with a tail z-t-u and a lone v.
    const g = makeGraph(
      [
        ['x', 'X', 'person'],
        ['y', 'Y', 'person'],
        ['z', 'Z', 'organization'],
        ['t', 'T', 'place'],
        ['u', 'U', 'place'],
        ['v', 'V', 'figure'],
      ],
      [
        ['xy', 'x', 'y', 'works_for'],
        ['yz', 'y', 'z', 'works_for'],
        ['zx', 'z', 'x', 'co_occurs'],
        ['zt', 'z', 't', 'located_in'],
        ['tu', 't', 'u', 'part_of'],
      ],
    );
    expect(sorted(computeVisibility(g, filters({ minDegree: 1 }))!.nodes)).toEqual(['t', 'u', 'x', 'y', 'z']);
    // t has two links, but once u (one link) goes, t has one: it goes too.
    const core = computeVisibility(g, filters({ minDegree: 2 }))!;
    expect(sorted(core.nodes)).toEqual(['x', 'y', 'z']);
    expect(sorted(core.edges)).toEqual(['xy', 'yz', 'zx']);
    // Without co_occurs the triangle opens and nothing keeps two links.
    expect(sorted(computeVisibility(g, filters({ minDegree: 2, hiddenRelations: new Set(['co_occurs']) }))!.nodes)).toEqual([]);
    // The focus centre stays whatever its links, and counts for its neighbours: t keeps z and u.
    expect(sorted(computeVisibility(g, filters({ minDegree: 2, ego: { node: 'u', depth: 1 } }))!.nodes)).toEqual(['t', 'u']);
    for (const edge of core.edges) for (const end of g.extremities(edge)) expect(core.nodes.has(end)).toBe(true);
  });

  it('keeps what one document mentions, and edges with evidence there', () => {
    const v = computeVisibility(graph, filters({ document: 'd2' }))!;
    expect(sorted(v.nodes)).toEqual(['b', 'c', 'd']);
    expect(sorted(v.edges)).toEqual(['bc', 'cd']);
  });

  it.each([
    [1, ['a', 'b', 'c', 'f']],
    [2, ['a', 'b', 'c', 'd', 'f']],
  ] as const)('focuses on the neighbourhood of a node at depth %i, both directions', (depth, expected) => {
    const v = computeVisibility(graph, filters({ ego: { node: 'b', depth } }))!;
    expect(sorted(v.nodes)).toEqual(expected);
    for (const edge of v.edges) for (const end of graph.extremities(edge)) expect(v.nodes.has(end)).toBe(true);
  });

  it('keeps the focus centre even when its type is hidden', () => {
    const v = computeVisibility(graph, filters({ ego: { node: 'b', depth: 1 }, hiddenTypes: new Set(['organization']) }))!;
    expect(sorted(v.nodes)).toEqual(['a', 'b', 'f']);
  });

  it('ignores a focus on a node that is not in the graph', () => {
    const v = computeVisibility(graph, filters({ ego: { node: 'zz', depth: 1 } }))!;
    expect(v.nodes.size).toBe(graph.order);
  });
});
