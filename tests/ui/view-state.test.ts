import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../src/ui/core/filters.ts';
import { checkGraphUrl, defaultViewState, formatViewState, parseViewState, type ViewState } from '../../src/ui/core/view-state.ts';

describe('parseViewState', () => {
  it('gives the default view for an empty query string', () => {
    expect(parseViewState('')).toEqual({ state: defaultViewState, problems: [] });
  });

  it('reads every part of a shared view', () => {
    const { state, problems } = parseViewState(
      '?graph=big.json&node=person%3Aabdellah+el+fergui&hide=figure,place&rels=co_occurs&deg=2&doc=002.txt&ego=organization%3Amicrosoft&depth=3&size=pagerank&query=path+A+--+B',
    );
    expect(problems).toEqual([]);
    expect(state.graphUrl).toBe('big.json');
    expect(state.selection).toEqual({ kind: 'node', key: 'person:abdellah el fergui' });
    expect([...state.filters.hiddenTypes]).toEqual(['figure', 'place']);
    expect([...state.filters.hiddenRelations]).toEqual(['co_occurs']);
    expect(state.filters.minDegree).toBe(2);
    expect(state.filters.document).toBe('002.txt');
    expect(state.filters.ego).toEqual({ node: 'organization:microsoft', depth: 3 });
    expect(state.sizeMetric).toBe('pagerank');
    expect(state.query).toBe('path A -- B');
  });

  it.each([
    ['?hide=person,robot', 'unknown entity type "robot"'],
    ['?rels=likes', 'unknown relation "likes"'],
    ['?deg=-1', 'minimum degree "-1"'],
    ['?deg=2.5', 'minimum degree "2.5"'],
    ['?ego=x&depth=9', 'focus depth "9"'],
    ['?size=betweenness', 'size "betweenness"'],
    ['?graph=javascript:alert(1)', 'graph "javascript:alert(1)"'],
    [`?query=${'a'.repeat(2001)}`, 'longer than 2000 characters'],
  ])('drops bad values and says so: %s', (search, problem) => {
    const { state, problems } = parseViewState(search);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(state.filters.minDegree).toBe(0);
    expect(state.filters.ego).toBeNull();
    expect(state.graphUrl).toBeNull();
    expect(state.query).toBe('');
  });

  it('selects an edge when the link names one', () => {
    expect(parseViewState('?edge=a%7Cleads%7Cb').state.selection).toEqual({ kind: 'edge', key: 'a|leads|b' });
  });
});

describe('formatViewState', () => {
  it('is empty for the default view', () => {
    expect(formatViewState(defaultViewState)).toBe('');
  });

  it('round-trips through parseViewState', () => {
    const view: ViewState = {
      graphUrl: 'https://example.org/g.json',
      selection: { kind: 'node', key: 'person:élise "x" & y' },
      query: 'explain path "A B" -- C',
      sizeMetric: 'pagerank',
      filters: { ...emptyFilters, hiddenTypes: new Set(['figure']), hiddenRelations: new Set(['co_occurs', 'leads']), minDegree: 3, document: 'a b.txt', ego: { node: 'x', depth: 2 } },
    };
    const again = parseViewState(formatViewState(view));
    expect(again.problems).toEqual([]);
    expect(again.state).toEqual(view);
  });
});

describe('checkGraphUrl', () => {
  it.each([
    ['graph.json', true],
    ['data/big graph.json', true],
    ['/abs/graph.json', true],
    ['http://127.0.0.1:4000/g.json', true],
    ['https://example.org/g.json', true],
    ['javascript:alert(1)', false],
    ['data:application/json,{}', false],
    ['//evil.example/g.json', false],
  ])('%s → %s', (url, ok) => {
    expect(checkGraphUrl(url)).toBe(ok);
  });
});
