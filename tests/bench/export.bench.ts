/**
 * Benchmark of the GEXF export on a generated graph of 100,000 nodes and 500,000
 * edges (target: ≤ 10 s, ≤ 2 GB). Not a test. Each measurement runs in a fresh
 * process so that its peak RSS is its own:
 *   1. writer    — writeGexfTo, encodeBlocks and the atomic write, as kg export does, on a
 *                  graph generated in memory with seeded positions; peak RSS includes the graph.
 *   2. kg export — the whole command on that graph saved as graph.json (reading,
 *                  validating and importing the JSON included), peak RSS from /usr/bin/time;
 *                  then readGraphFile alone, to show how the time splits.
 *   --compare    — also graphology-gexf's own writer (version 1.3, pedantic) on the same graph.
 *   --validate   — also xmllint --stream the written file against ../shared/gexf-schema's 1.3 XSD.
 *   npm run bench:export [-- --nodes N --edges M --compare --validate]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeBlocks } from '../../src/cli/commands/export.ts';
import { readGraphFile, writeFileAtomic } from '../../src/cli/io.ts';
import { EDGE_COLUMNS, NODE_COLUMNS, RELATION_COLORS, TYPE_COLORS, writeGexfTo, type Column } from '../../src/graph/export/index.ts';
import { generateGraph } from '../../src/graph/generate.ts';
import { seedPositions } from '../../src/graph/layout.ts';
import { serializeGraph } from '../../src/graph/serialize.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const nodes = Number(value('nodes', '100000'));
const edges = Number(value('edges', '500000'));
const phase = value('phase', 'main');
const out = value('out', '');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peak = () => process.resourceUsage().maxRSS * 1024;

function makeGraph() {
  const started = performance.now();
  const graph = generateGraph({ nodes, edges, seed: 1 });
  seedPositions(graph);
  return { graph, seconds: (performance.now() - started) / 1000 };
}

/** Child phase: one measurement, printed as one JSON line. */
async function runPhase(): Promise<void> {
  if (phase === 'read') {
    const started = performance.now();
    readGraphFile(out);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ generated: 0, seconds, peakBefore: 0, peak: peak(), bytes: statSync(out).size })}\n`);
    return;
  }
  const { graph, seconds: generated } = makeGraph();
  const before = peak();
  const started = performance.now();
  if (phase === 'writer') {
    // As kg export does it.
    const blocks: string[] = [];
    writeGexfTo(graph, (block) => blocks.push(block));
    writeFileAtomic(out, encodeBlocks(blocks));
  } else if (phase === 'graphology-gexf') {
    // Same attributes as writeGexf, through graphology-gexf's writer (raw kg attributes hold objects it cannot write).
    const { default: gexf } = await import('graphology-gexf');
    const context = { texts: undefined };
    const flat = <A>(columns: readonly Column<A>[], attrs: A) =>
      Object.fromEntries(columns.map((c) => [c.id, c.value(attrs, context)]).filter(([, v]) => v !== undefined));
    const text = gexf.write(graph, {
      version: '1.3',
      pedantic: true,
      formatNode: (_key, a) => ({ label: a.label, attributes: flat(NODE_COLUMNS, a), viz: { color: TYPE_COLORS[a.type], size: 4, x: a.x, y: a.y } }),
      formatEdge: (_key, a) => ({ label: a.relation, kind: a.relation, weight: a.weight, attributes: flat(EDGE_COLUMNS, a), viz: { color: RELATION_COLORS[a.relation] } }),
    });
    writeFileAtomic(out, text);
  } else if (phase === 'save') {
    writeFileAtomic(out, serializeGraph(graph));
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ generated, seconds, peakBefore: before, peak: peak(), bytes: statSync(out).size })}\n`);
}

function child(phaseName: string, file: string): { generated: number; seconds: number; peakBefore: number; peak: number; bytes: number } {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--phase', phaseName, '--out', file, '--nodes', String(nodes), '--edges', String(edges)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`phase ${phaseName} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-export-'));
  const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  try {
    process.stdout.write(`graph: ${nodes} nodes, ${edges} edges (generateGraph, seeded positions)\n`);

    const w = child('writer', join(dir, 'writer.gexf'));
    process.stdout.write(
      `writer:    ${w.seconds.toFixed(2)} s for ${(w.bytes / 1e6).toFixed(0)} MB of GEXF; peak RSS ${mb(w.peak)} (graph alone: ${mb(w.peakBefore)}; generating it took ${w.generated.toFixed(1)} s)\n`,
    );

    const s = child('save', join(dir, 'graph.json'));
    const graphJson = join(dir, 'graph.json');
    const cli = join(dir, 'cli.gexf');
    const started = performance.now();
    const timed = existsSync('/usr/bin/time');
    const command = [join(repo, 'src/cli/kg.js'), 'export', '--graph', graphJson, '--out', cli];
    const r = timed
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...command], { encoding: 'utf8' })
      : spawnSync(process.execPath, command, { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`kg export failed:\n${r.stderr}`);
    const peakKb = timed ? Number(r.stderr.trim().split('\n').pop()) : NaN;
    const read = child('read', graphJson);
    process.stdout.write(
      `kg export: ${seconds.toFixed(2)} s wall (process start and reading the ${(s.bytes / 1e6).toFixed(0)} MB graph.json included); peak RSS ${timed ? mb(peakKb * 1024) : 'n/a (no /usr/bin/time)'}\n` +
        `           of which readGraphFile alone: ${read.seconds.toFixed(2)} s, peak RSS ${mb(read.peak)}\n`,
    );

    if (flag('compare')) {
      const g = child('graphology-gexf', join(dir, 'graphology.gexf'));
      process.stdout.write(`graphology-gexf writer (1.3, pedantic), same graph: ${g.seconds.toFixed(2)} s, peak RSS ${mb(g.peak)} (graph alone: ${mb(g.peakBefore)})\n`);
    }

    if (flag('validate')) {
      const schema = resolve(repo, '../shared/gexf-schema/1.3-fixed/gexf.xsd');
      const started = performance.now();
      // --stream: the XSD is checked while reading, so memory stays flat (a DOM of this file would take GBs).
      const v = spawnSync('/usr/bin/xmllint', ['--noout', '--stream', '--huge', '--schema', schema, cli], { encoding: 'utf8' });
      process.stdout.write(`xmllint --schema: ${v.stderr.trim().split('\n').pop()} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await (phase === 'main' ? main() : runPhase());
