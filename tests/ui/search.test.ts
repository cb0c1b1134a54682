import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldForSearch, searchNodes } from '../../src/ui/core/search.ts';
import { createGraph } from '../../src/graph/serialize.ts';
import { makeGraph } from './fixtures.ts';

const graph = makeGraph(
  [
    ['p1', 'Abdellah El Fergui', 'person', { aliases: ['El Fergui'] }],
    ['o1', 'Université Mohammed 6 Polytechnique', 'organization', { aliases: ['UM6P'] }],
    ['o2', 'Jean-Christophe Dupuy', 'person'],
    ['o3', 'Fer Group', 'organization'],
    ['o4', 'Ferguson', 'person'],
  ],
  [['e1', 'o4', 'o3', 'works_for']],
);
const index = buildSearchIndex(graph);

describe('searchNodes', () => {
  it('returns nothing for an empty or blank query and on the empty graph', () => {
    expect(searchNodes(index, '')).toEqual([]);
    expect(searchNodes(index, '   ')).toEqual([]);
    expect(searchNodes(buildSearchIndex(createGraph()), 'fer')).toEqual([]);
  });

  it.each([
    ['fergui', 'p1'],
    ['FERGUI', 'p1'],
    ['universite', 'o1'],
    ['UNIVERSITÉ mohammed', 'o1'],
    ['um6p', 'o1'],
    ['jean christophe', 'o2'],
    ['jean-christophe', 'o2'],
    ['dupuy', 'o2'],
  ])('"%s" finds %s first, ignoring accents, case and hyphens', (query, key) => {
    expect(searchNodes(index, query)[0]?.key).toBe(key);
  });

  it('ranks a name prefix before a word start before a substring, then by degree', () => {
    const keys = searchNodes(index, 'fer').map((h) => h.key);
    // Ferguson and Fer Group start with it (Ferguson has the link, Fer Group too: tie on degree → shorter label);
    // El Fergui has it at a word start.
    expect(keys.slice(0, 2).sort()).toEqual(['o3', 'o4']);
    expect(keys[2]).toBe('p1');
  });

  it('says which alias matched', () => {
    const [hit] = searchNodes(index, 'um6p');
    expect(hit).toMatchObject({ key: 'o1', alias: 'UM6P', rank: 0 });
    expect(searchNodes(index, 'abdellah')[0]).toMatchObject({ alias: null, rank: 1 });
  });

  it('honours the limit', () => {
    expect(searchNodes(index, 'e', 2)).toHaveLength(2);
  });

  it('folds like normalizeName', () => {
    expect(foldForSearch('  L’Université  Côte-d’Ivoire ')).toBe('universite cote d ivoire');
  });
});
