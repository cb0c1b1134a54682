/** The Cypher subset: each form parses to the kg query it stands for, and gives the same result. */
import { describe, expect, it } from 'vitest';
import { QuerySyntaxError, parseQuery, runQuery } from '../../src/graph/query/index.ts';
import { seedsLikeGraph } from './fixtures.ts';

const graph = seedsLikeGraph();
/** The parsed query without what depends on how it was written (its text, the columns of names). */
const meaning = (text: string) =>
  JSON.parse(JSON.stringify(parseQuery(text), (key, value) => (key === 'text' && typeof value === 'string' && value === text ? undefined : key === 'column' ? undefined : value)));

describe('Cypher subset', () => {
  it.each<[string, string]>([
    ["MATCH p=shortestPath((a {name:'Jean-Christophe Dupuy'})-[*..4]-(b {name:'HP'})) RETURN p", 'path "Jean-Christophe Dupuy" -- HP max 4'],
    ["MATCH p=shortestPath((a {name:'Jean-Christophe Dupuy'})-[*]->(b {name:'HP'})) RETURN p", 'path "Jean-Christophe Dupuy" -> HP'],
    ["match p = shortestPath((a {name: \"Actebis\"})<-[:funds|works_for*]-(b {name: 'Jean-Christophe Dupuy'})) return p", 'path Actebis <- "Jean-Christophe Dupuy" via funds,works_for'],
    ["MATCH p=allShortestPaths((a {name:'Tech Data'})-[*]-(b {name:'HP'})) RETURN p LIMIT 5", 'allshortest "Tech Data" -- HP limit 5'],
    ["MATCH p=(a {name:'Microsoft'})-[*..3]-(b {name:'HP'}) RETURN p LIMIT 10", 'paths Microsoft -- HP max 3 limit 10'],
    ["MATCH p=(a {name:'Microsoft'})-[:funds]->(b {name:'Actebis'}) RETURN p", 'paths Microsoft -> Actebis via funds max 1'],
    ["MATCH (a {name:'Microsoft'})-[*1..2]-(b) RETURN b", 'neighbors Microsoft depth 2'],
    ["MATCH (a {name:'Microsoft'})-[:funds]->(b:organization) RETURN b", 'neighbors Microsoft -> via funds type organization'],
    ["MATCH (b:person)-[:works_for]->(a {name:'Microsoft'}) RETURN b", 'neighbors Microsoft <- via works_for type person'],
    ["MATCH (a {name:'Microsoft'})-[r:funds]->(b) RETURN a, r, b", 'relations funds from Microsoft'],
    ["MATCH (a)-[r:funds]->(b {name:'Actebis'}) RETURN a, r, b LIMIT 3", 'relations funds to Actebis limit 3'],
    ["MATCH (a {name:'HP'})-[r]-(b) RETURN r", 'relations from HP'],
    ['MATCH (n:person) RETURN n', 'find type:person'],
    // The spellings of kg export --format cypher: :Entity:Type labels, the label property, upper-case types.
    ["MATCH p=shortestPath((a:Entity:Person {label:'Jean-Christophe Dupuy'})-[:WORKS_FOR|FUNDS*..3]->(b:Entity {label:'Actebis'})) RETURN p", 'path "Jean-Christophe Dupuy" -> Actebis via works_for,funds max 3'],
    ["MATCH (n:organization) WHERE n.name CONTAINS 'micro' RETURN n", 'find type:organization name~micro'],
    ["explain MATCH p=shortestPath((a {name:'HP'})-[*]-(b {name:'Microsoft'})) RETURN p", 'explain path HP -- Microsoft'],
  ])('%s  ≡  %s', (cypher, kg) => {
    expect(meaning(cypher)).toEqual(meaning(kg));
    const a = runQuery(graph, cypher);
    const b = runQuery(graph, kg);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.edges).toEqual(b.edges);
    expect(a.nodes.length).toBeGreaterThan(0);
  });

  it.each<[string, RegExp, number]>([
    ["MATCH (a {name:'X'})-[:fund]-(b) RETURN b", /unknown relationship type "fund".*Did you mean "funds"/, 24],
    ['MATCH (a:Company) RETURN a', /unknown node label "Company"/, 10],
    ['MATCH (a {age: 3}) RETURN a', /only the name property can be matched, got "age"/, 11],
    ["MATCH (a {name:'X'})-[*3..4]-(b) RETURN b", /minimum length above 1/, 21],
    ["MATCH (a {name:'X'})-[*..2]-(b) RETURN c", /RETURN c names nothing this subset can return/, 40],
    ["MATCH (a {name:'X'}), (b) RETURN a", /only one pattern per MATCH/, 21],
    ["MATCH (a {name:'X'})<-[]->(b) RETURN b", /cannot point both ways/, 21],
    ["MATCH (a {name:'X'}) RETURN a LIMIT 0", /LIMIT must be between 1 and 10000/, 37],
    ["MATCH (a {name:'X) RETURN a", /unbalanced quote/, 16],
    ['MATCH (a) DELETE a', /expected RETURN, got "DELETE"/, 11],
    ["MATCH (a {name:'X'})-[r*..2]-(b) RETURN r", /one hop only/, 24],
  ])('%s is refused: %s', (text, message, column) => {
    let error: unknown;
    try {
      parseQuery(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect((error as QuerySyntaxError).reason).toMatch(message);
    expect((error as QuerySyntaxError).reason).toMatch(/help cypher|unbalanced/);
    expect((error as QuerySyntaxError).column).toBe(column);
  });
});
