import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without type declarations
import { fingerprint } from '../src/cli/load.js';
import { generateGraph } from '../src/graph/generate.ts';
import { parseGraph, serializeGraph, serializeGraphChunks } from '../src/graph/serialize.ts';

const kg = (args: string[]) => spawnSync(process.execPath, ['src/cli/kg.js', ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'kg-test-'));

describe('graph serialisation', () => {
  it('writes the same JSON in pieces as in one string', () => {
    const graph = generateGraph({ nodes: 300, edges: 900 });
    graph.addNode('bare', { label: 'Bare', type: 'place', aliases: [], mentions: [] });
    const pieces = [...serializeGraphChunks(graph, 2000)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(serializeGraph(graph)));
  });

  it('reads a large graph back to the same nodes, edges and adjacency order', () => {
    // Large enough for the dictionary-mode adjacency of importGraph to apply.
    const graph = generateGraph({ nodes: 2000, edges: 30_000, seed: 3 });
    const back = parseGraph(serializeGraph(graph));
    expect(back.export()).toEqual(graph.export());
    let checked = 0;
    graph.forEachNode((node) => {
      expect(back.outEdges(node)).toEqual(graph.outEdges(node));
      expect(back.inEdges(node)).toEqual(graph.inEdges(node));
      expect(back.neighbors(node)).toEqual(graph.neighbors(node));
      checked++;
    });
    expect(checked).toBe(2000);
  });
});

describe('kg build', () => {
  it('builds the seeds into a valid graph with documents, mentions and evidence, and a summary', () => {
    const out = tmp();
    const r = kg(['build', 'seeds', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/5 documents/);
    expect(r.stderr).toMatch(/entities \d+: /);
    const graph = parseGraph(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(graph.getAttribute('documents')).toHaveLength(5);
    const microsoft = graph.findNode((_, a) => a.label === 'Microsoft');
    expect(microsoft).toBeDefined();
    expect(graph.getNodeAttribute(microsoft!, 'mentions').length).toBeGreaterThan(2);
    graph.forEachNode((_, a) => expect(typeof a.x).toBe('number'));
  });

  it('exits 2 naming a missing path and writes nothing', () => {
    const out = tmp();
    const r = kg(['build', 'no/such/folder', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/folder/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(out, 'graph.json'))).toBe(false);
  });

  it('exits 2 with a message, instead of hanging, when --out is under a file or a pseudo file system', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-file'), 'x');
    const underFile = kg(['build', 'seeds/001_9d0f4a62a7897a64.txt', '--out', join(dir, 'a-file', 'out')]);
    expect(underFile.status).toBe(2);
    expect(underFile.stderr).toMatch(/a-file" is a file, not a folder/);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('x');
    if (existsSync('/proc/self')) {
      // Node's recursive mkdir never returns under /proc; the walk up in writeFileAtomic must.
      const r = spawnSync(process.execPath, ['src/cli/kg.js', 'build', 'seeds/001_9d0f4a62a7897a64.txt', '--out', '/proc/kg-no-such/out'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/cannot create the folder "\/proc\/kg-no-such\/out"/);
    }
  });

  it('names the file and line of a malformed JSONL line, exit 2', () => {
    const dir = tmp();
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, '{"id": 1, "text": "Paul Martin dirige Dataxo."}\n{"id": 2, "text": broken}\n');
    const r = kg(['build', file, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:2`);
    expect(existsSync(join(dir, 'out', 'graph.json'))).toBe(false);
  });

  it('skips empty and binary files with a warning, reads Windows-1252, accepts a text without entities', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin.txt'), Buffer.from('La société Dataxo a été créée à Lyon par Paul Martin.', 'latin1'));
    writeFileSync(join(dir, 'plain.txt'), 'il fait beau et rien ne se passe ici.');
    const r = kg(['build', dir, '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/empty\.txt: empty file, skipped/);
    expect(r.stderr).toMatch(/binary\.txt: binary file/);
    expect(r.stderr).toMatch(/latin\.txt: not valid UTF-8, read as Windows-1252/);
    const graph = parseGraph(readFileSync(join(dir, 'out', 'graph.json'), 'utf8'));
    expect(graph.getAttribute('documents').map((d) => d.id).sort()).toEqual(['latin.txt', 'plain.txt']);
    expect(graph.someNode((_, a) => a.label === 'Dataxo')).toBe(true);
  });

  it('rejects a bad rules file with its name, exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ rules: [{ id: 'x', relation: 'funds', pattern: '$s:nobody finance $t:organization' }] }));
    const r = kg(['build', 'seeds', '--rules', join(dir, 'rules.json'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rules\.json: rule "x": unknown entity type "nobody"/);
  });

  it.each([
    [{ id: 'd1', relation: 'funds', dep: [{ id: 'v', lemma: ['financer'] }, { id: 's', from: 'v', rel: '>subject', ent: ['organization'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }] }, /rules\.json: rule "d1": unknown dependency label "subject" \(known: acl, .*nsubj.*\)/],
    [{ id: 'd2', relation: 'funds', dep: [{ id: 'v', upos: ['VERBE'] }, { id: 's', from: 'v', rel: '>nsubj', ent: ['organization'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }] }, /rules\.json: rule "d2": unknown UPOS "VERBE" \(known: ADJ, .*VERB.*\)/],
    [{ id: 'd3', relation: 'likes', dep: [{ id: 'v' }, { id: 's', from: 'v', rel: '>nsubj', ent: ['person'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }] }, /rules\.json: rule "d3": unknown relation "likes" \(known: .*funds.*\)/],
    [{ id: 'd4', relation: 'funds', dep: [{ id: 'v' }, { id: 's', from: 'w', rel: '>nsubj', ent: ['organization'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }] }, /rules\.json: rule "d4": node "s": "from" must name an earlier node/],
  ])('rejects a dependency rule with a bad token, naming the file, the rule and the token, exit 2', (rule, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ rules: [rule] }));
    const r = kg(['build', 'seeds', '--rules', join(dir, 'rules.json'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'out', 'graph.json'))).toBe(false);
  });

  it('applies a dependency rule of a user rules file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'doc.txt'), 'La société Dataxo sponsorise la société Bretix depuis 2015.');
    const rule = { id: 'user.funds.sponsoriser', relation: 'funds', dep: [{ id: 'v', lemma: ['sponsoriser'] }, { id: 's', from: 'v', rel: '>nsubj', ent: ['organization'] }, { id: 't', from: 'v', rel: '>obj', ent: ['organization'] }] };
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ rules: [rule] }));
    const r = kg(['build', join(dir, 'doc.txt'), '--rules', join(dir, 'rules.json'), '--out', join(dir, 'out')]);
    expect(r.status, r.stderr).toBe(0);
    const graph = parseGraph(readFileSync(join(dir, 'out', 'graph.json'), 'utf8'));
    const links = graph.mapEdges((_, a, s, t) => [graph.getNodeAttribute(s, 'label'), a.relation, graph.getNodeAttribute(t, 'label'), a.pattern]);
    expect(links).toContainEqual(['Dataxo', 'funds', 'Bretix', 'user.funds.sponsoriser']);
  });

  /** Builds `inputs` twice, with the extra arguments and environment of each run, and expects the same graph. */
  const expectSameGraph = (inputs: string[], one: { args: string[]; env?: NodeJS.ProcessEnv }, two: { args: string[]; env?: NodeJS.ProcessEnv }) => {
    const dir = tmp();
    const graphs = [one, two].map((run, k) => {
      const out = join(dir, String(k));
      const r = spawnSync(process.execPath, ['src/cli/kg.js', 'build', ...inputs, '--out', out, ...run.args], { encoding: 'utf8', env: { ...process.env, ...run.env } });
      expect(r.status, r.stderr).toBe(0);
      return parseGraph(readFileSync(join(out, 'graph.json'), 'utf8')).export();
    });
    expect(graphs[0]!.nodes.length).toBeGreaterThan(50);
    expect(graphs[1]!.nodes).toEqual(graphs[0]!.nodes);
    expect(graphs[1]!.edges).toEqual(graphs[0]!.edges);
  };

  it('builds the same graph with a worker thread as in one thread', () => {
    expectSameGraph(['tests/fixtures/dev-news.jsonl', 'seeds'], { args: ['--workers', '0'] }, { args: ['--workers', '1'] });
  });

  it('builds the same graph from the bundle of the sources as through the TypeScript loader', () => {
    const from = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', "const { loadCli } = await import('./src/cli/load.js'); console.log((await loadCli()).from);"], { encoding: 'utf8', env: { ...process.env, ...env } }).stdout.trim();
    expect(from({})).toBe('bundle');
    expect(from({ KG_NO_BUNDLE: '1' })).toBe('sources');
    expectSameGraph(['tests/fixtures/dev-news.jsonl'], { args: ['--workers', '1'] }, { args: ['--workers', '1'], env: { KG_NO_BUNDLE: '1' } });
  });

  it('names a new bundle when a source file changes', () => {
    const root = tmp();
    mkdirSync(join(root, 'src', 'extract'), { recursive: true });
    writeFileSync(join(root, 'src', 'extract', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'package.json'), '{}');
    const first = fingerprint(root);
    expect(fingerprint(root)).toBe(first);
    utimesSync(join(root, 'src', 'extract', 'a.ts'), new Date(), new Date(Date.now() + 5000));
    const touched = fingerprint(root);
    expect(touched).not.toBe(first);
    writeFileSync(join(root, 'src', 'b.ts'), '');
    expect(fingerprint(root)).not.toBe(touched);
  });

  it('handles a large text file in bounded pieces', () => {
    const dir = tmp();
    const paragraph = 'La société Dataxo, basée à Lyon, a levé 5 millions d’euros auprès de Bpifrance. Paul Martin, président de Dataxo, se félicite.\n';
    writeFileSync(join(dir, 'big.txt'), paragraph.repeat(4_000));
    const r = kg(['build', join(dir, 'big.txt'), '--out', join(dir, 'out'), '--no-layout']);
    expect(r.status).toBe(0);
    const graph = parseGraph(readFileSync(join(dir, 'out', 'graph.json'), 'utf8'));
    const dataxo = graph.findNode((_, a) => a.label === 'Dataxo')!;
    const mentions = graph.getNodeAttribute(dataxo, 'mentions');
    expect(mentions.length).toBeGreaterThan(4_000);
    const text = readFileSync(join(dir, 'big.txt'), 'utf8');
    for (const m of mentions.slice(-3)) expect(text.slice(m.start, m.end)).toBe('Dataxo');
  });
});
