/** `kg query` and `kg console` as a user runs them: exit codes, messages, no stack traces. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/graph/generate.ts';
import { serializeGraph } from '../../src/graph/serialize.ts';
import { seedsLikeGraph, sentenceOf } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'kg-query-cli-'));
const graphFile = join(dir, 'graph.json');
writeFileSync(graphFile, serializeGraph(seedsLikeGraph()));
const historyFile = join(dir, 'history');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kg(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['src/cli/kg.js', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, KG_HISTORY: historyFile },
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const query = (text: string, ...flags: string[]) => kg(['query', text, '--graph', graphFile, ...flags]);

describe('kg query: exit codes', () => {
  it.each<[string, string[], number, RegExp, 'out' | 'err']>([
    ['path "Jean-Christophe Dupuy" -> HP', [], 0, /^Jean-Christophe Dupuy -works_for-> Microsoft -funds\(\+1\)-> Actebis -partners_with- HP {2}\(3 hops\)$/m, 'out'],
    ['path "Patrice Foliard" -- Microsoft', [], 1, /no path "Patrice Foliard" -- "Microsoft" over typed relations/, 'out'],
    ['find type:nothing', [], 2, /kg: unknown entity type "nothing"/, 'err'],
    ['pth A -> B', [], 2, /kg: unknown command "pth" \(column 1\)\. Did you mean "path"\?.*\n {2}pth A -> B\n {2}\^\^\^\n/, 'err'],
    ['path "A -> B', [], 2, /unbalanced quote/, 'err'],
    ['neighbors HP depth 1000', [], 2, /depth must be between 1 and 6, got 1000[^\n]*\n {2}neighbors HP depth 1000\n {21}\^{4}\n/, 'err'],
    ['path Microsfot -- HP', [], 2, /kg: no entity is named "Microsfot" \(column 6\)\. Nearest names: "Microsoft"/, 'err'],
    ['path Micro -- HP', [], 2, /kg: "Micro" is part of 3 names; write one of them in quotes, or its key:\n.*organization:microsoft/, 'err'],
    ['path HP -- HP', [], 2, /same entity/, 'err'],
    ['relations from Nobody', [], 2, /no entity is named "Nobody"/, 'err'],
    ['help', [], 0, /Queries \(help COMMAND/, 'out'],
  ])('%s %j → exit %i', (text, flags, code, message, stream) => {
    const run = query(text, ...flags);
    expect(run.code).toBe(code);
    expect(stream === 'out' ? run.out : run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('--json prints the result as data', () => {
    const run = query('path "Jean-Christophe Dupuy" -> Microsoft', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.kind).toBe('paths');
    expect(result.nodes).toEqual(['person:jean-christophe dupuy', 'organization:microsoft']);
    expect(result.paths[0].steps[0].edges[0].evidence[0].text).toBe(sentenceOf('001_mezzanine.txt', 0));
  });

  it('--explain adds the evidence sentences', () => {
    const run = query('path "Jean-Christophe Dupuy" -> Microsoft', '--explain');
    expect(run.out).toContain(sentenceOf('001_mezzanine.txt', 0));
  });

  it('help needs no graph file', () => {
    const run = kg(['query', 'help path', '--graph', join(dir, 'missing.json')]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/path A -> B/);
  });

  it('an unquoted query with -- still works; with -> it asks for quotes', () => {
    const dashes = kg(['query', '--graph', graphFile, 'path', 'HP', '--', 'Actebis']);
    expect(dashes.code).toBe(0);
    expect(dashes.out).toMatch(/^HP -partners_with\(\+1\)- Actebis/m);
    const arrow = kg(['query', '--graph', graphFile, 'path', 'HP', '->', 'Actebis']);
    expect(arrow.code).toBe(2);
    expect(arrow.err).toMatch(/quote the whole query: kg query "path A -> B"/);
  });

  it.each<[string, string | null, RegExp]>([
    ['missing.json', null, /graph file ".*missing\.json" not found\. Run "kg build" first or pass --graph FILE/],
    ['text.json', 'hello', /is not JSON/],
    ['list.json', '[1, 2]', /is not a kg graph: expected a JSON object/],
    ['nodes.json', '{"nodes": [{"key": "a"}], "edges": []}', /node "a" has no string "label"/],
  ])('a graph file that is not a graph (%s) exits 2 with a message', (name, content, message) => {
    const file = join(dir, name);
    if (content !== null) writeFileSync(file, content);
    const run = kg(['query', 'find x', '--graph', file]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('a missing query is a usage error', () => {
    const run = kg(['query', '--graph', graphFile]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/kg query needs a query/);
  });
});

describe('kg console', () => {
  it('runs queries, reports errors and goes on, keeps a history', () => {
    rmSync(historyFile, { force: true });
    const script = ['path "Jean-Christophe Dupuy" -> Microsoft', 'pth x', 'find type:person', '.json on', 'find PGE', '.bogus', '.exit', 'find never-reached'].join('\n');
    const run = kg(['console', '--graph', graphFile], `${script}\n`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/graph\.json: 19 entities, 21 relations/);
    expect(run.out).toMatch(/^Jean-Christophe Dupuy -works_for-> Microsoft/m);
    expect(run.out).toMatch(/Patrice Foliard\s+person/);
    expect(JSON.parse(run.out.slice(run.out.indexOf('{'), run.out.lastIndexOf('}') + 1)).rows[0].node.label).toBe('prêt garanti');
    expect(run.out).not.toMatch(/never-reached/);
    expect(run.err).toMatch(/error: unknown command "pth"/);
    expect(run.err).toMatch(/unknown console command "\.bogus"/);
    expect(readFileSync(historyFile, 'utf8').split('\n')).toEqual([...script.split('\n').slice(0, 7), '']);
  });

  it('.load switches graphs and .run runs a file of queries', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, serializeGraph(generateGraph({ nodes: 30, edges: 40, seed: 2 })));
    const queries = join(dir, 'queries.txt');
    writeFileSync(queries, '# a comment\nfind n1\n\nrelations from n1\n');
    const run = kg(['console', '--graph', graphFile], `.load ${other}\n.run ${queries}\n.load ${join(dir, 'nope.json')}\nfind n2\n`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/other\.json: 30 entities, 40 relations/);
    expect(run.out).toMatch(/\bn1\b/);
    expect(run.err).toMatch(/nope\.json" not found/);
    // The failed .load kept the graph loaded before it.
    expect(run.out).toMatch(/\bn2\s*$/m);
  });

  it('exits 2 when the graph cannot be loaded', () => {
    const run = kg(['console', '--graph', join(dir, 'missing.json')], '');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/not found\. Run "kg build" first/);
  });

  it('Ctrl-C cancels a running query without leaving', async () => {
    const heavy = join(dir, 'heavy.json');
    writeFileSync(heavy, serializeGraph(generateGraph({ nodes: 2000, edges: 60_000, seed: 8 })));
    const child = spawn(process.execPath, ['src/cli/kg.js', 'console', '--graph', heavy], { env: { ...process.env, KG_HISTORY: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const waitFor = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 100));
      if (!test()) throw new Error(`timed out waiting for ${what}; out: ${out}; err: ${err}`);
    };
    await waitFor(() => /entities/.test(out), 'the graph to load');
    child.stdin.write('paths n1 -- n2 max 8 limit 10 cooccur\n');
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    await waitFor(() => /query cancelled/.test(err), 'the cancellation');
    child.stdin.write('path n1 -- n2 cooccur\n');
    await waitFor(() => /\(\d+ hops?[,)]/.test(out), 'the next query');
    child.stdin.end('.exit\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(err).not.toMatch(/\n\s+at /);
  }, 120_000);
});
