import { describe, expect, it } from 'vitest';
import { QuerySyntaxError, parseQuery } from '../../src/graph/query/index.ts';
import { tokenize } from '../../src/graph/query/tokenize.ts';

describe('tokenize', () => {
  it.each([
    ['path A -> B', ['word:path', 'word:A', 'arrow:->', 'word:B']],
    ['path A->B', ['word:path', 'word:A', 'arrow:->', 'word:B']],
    ['path "Patrice Foliard" -- X', ['word:path', 'string:Patrice Foliard', 'arrow:--', 'word:X']],
    ["path 'say \\'hi\\'' <- B", ['word:path', "string:say 'hi'", 'arrow:<-', 'word:B']],
    ['via works_for,funds', ['word:via', 'word:works_for', 'comma:,', 'word:funds']],
    ['name~"Groupe I"', ['word:name~', 'string:Groupe I']],
    ["path Raphael d'Halluin -- X", ['word:path', 'word:Raphael', "word:d'Halluin", 'arrow:--', 'word:X']],
    ['path Jean-Christophe -- X', ['word:path', 'word:Jean-Christophe', 'arrow:--', 'word:X']],
  ])('%s', (text, expected) => {
    expect(tokenize(text).map((t) => `${t.kind}:${t.text}`)).toEqual(expected);
  });

  it('gives 1-based columns', () => {
    expect(tokenize('  path "A B"').map((t) => t.column)).toEqual([3, 8]);
  });
});

describe('parseQuery: valid queries', () => {
  it.each<[string, Record<string, unknown>]>([
    ['path A -> B', { command: 'path', from: { text: 'A', column: 6 }, to: { text: 'B', column: 11 }, direction: 'out', via: null, cooccur: false, max: null, limit: 1, explain: false }],
    ['path A <- B', { direction: 'in' }],
    ['PATH A -- B', { command: 'path', direction: 'both' }],
    ['path "Patrice Foliard" -- "Groupe Infragest"', { from: { text: 'Patrice Foliard', column: 6 }, to: { text: 'Groupe Infragest', column: 27 } }],
    ['path Patrice Foliard -- Groupe Infragest', { from: { text: 'Patrice Foliard', column: 6 }, to: { text: 'Groupe Infragest', column: 25 } }],
    ['path A -> B via works_for,funds', { via: ['works_for', 'funds'], cooccur: false }],
    ['path A -> B via works-for, Funds', { via: ['works_for', 'funds'] }],
    ['path A -> B via co_occurs', { via: ['co_occurs'], cooccur: true }],
    ['path A -- B avoid C avoid "D E"', { avoid: [{ text: 'C', column: 19 }, { text: 'D E', column: 27 }] }],
    ['path A -- B avoid C, D', { avoid: [{ text: 'C', column: 19 }, { text: 'D', column: 22 }] }],
    ['path A -- B cooccur max 3', { cooccur: true, max: 3 }],
    ['explain path A -> B', { explain: true, command: 'path' }],
    ['shortest A -- B', { command: 'path' }],
    ['paths A -- B', { command: 'paths', max: 4, limit: 20 }],
    ['paths A -- B max 2 limit 5', { command: 'paths', max: 2, limit: 5 }],
    ['allshortest A -- B limit 3', { command: 'allshortest', max: null, limit: 3 }],
    ['neighbors Microsoft', { command: 'neighbors', node: { text: 'Microsoft', column: 11 }, depth: 1, direction: 'both', types: null, limit: 50 }],
    ['neighbours Groupe Infragest depth 2 type person,org', { command: 'neighbors', node: { text: 'Groupe Infragest', column: 12 }, depth: 2, types: ['person', 'organization'] }],
    ['neighbors A -> via funds limit 5', { direction: 'out', via: ['funds'], limit: 5 }],
    ['neighbors A in', { direction: 'in' }],
    ['find type:person', { command: 'find', types: ['person'], name: null, doc: null }],
    ['find type:person,place name~"Groupe I" doc:001', { types: ['person', 'place'], name: 'Groupe I', doc: '001' }],
    ['find Microsoft Financing', { name: 'Microsoft Financing' }],
    ['find name~dup limit 3', { name: 'dup', limit: 3 }],
    ['relations', { command: 'relations', relations: null, from: null, to: null, cooccur: false, limit: 50 }],
    ['relations works_for from Dupuy to Microsoft', { relations: ['works_for'], from: { text: 'Dupuy', column: 26 }, to: { text: 'Microsoft', column: 35 } }],
    ['relations to "Groupe Infragest" cooccur', { relations: null, to: { text: 'Groupe Infragest', column: 14 }, cooccur: true }],
    ['top degree', { command: 'top', measure: 'degree', types: null, limit: 10 }],
    ['top pagerank type person 5', { measure: 'pagerank', types: ['person'], limit: 5 }],
    ['top betweenness 3 type organization', { measure: 'betweenness', types: ['organization'], limit: 3 }],
    ['communities', { command: 'communities', minSize: 2, limit: 10, cooccur: false }],
    ['communities cooccur min 3 limit 4', { minSize: 3, limit: 4, cooccur: true }],
    ['help', { command: 'help', topic: null }],
    ['help path', { command: 'help', topic: 'path' }],
  ])('%s', (text, expected) => {
    expect(parseQuery(text)).toMatchObject({ text, ...expected });
  });
});

describe('parseQuery: errors name the token and point at its column', () => {
  it.each<[string, RegExp, number]>([
    ['', /empty query.*help/, 1],
    ['explain', /expected a query after "explain"/, 8],
    ['pth A -> B', /unknown command "pth".*Did you mean "path"/, 1],
    ['"path" A -> B', /expected a command, got the name "path"/, 1],
    ['path "Patrice Foliard -- X', /unbalanced quote.*column 6.*never closed/, 6],
    ['path A B', /expected an arrow \(-> <- or --\) after "A B", got the end of the query/, 9],
    ['path A ->', /expected a name after "->", got the end/, 10],
    ['path A -> max 3', /"max" is an option word here: quote the name/, 11],
    ['path A -> B via work_for', /unknown relation "work_for".*Did you mean "works_for"/, 17],
    ['path A -> B via', /expected a relation after "via"/, 16],
    ['path A -> B max 0', /max must be between 1 and 50, got 0/, 17],
    ['path A -> B max many', /expected a number after "max", got "many"/, 17],
    ['path A -> B limit 3', /"limit" .* applies to "paths" and "allshortest"/, 13],
    ['path A -> "B" sideways', /unexpected "sideways".*path takes: via, avoid, cooccur, max/, 15],
    ['paths A -- B max 9', /max must be between 1 and 8, got 9/, 18],
    ['paths A -- B limit 100000', /limit must be between 1 and 10000/, 20],
    ['neighbors X depth 0', /depth must be between 1 and 6, got 0/, 19],
    ['neighbors X depth 1000', /depth must be between 1 and 6, got 1000/, 19],
    ['neighbors X type persn', /unknown entity type "persn".*Did you mean "person"/, 18],
    ['neighbors', /expected a name after "neighbors"/, 10],
    ['neighbors ""', /the name a name after "neighbors" is empty|is empty/, 11],
    ['find type:', /expected a value right after "type:"/, 6],
    ['find doc:', /expected a value right after "doc:"/, 6],
    ['relations wroks_for', /unknown relation "wroks_for"/, 11],
    ['relations from', /expected a name after "from"/, 15],
    ['top', /expected a measure after "top"/, 4],
    ['top betweeness', /Did you mean "betweenness"/, 5],
    ['top degree type', /expected an entity type after "type"/, 16],
    ['communities min 0', /min must be between 1/, 17],
    ['help nothing', /no help on "nothing"/, 6],
    ['help path extra', /"help" takes at most one command name/, 11],
  ])('%s', (text, message, column) => {
    let error: unknown;
    try {
      parseQuery(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    const e = error as QuerySyntaxError;
    expect(e.reason).toMatch(message);
    expect(e.column).toBe(column);
    // The message ends with the query and a caret under the column.
    const lines = e.message.split('\n');
    expect(lines[lines.length - 1]!.indexOf('^')).toBe(2 + column - 1);
    expect(lines[lines.length - 2]).toBe(`  ${text}`);
  });

  it('throws on a query that is not a string', () => {
    expect(() => parseQuery(42 as unknown as string)).toThrow(QuerySyntaxError);
  });
});
