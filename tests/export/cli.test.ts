import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import gexf from 'graphology-gexf';
import { MultiGraph } from 'graphology';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeGraph, parseGraph } from '../../src/graph/serialize.ts';
import { generatedGraph, hostileGraph } from './fixtures.ts';
import { REPO_ROOT, startTags, tempDir, validateGexf, removeTempDirs } from './helpers.ts';

afterAll(removeTempDirs);

function kg(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'src/cli/kg.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder, recursively, with its size: to show that a failed export wrote nothing. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => `${f}:${statSync(join(dir, f)).isDirectory() ? 'dir' : statSync(join(dir, f)).size}`);
}

describe('kg export on the seeds graph built by kg build', () => {
  const dir = tempDir('kg-export-seeds-');
  const graphPath = join(dir, 'graph.json');

  beforeAll(() => {
    const built = kg(['build', 'seeds', '--out', dir]);
    expect(built.status, built.stderr).toBe(0);
  });

  it('writes a GEXF 1.3 that validates and parses back to the built graph', () => {
    const r = kg(['export', '--graph', graphPath, '--out', join(dir, 'seeds.gexf')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${join(dir, 'seeds.gexf')}`);
    const path = join(dir, 'seeds.gexf');
    const { xsd, rng } = validateGexf(path);
    expect([xsd.status, rng.status], `${xsd.output}\n${rng.output}`).toEqual([0, 0]);
    const graph = parseGraph(readFileSync(graphPath, 'utf8'));
    expect(graph.order).toBeGreaterThan(0);
    expect(graph.size).toBeGreaterThan(0);
    const back = gexf.parse(MultiGraph, readFileSync(path, 'utf8'));
    expect(back.nodes().sort()).toEqual(graph.nodes().sort());
    expect(back.edges().sort()).toEqual(graph.edges().sort());
    graph.forEachNode((n, a) => {
      expect(back.getNodeAttribute(n, 'label')).toBe(a.label);
      expect(back.getNodeAttribute(n, 'type')).toBe(a.type);
      expect(back.getNodeAttribute(n, 'x')).toBe(a.x);
    });
    const texts = graph.getAttribute('texts') ?? {};
    graph.forEachEdge((e, a, s, t) => {
      expect([back.source(e), back.target(e)]).toEqual([s, t]);
      expect(back.getEdgeAttribute(e, 'relation')).toBe(a.relation);
      const first = a.evidence[0];
      if (first && texts[first.doc]) expect(back.getEdgeAttribute(e, 'sentence')).toBe(texts[first.doc]!.slice(first.start, first.end));
    });
  });

  it.each([
    ['graphml', 'seeds.graphml'],
    ['json', 'seeds.json'],
    ['cypher', 'seeds.cypher'],
  ])('writes %s', (format, name) => {
    const out = join(dir, name);
    const r = kg(['export', '--graph', graphPath, '--format', format, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
    if (format === 'json') expect(parseGraph(readFileSync(out, 'utf8')).order).toBe(parseGraph(readFileSync(graphPath, 'utf8')).order);
  });

  it('writes nodes.csv and relationships.csv and prints the neo4j-admin command', () => {
    const out = join(dir, 'neo4j');
    const r = kg(['export', '--graph', graphPath, '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`neo4j-admin database import full neo4j --nodes=${join(out, 'nodes.csv')} --relationships=${join(out, 'relationships.csv')}`);
    const graph = parseGraph(readFileSync(graphPath, 'utf8'));
    const nodes = parseCsv(readFileSync(join(out, 'nodes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const rels = parseCsv(readFileSync(join(out, 'relationships.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(nodes.map((n) => n['id:ID']).sort()).toEqual(graph.nodes().sort());
    expect(rels.map((e) => e['id:string']).sort()).toEqual(graph.edges().sort());
  });
});

describe('kg export layout', () => {
  const dir = tempDir('kg-export-layout-');
  const graphPath = join(dir, 'graph.json');
  writeFileSync(graphPath, serializeGraph(generatedGraph()));

  it('computes a ForceAtlas2 layout for GEXF when the graph has none', () => {
    const r = kg(['export', '--graph', graphPath]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('computing a ForceAtlas2 layout for 300 nodes');
    const text = readFileSync(join(dir, 'graph.gexf'), 'utf8');
    const positions = startTags(text, 'viz:position');
    expect(positions).toHaveLength(300);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(300);
  });

  it('leaves JSON without positions unless --layout is given', () => {
    expect(kg(['export', '--graph', graphPath, '--out', join(dir, 'plain.json')]).status).toBe(0);
    expect(parseGraph(readFileSync(join(dir, 'plain.json'), 'utf8')).someNode((_, a) => a.x !== undefined)).toBe(false);
    expect(kg(['export', '--graph', graphPath, '--out', join(dir, 'laid.json'), '--layout']).status).toBe(0);
    expect(parseGraph(readFileSync(join(dir, 'laid.json'), 'utf8')).everyNode((_, a) => Number.isFinite(a.x) && Number.isFinite(a.y))).toBe(true);
  });
});

describe('kg export on bad input', () => {
  const dir = tempDir('kg-export-bad-');
  const good = join(dir, 'graph.json');
  writeFileSync(good, serializeGraph(hostileGraph()));
  writeFileSync(join(dir, 'not-json.json'), 'hello, this is prose\n');
  writeFileSync(join(dir, 'not-graph.json'), '{"name": "a package.json, maybe"}');
  writeFileSync(join(dir, 'bad-node.json'), '{"nodes": [{"key": "a", "attributes": {"label": "A", "type": "alien", "mentions": []}}], "edges": []}');
  writeFileSync(join(dir, 'a-file'), 'x');
  mkdirSync(join(dir, 'a-folder'));

  it.each([
    ['a graph file that is not JSON', ['--graph', join(dir, 'not-json.json')], /not-json\.json is not JSON .*Pass a graph\.json written by "kg build"/],
    ['a JSON file that is not a graph', ['--graph', join(dir, 'not-graph.json')], /not-graph\.json is not a kg graph: "nodes" is missing/],
    ['a node of unknown type', ['--graph', join(dir, 'bad-node.json')], /bad-node\.json is not a kg graph: node "a" has unknown type "alien"/],
    ['a missing graph file', ['--graph', join(dir, 'missing.json')], /graph file ".*missing\.json" not found\. Run "kg build" first/],
    ['an unknown format', ['--graph', good, '--format', 'xml'], /unknown export format "xml"\. Use --format with one of: gexf, graphml, json, csv, cypher\./],
    ['an --out whose format cannot be told', ['--graph', good, '--out', join(dir, 'graph.txt')], /cannot tell the export format from ".*graph\.txt"\. Add --format/],
    ['an --out under a file', ['--graph', good, '--out', join(dir, 'a-file', 'graph.gexf')], /cannot write ".*graph\.gexf": ".*a-file" is a file, not a folder/],
    ['an --out that is a folder', ['--graph', good, '--format', 'gexf', '--out', join(dir, 'a-folder')], /--out ".*a-folder" is a folder; pass a file path/],
    ['csv to a file', ['--graph', good, '--format', 'csv', '--out', join(dir, 'a-file')], /--out ".*a-file" is a file; --format csv writes two files/],
    ['--out the input graph', ['--graph', good, '--format', 'json', '--out', good], /is the input graph; choose another file/],
  ])('exits 2 with a clear message and writes nothing: %s', (_name, args, message) => {
    const before = listing(dir);
    const graphBefore = readFileSync(good, 'utf8');
    const r = kg(['export', ...args]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(r.status).toBe(2);
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(good, 'utf8')).toBe(graphBefore);
  });

  it.skipIf(!existsSync('/proc/self'))('exits 2 instead of hanging when --out is under /proc', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'src/cli/kg.js'), 'export', '--graph', good, '--out', '/proc/kg-no-such/graph.gexf'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot create the folder "\/proc\/kg-no-such"/);
  });

  it('removes nodes.csv again when relationships.csv cannot be written', () => {
    const out = join(dir, 'neo4j-half');
    mkdirSync(join(out, 'relationships.csv'), { recursive: true }); // a folder where the file should go
    const r = kg(['export', '--graph', good, '--format', 'csv', '--out', out]);
    expect(r.stderr).toMatch(/cannot write ".*relationships\.csv"/);
    expect(r.status).toBe(2);
    expect(readdirSync(out)).toEqual(['relationships.csv']);
  });

  // root writes through any permission bits, so this one runs only for other users.
  it.skipIf(process.getuid?.() === 0)('exits 2 and writes nothing when the output folder is read-only', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const r = kg(['export', '--graph', good, '--out', join(locked, 'graph.gexf')]);
      expect(r.stderr).toMatch(/cannot write ".*graph\.gexf": the folder ".*locked" is not writable/);
      expect(r.status).toBe(2);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
