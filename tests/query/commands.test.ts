/** Each command on the hand-built seeds-like graph, whose answers are known. */
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/extract/errors.ts';
import {
  AmbiguousNameError,
  UnknownNameError,
  formatResult,
  isEmptyResult,
  runQuery,
} from '../../src/graph/query/index.ts';
import type { NodesResult, PathsResult, QueryResult } from '../../src/graph/query/index.ts';
import { createGraph } from '../../src/graph/serialize.ts';
import { keyOf, seedsLikeGraph, sentenceOf } from './fixtures.ts';

const graph = seedsLikeGraph();
const run = (text: string) => runQuery(graph, text);
const paths = (text: string) => run(text) as PathsResult;
const labels = (result: PathsResult, i = 0) => result.paths[i]!.nodes.map((n) => n.label);

describe('runQuery: bad input', () => {
  it('throws on invalid input', () => {
    expect(() => runQuery({} as never, 'find x')).toThrow(InputError);
    expect(() => runQuery(graph, 'path A')).toThrow(/expected an arrow/);
    expect(() => runQuery(graph, 'find x', { cooccurCost: -1 })).toThrow(UsageError);
    expect(() => runQuery(graph, 'find x', { timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => runQuery(graph, 'find x', { signal: 'stop' as never })).toThrow(/signal/);
  });

  it('handles the empty graph', () => {
    const empty = createGraph();
    expect(isEmptyResult(runQuery(empty, 'find type:person'))).toBe(true);
    expect(isEmptyResult(runQuery(empty, 'top pagerank'))).toBe(true);
    expect(isEmptyResult(runQuery(empty, 'communities'))).toBe(true);
    expect(isEmptyResult(runQuery(empty, 'relations'))).toBe(true);
    expect(() => runQuery(empty, 'path A -- B')).toThrow(UnknownNameError);
  });
});

describe('path', () => {
  it.each<[string, string[] | null]>([
    ['path "Jean-Christophe Dupuy" -> Microsoft', ['Jean-Christophe Dupuy', 'Microsoft']],
    ['path "Jean-Christophe Dupuy" -> HP', ['Jean-Christophe Dupuy', 'Microsoft', 'Actebis', 'HP']],
    // partners_with is symmetric: walkable against its stored direction even with ->.
    ['path HP -> Actebis via partners_with', ['HP', 'Actebis']],
    ['path Actebis -> Dupuy', null],
    ['path Actebis <- Dupuy', ['Actebis', 'Microsoft', 'Jean-Christophe Dupuy']],
    ['path Actebis -- Dupuy', ['Actebis', 'Microsoft', 'Jean-Christophe Dupuy']],
    ['path Actebis -- Dupuy cooccur max 1', ['Actebis', 'Jean-Christophe Dupuy']],
    ['path "Tech Data" -- "Ingram Micro"', ['Tech Data', 'Microsoft', 'Ingram Micro']],
    ['path "Patrice Foliard" -- Microsoft', null],
    ['path "Patrice Foliard" -- Microsoft cooccur', null],
    ['path Dupuy -> HP via works_for', null],
    ['path Dupuy -> HP via works_for,funds,partners_with', ['Jean-Christophe Dupuy', 'Microsoft', 'Actebis', 'HP']],
    ['path Dupuy -- HP max 2', null],
    ['path Dupuy -- HP max 3', ['Jean-Christophe Dupuy', 'Microsoft', 'Actebis', 'HP']],
    ['path Wallonie -- "Région de Bruxelles-Capitale"', ['Wallonie', 'Belgique', 'Région de Bruxelles-Capitale']],
    ['path Wallonie -- "prime Web" avoid Belgique', null],
  ])('%s', (text, expected) => {
    const result = paths(text);
    expect(result.kind).toBe('paths');
    if (expected === null) {
      expect(result.paths).toHaveLength(0);
      expect(isEmptyResult(result)).toBe(true);
      expect(result.notes.join(' ')).toMatch(/^(.*\n)?no (simple )?path|no path/);
    } else {
      expect(labels(result)).toEqual(expected);
      expect(result.paths[0]!.steps).toHaveLength(expected.length - 1);
    }
  });

  it('prefers typed hops: one co_occurs hop costs more than two typed ones, less than three', () => {
    // Dupuy -co_occurs- Actebis (2.5) against Dupuy -works_for-> Microsoft -funds-> Actebis (2).
    expect(labels(paths('path Dupuy -- Actebis cooccur'))).toEqual(['Jean-Christophe Dupuy', 'Microsoft', 'Actebis']);
    expect(paths('path Dupuy -- Actebis cooccur').paths[0]!.cost).toBe(2);
    // HP: three typed hops (3) against co_occurs + partners_with (3.5).
    expect(labels(paths('path Dupuy -- HP cooccur'))).toHaveLength(4);
    // A cheaper co-occurrence wins when it is allowed to cost 1.
    const cheap = runQuery(graph, 'path Dupuy -- Actebis cooccur', { cooccurCost: 1 }) as PathsResult;
    expect(labels(cheap)).toEqual(['Jean-Christophe Dupuy', 'Actebis']);
  });

  it('keeps the hop bound with costed co-occurrences', () => {
    const result = paths('path Dupuy -- HP cooccur max 2');
    expect(labels(result)).toEqual(['Jean-Christophe Dupuy', 'Actebis', 'HP']);
    expect(result.paths[0]!.cost).toBe(3.5);
  });

  it('lists every edge of a hop, typed ones first, with their direction', () => {
    const result = paths('path Microsoft -- Actebis');
    const step = result.paths[0]!.steps[0]!;
    expect(step.edges.map((e) => e.relation).sort()).toEqual(['distributes', 'funds', 'partners_with']);
    const distributes = step.edges.findIndex((e) => e.relation === 'distributes');
    expect(step.forward[distributes]).toBe(false);
    expect(result.edges).toHaveLength(3);
    expect(result.nodes).toEqual([keyOf('Microsoft'), keyOf('Actebis')]);
  });

  it('carries evidence sentences taken from the texts', () => {
    const result = paths('explain path "Jean-Christophe Dupuy" -> Microsoft');
    const evidence = result.paths[0]!.steps[0]!.edges[0]!.evidence[0]!;
    expect(evidence.text).toBe(sentenceOf('001_mezzanine.txt', 0));
    expect(evidence.doc).toBe('001_mezzanine.txt');
    expect(evidence.title).toBe('Microsoft lance Mezzanine');
    const text = formatResult(result);
    expect(text).toContain(sentenceOf('001_mezzanine.txt', 0));
    expect(text).toContain('001_mezzanine.txt');
    // Without explain, no quotes.
    expect(formatResult(result, { explain: false })).not.toContain(sentenceOf('001_mezzanine.txt', 0));
  });

  it('says where evidence is when the graph keeps no texts', () => {
    const bare = seedsLikeGraph({ keepTexts: false });
    const result = runQuery(bare, 'explain path "Jean-Christophe Dupuy" -> Microsoft') as PathsResult;
    expect(result.paths[0]!.steps[0]!.edges[0]!.evidence[0]!.text).toBeNull();
    expect(formatResult(result)).toMatch(/001_mezzanine\.txt.*characters \d+-\d+/);
  });

  it('refuses a path from an entity to itself, and avoiding an end', () => {
    expect(() => run('path Microsoft -- microsoft')).toThrow(/same entity/);
    expect(() => run('path Microsoft -- HP avoid HP')).toThrow(/cannot avoid "HP".*end of the path/);
  });
});

describe('paths and allshortest', () => {
  it('paths lists simple paths shortest first', () => {
    const result = paths('paths Microsoft -- HP max 4');
    expect(result.paths.length).toBeGreaterThan(0);
    const lengths = result.paths.map((p) => p.steps.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(labels(result)).toEqual(['Microsoft', 'Actebis', 'HP']);
    for (const p of result.paths) expect(new Set(p.nodes.map((n) => n.key)).size).toBe(p.nodes.length);
  });

  it('paths says how many more exist beyond the limit', () => {
    const all = paths('paths Wallonie -- Belgique max 4 cooccur');
    const one = paths('paths Wallonie -- Belgique max 4 cooccur limit 1');
    expect(one.paths).toHaveLength(1);
    expect(one.more).toBe(all.paths.length - 1 + all.more);
  });

  it('allshortest counts and lists every shortest path', () => {
    const result = paths('allshortest "Tech Data" -- Actebis');
    // Tech Data -> Microsoft, then Microsoft to Actebis: one node path (three parallel edges).
    expect(result.paths.map((p) => p.nodes.map((n) => n.label))).toEqual([['Tech Data', 'Microsoft', 'Actebis']]);
    expect(result.more).toBe(0);
    const two = paths('allshortest Wallonie -- "Région de Bruxelles-Capitale"');
    expect(two.paths).toHaveLength(1);
  });
});

describe('neighbors', () => {
  const rows = (text: string) => (run(text) as NodesResult).rows;

  it.each<[string, string[]]>([
    ['neighbors HP', ['Actebis']],
    ['neighbors HP depth 2', ['Actebis', 'Microsoft']],
    ['neighbors Microsoft -> via funds', ['Actebis', 'ETC']],
    ['neighbors Microsoft <-', ['Actebis', 'Tech Data', 'Ingram Micro', 'Jean-Christophe Dupuy', 'Microsoft Financing']],
    ['neighbors Microsoft depth 2 type programme,figure', ['Mezzanine', '5.000 euros']],
    ['neighbors "Tech Data"', ['Microsoft']],
    ['neighbors "Tech Data" cooccur', ['Microsoft', 'Ingram Micro']],
  ])('%s', (text, expected) => {
    expect(rows(text).map((r) => r.node.label).sort()).toEqual([...expected].sort());
  });

  it('orders by depth and says how each was reached', () => {
    const result = rows('neighbors HP depth 3');
    const depths = result.map((r) => r.depth!);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    const microsoft = result.find((r) => r.node.label === 'Microsoft')!;
    expect(microsoft.depth).toBe(2);
    expect(microsoft.from!.label).toBe('Actebis');
    expect(['funds', 'partners_with', 'distributes']).toContain(microsoft.via!.relation);
  });

  it('bounds the rows and counts the rest', () => {
    const result = run('neighbors Microsoft limit 2') as NodesResult;
    expect(result.rows).toHaveLength(2);
    expect(result.more).toBe(rows('neighbors Microsoft').length - 2);
    expect(formatResult(result)).toMatch(/… 5 more entities/);
  });

  it('explains how an isolated entity has no neighbours', () => {
    const result = run('neighbors Channelnews');
    expect(isEmptyResult(result)).toBe(true);
    expect(result.notes.join(' ')).toMatch(/no neighbours.*cooccur/);
  });
});

describe('find', () => {
  const found = (text: string) => (run(text) as NodesResult).rows.map((r) => r.node.label);

  it.each<[string, string[]]>([
    ['find type:person', ['Patrice Foliard', 'Jean-Christophe Dupuy']],
    ['find name~micro', ['Microsoft', 'Microsoft Financing', 'Ingram Micro']],
    ['find name~MICRO type:organization', ['Microsoft', 'Microsoft Financing', 'Ingram Micro']],
    ['find pret', ['prêt garanti']],
    ['find PGE', ['prêt garanti']],
    ['find doc:004 type:place', ['Wallonie', 'Région de Bruxelles-Capitale', 'Belgique']],
    ['find doc:"Chèques numériques" type:programme', ['chèques maturité numérique', 'prime Web']],
    ['find nothing-like-this', []],
  ])('%s', (text, expected) => {
    expect(found(text).sort()).toEqual([...expected].sort());
  });

  it('ranks exact names first', () => {
    expect(found('find name~microsoft')[0]).toBe('Microsoft');
  });

  it('names the unknown document', () => {
    expect(() => run('find doc:zzz')).toThrow(/no document "zzz".*000_infragest\.txt/);
  });
});

describe('relations', () => {
  const triples = (text: string) => (run(text) as Extract<QueryResult, { kind: 'edges' }>).rows.map((r) => `${r.source.label} ${r.edge.relation} ${r.target.label}`);

  it.each<[string, string[]]>([
    ['relations distributes', ['Actebis distributes Microsoft', 'Tech Data distributes Microsoft', 'Ingram Micro distributes Microsoft']],
    ['relations funds to Actebis', ['Microsoft funds Actebis', 'HP funds Actebis']],
    ['relations from HP', ['Actebis partners_with HP', 'HP funds Actebis']],
    ['relations partners_with from HP', ['Actebis partners_with HP']],
    ['relations from "Tech Data" cooccur', ['Tech Data distributes Microsoft', 'Tech Data co_occurs Ingram Micro']],
    ['relations works_for from Dupuy to Microsoft', ['Jean-Christophe Dupuy works_for Microsoft']],
    ['relations funds from Actebis', []],
  ])('%s', (text, expected) => {
    expect(triples(text).sort()).toEqual([...expected].sort());
  });

  it('leaves co_occurs out unless asked', () => {
    expect(triples('relations').some((t) => t.includes('co_occurs'))).toBe(false);
    expect(triples('relations co_occurs')).toHaveLength(3);
  });
});

describe('top', () => {
  it('degree counts distinct neighbours over typed relations', () => {
    const result = run('top degree 3');
    expect(result.kind).toBe('ranking');
    if (result.kind !== 'ranking') return;
    expect(result.rows[0]!.node.label).toBe('Microsoft');
    // Actebis, ETC, Tech Data, Ingram Micro, Dupuy, Microsoft Financing, Mezzanine.
    expect(result.rows[0]!.score).toBe(7);
    expect(result.rows).toHaveLength(3);
  });

  it.each(['pagerank', 'betweenness'])('%s ranks Microsoft first among organizations', (measure) => {
    const result = run(`top ${measure} type organization`);
    if (result.kind !== 'ranking') throw new Error('expected a ranking');
    expect(result.rows[0]!.node.label).toBe('Microsoft');
    expect(result.rows.every((r) => r.node.type === 'organization')).toBe(true);
    const scores = result.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('betweenness of a broker is the number of pairs it stands between', () => {
    // Belgique joins Wallonie's side (Wallonie, chèques) to Bruxelles' side (Bruxelles, prime Web): 2 × 2 pairs.
    const result = run('top betweenness type place');
    if (result.kind !== 'ranking') throw new Error('expected a ranking');
    expect(result.rows.find((r) => r.node.label === 'Belgique')!.score).toBe(4);
  });
});

describe('communities', () => {
  it('groups the three stories apart', () => {
    const result = run('communities');
    if (result.kind !== 'communities') throw new Error('expected communities');
    const communityOf = (label: string) => result.communities.find((c) => c.members.some((m) => m.label === label))?.id;
    expect(communityOf('Microsoft')).toBeDefined();
    expect(communityOf('Microsoft')).toBe(communityOf('HP'));
    expect(communityOf('Wallonie')).toBe(communityOf('Belgique'));
    expect(communityOf('Patrice Foliard')).toBe(communityOf('Groupe Infragest'));
    expect(communityOf('Microsoft')).not.toBe(communityOf('Wallonie'));
    expect(communityOf('Patrice Foliard')).not.toBe(communityOf('Wallonie'));
    expect(result.modularity).toBeGreaterThan(0.3);
    const sizes = result.communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('hides small communities and bounds the list', () => {
    const result = run('communities min 4 limit 1');
    if (result.kind !== 'communities') throw new Error('expected communities');
    expect(result.communities).toHaveLength(1);
    expect(result.communities[0]!.size).toBeGreaterThanOrEqual(4);
    expect(result.more).toBeGreaterThanOrEqual(1);
  });
});

describe('names', () => {
  it.each<[string, string]>([
    ['path "jean-christophe dupuy" -- HP', 'Jean-Christophe Dupuy'],
    ['path "PRET GARANTI" -- Foliard', 'prêt garanti'],
    ['path PGE -- Foliard', 'prêt garanti'],
    ['path "Région wallonne" -- Belgique', 'Wallonie'],
    ['path Dupuy -- HP', 'Jean-Christophe Dupuy'],
    ['path Foli -- PGE', 'Patrice Foliard'],
    ['path place:wallonie -- Belgique', 'Wallonie'],
    ['path organization:microsoft -- HP', 'Microsoft'],
  ])('%s starts at %s', (text, label) => {
    expect(paths(text).from.label).toBe(label);
  });

  it('says when a name was taken for a longer one', () => {
    expect(run('path Dupuy -- HP').notes[0]).toMatch(/"Dupuy" taken as "Jean-Christophe Dupuy"/);
    expect(run('path "Jean-Christophe Dupuy" -- HP').notes).toEqual([]);
  });

  it('lists the candidates of an ambiguous name', () => {
    let error: unknown;
    try {
      run('path Micro -- HP');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbiguousNameError);
    const e = error as AmbiguousNameError;
    expect(e.candidates.map((c) => c.label).sort()).toEqual(['Ingram Micro', 'Microsoft', 'Microsoft Financing']);
    expect(e.message).toContain('organization:microsoft');
  });

  it('suggests the nearest names for an unknown one', () => {
    let error: unknown;
    try {
      run('path Microsfot -- HP');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownNameError);
    const e = error as UnknownNameError;
    expect(e.message).toMatch(/no entity is named "Microsfot" \(column 6\)/);
    expect(e.suggestions[0]!.label).toBe('Microsoft');
  });

  it('an entity of the wrong type is unknown', () => {
    expect(() => run('path person:Microsoft -- HP')).toThrow(/no entity of type person/);
  });
});

describe('help', () => {
  it('is never empty and needs no graph', () => {
    const result = runQuery(createGraph(), 'help paths');
    expect(result.kind).toBe('help');
    expect(isEmptyResult(result)).toBe(false);
    expect(formatResult(result)).toMatch(/paths A -- B/);
  });
});
