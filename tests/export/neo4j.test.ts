import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cypherString, neo4jImportCommand, writeCypher, writeNeo4jCsv } from '../../src/graph/export/index.ts';
import type { KgGraph } from '../../src/graph/types.ts';
import { FIXTURES, hostileGraph, parallelGraph } from './fixtures.ts';
import { expectedEdges, expectedNodes } from './helpers.ts';

const NEO4J_TYPES = new Set(['string', 'long', 'int', 'double', 'boolean', 'string[]', 'long[]', 'double[]']);
const upper = (relation: string) => relation.toUpperCase();
const capital = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);
/** A string can hold an unpaired surrogate; UTF-8 files cannot, so it comes back as U+FFFD. */
const utf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));

function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parse(text, { relax_quotes: false, bom: false }) as string[][];
  const [header, ...rest] = records;
  return { header: header!, rows: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

describe('writeNeo4jCsv', () => {
  it('uses neo4j-admin header names: id:ID, :LABEL, :START_ID, :END_ID, :TYPE and typed properties', () => {
    const { nodes, relationships } = writeNeo4jCsv(parallelGraph());
    const nodeHeader = readCsv(nodes).header;
    const relHeader = readCsv(relationships).header;
    expect(nodeHeader.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    expect(relHeader.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    for (const h of [...nodeHeader.slice(2), ...relHeader.slice(3)]) {
      const [name, type] = h.split(':');
      expect(name, h).toMatch(/^[a-z_]+$/);
      expect(NEO4J_TYPES.has(type!), h).toBe(true);
    }
  });

  describe.each(FIXTURES)('on %s', (_name, make) => {
    const graph = make();
    const { nodes, relationships, arrayDelimiter } = writeNeo4jCsv(graph);

    it('parses with a CSV parser and keeps every node with its properties', () => {
      const { rows } = readCsv(nodes);
      expect(rows).toHaveLength(graph.order);
      const byId = new Map(rows.map((r) => [r['id:ID'], r]));
      const split = (v: string | undefined) => (v ? v.split(arrayDelimiter) : []);
      for (const n of expectedNodes(graph)) {
        const r = byId.get(utf8(n.key));
        expect(r, n.key).toBeDefined();
        expect(split(r![':LABEL'])).toEqual(['Entity', capital(n.type)]);
        expect(r!['label:string']).toBe(utf8(n.label));
        expect(r!['type:string']).toBe(n.type);
        expect(split(r!['aliases:string[]'])).toEqual(n.aliases.map(utf8));
        expect(Number(r!['mention_count:long'])).toBe(n.mention_count);
        expect(split(r!['documents:string[]'])).toEqual(n.documents);
        expect(r!['value:double']).toBe(n.value === undefined ? '' : String(n.value));
        expect(r!['value_max:double']).toBe(n.value_max === undefined ? '' : String(n.value_max));
        expect(r!['unit:string']).toBe(n.unit ?? '');
        expect(r!['x:double']).toBe(n.x === undefined ? '' : String(n.x));
      }
    });

    it('keeps every relationship, between nodes of nodes.csv, with its properties', () => {
      const ids = new Set(readCsv(nodes).rows.map((r) => r['id:ID']));
      const { rows } = readCsv(relationships);
      expect(rows).toHaveLength(graph.size);
      const byId = new Map(rows.map((r) => [r['id:string'], r]));
      for (const e of expectedEdges(graph)) {
        const r = byId.get(utf8(e.key));
        expect(r, e.key).toBeDefined();
        expect(r![':START_ID']).toBe(utf8(e.source));
        expect(r![':END_ID']).toBe(utf8(e.target));
        expect(ids.has(r![':START_ID']) && ids.has(r![':END_ID'])).toBe(true);
        expect(r![':TYPE']).toBe(upper(e.relation));
        expect(Number(r!['weight:double'])).toBe(e.weight);
        expect(r!['relation:string']).toBe(e.relation);
        expect(Number(r!['evidence_count:long'])).toBe(e.evidence_count);
        expect(r!['sentence:string']).toBe(e.sentence === undefined ? '' : utf8(e.sentence));
        expect(r!['documents:string[]'] ? r!['documents:string[]'].split(arrayDelimiter) : []).toEqual(e.documents);
      }
    });
  });

  it('picks an array delimiter that no list item contains', () => {
    expect(writeNeo4jCsv(parallelGraph()).arrayDelimiter).toBe(';');
    // The hostile graph has items with ";" and "|".
    expect(writeNeo4jCsv(hostileGraph()).arrayDelimiter).toBe('\u001f');
  });

  it('writes missing values as empty unquoted fields and present strings quoted', () => {
    const { nodes } = writeNeo4jCsv(parallelGraph());
    expect(nodes.split('\n')[1]).toBe('"person:a","Entity;Person","A","person",,0,,,,,,');
  });
});

describe('neo4jImportCommand', () => {
  it('names the database before the multi-valued options and passes the delimiter', () => {
    expect(neo4jImportCommand('out/n/nodes.csv', 'out/n/relationships.csv')).toBe(
      "neo4j-admin database import full neo4j --nodes=out/n/nodes.csv --relationships=out/n/relationships.csv --array-delimiter=';' --multiline-fields=true --overwrite-destination=true",
    );
    expect(neo4jImportCommand('my dir/nodes.csv', "it's/r.csv", '\u001f')).toContain(
      "--nodes='my dir/nodes.csv' --relationships='it'\\''s/r.csv' --array-delimiter=U+001F",
    );
  });
});

/** Decodes a Cypher string literal that starts at `i` (a double quote); returns the value and the index after it. */
function readCypherString(s: string, i: number): [string, number] {
  expect(s[i]).toBe('"');
  let out = '';
  for (i++; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') return [out, i + 1];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i]!;
    if (n === 'u') {
      out += String.fromCharCode(Number.parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' } as Record<string, string>)[n]!;
  }
  throw new Error(`unterminated string in ${s}`);
}

function statements(graph: KgGraph): string[] {
  const lines = writeCypher(graph).split('\n').filter((l) => l !== '' && !l.startsWith('//'));
  for (const l of lines) expect(l.endsWith(';'), l).toBe(true);
  return lines;
}

describe('writeCypher', () => {
  it('escapes string literals so they decode to the original text', () => {
    for (const s of ['plain', 'a "quote" and \\ backslash', "it's", 'new\nline\ttab\r', '\u0001\u001f\u007f', '東京 🎉 مرحبا']) {
      expect(readCypherString(cypherString(s), 0)).toEqual([s, cypherString(s).length]);
    }
  });

  describe.each(FIXTURES)('on %s', (_name, make) => {
    const graph = make();
    const lines = statements(graph);

    it('has a constraint, one MERGE per node and one per relationship, one statement per line', () => {
      expect(lines[0]).toBe('CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:`Entity`) REQUIRE n.id IS UNIQUE;');
      const nodeLines = lines.filter((l) => l.startsWith('MERGE (n:`Entity` {id: '));
      const relLines = lines.filter((l) => l.startsWith('MATCH (a:`Entity` {id: '));
      expect(nodeLines).toHaveLength(graph.order);
      expect(relLines).toHaveLength(graph.size);
      expect(lines).toHaveLength(1 + graph.order + graph.size);
    });

    it('keys every node and relationship by its id, with its label and type', () => {
      const nodes = expectedNodes(graph);
      const nodeLines = lines.filter((l) => l.startsWith('MERGE (n:`Entity` {id: '));
      nodeLines.forEach((line, i) => {
        const [id, after] = readCypherString(line, 'MERGE (n:`Entity` {id: '.length);
        expect(id).toBe(utf8(nodes[i]!.key));
        expect(line.slice(after)).toMatch(new RegExp(`^\\}\\) SET n:\`${capital(nodes[i]!.type)}\`, n \\+= \\{`));
        const labelAt = line.indexOf('label: "');
        if (nodes[i]!.label) expect(readCypherString(line, labelAt + 'label: '.length)[0]).toBe(utf8(nodes[i]!.label));
      });
      const edges = expectedEdges(graph);
      const relLines = lines.filter((l) => l.startsWith('MATCH (a:`Entity` {id: '));
      relLines.forEach((line, i) => {
        const e = edges[i]!;
        const [source, a] = readCypherString(line, 'MATCH (a:`Entity` {id: '.length);
        expect(source).toBe(utf8(e.source));
        const [target, b] = readCypherString(line, a + '}), (b:`Entity` {id: '.length);
        expect(target).toBe(utf8(e.target));
        const typePrefix = `}) MERGE (a)-[r:\`${upper(e.relation)}\` {id: `;
        expect(line.slice(b, b + typePrefix.length)).toBe(typePrefix);
        expect(readCypherString(line, b + typePrefix.length)[0]).toBe(utf8(e.key));
        if (e.sentence !== undefined) expect(readCypherString(line, line.indexOf('sentence: "') + 'sentence: '.length)[0]).toBe(utf8(e.sentence));
      });
    });
  });
});
