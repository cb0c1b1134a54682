/**
 * Benchmark of the query engine on a generated graph (default 100,000 nodes and
 * 1,000,000 edges). The graph is generated and written to a temporary graph.json
 * first; a fresh process then loads it as `kg query --graph` does (readQueryGraph:
 * the read-only StoredGraph, see src/graph/stored-graph.ts), builds the query indexes, and measures p50/p90/max
 * of queries between random entities and its own peak RSS. Not a test.
 *   npm run bench:query [-- NODES EDGES QUERIES]
 *   npm run bench:query -- --graph FILE [QUERIES]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGraph } from '../../src/graph/generate.ts';
import { runQuery, indexGraph, isEmptyResult } from '../../src/graph/query/index.ts';
import { serializeGraphChunks } from '../../src/graph/serialize.ts';
import { seededRandom } from '../../src/graph/layout.ts';
import { readQueryGraph, writeFileAtomic } from '../../src/cli/io.ts';

const ms = (start: number) => performance.now() - start;
const line = (text: string) => process.stdout.write(`${text}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rss = () => mb(process.memoryUsage().rss);

if (process.argv[2] !== '--graph') {
  const nodes = Number(process.argv[2] ?? 100_000);
  const edges = Number(process.argv[3] ?? 1_000_000);
  const queries = process.argv[4] ?? '200';
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-query-'));
  const file = join(dir, 'graph.json');
  try {
    const start = performance.now();
    writeFileAtomic(file, serializeGraphChunks(generateGraph({ nodes, edges, seed: 1 })));
    line(`generated ${nodes} nodes, ${edges} edges and wrote ${mb(statSync(file).size)} of JSON in ${(ms(start) / 1000).toFixed(2)} s`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--graph', file, queries], { stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  measureQueries(process.argv[3]!, Number(process.argv[4] ?? 200));
}

function measureQueries(file: string, queries: number): void {
  let start = performance.now();
  const graph = readQueryGraph(file);
  line(`load (read, parse, validate; fresh process, as kg query): ${(ms(start) / 1000).toFixed(2)} s for ${graph.order} nodes, ${graph.size} edges; RSS ${rss()}`);

  start = performance.now();
  indexGraph(graph);
  line(`query index: ${ms(start).toFixed(0)} ms; RSS ${rss()}`);
  start = performance.now();
  runQuery(graph, 'find n0');
  line(`name index (first query): ${ms(start).toFixed(0)} ms`);

  const random = seededRandom(7);
  const labels: string[] = [];
  graph.forEachNode((_key, a) => void labels.push(a.label));
  const pick = () => labels[Math.floor(random() * labels.length)]!;

  function measure(name: string, make: () => string, count = queries): void {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < count; i++) {
      const query = make();
      const t = performance.now();
      const result = runQuery(graph, query);
      times.push(ms(t));
      if (!isEmptyResult(result)) found++;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    line(`${name.padEnd(34)} p50 ${at(0.5).padStart(7)} ms   p90 ${at(0.9).padStart(7)} ms   max ${at(1).padStart(7)} ms   (${found}/${count} with a result)`);
  }

  measure('path A -> B', () => `path "${pick()}" -> "${pick()}"`);
  measure('path A -- B', () => `path "${pick()}" -- "${pick()}"`);
  measure('path A -- B via funds,owns', () => `path "${pick()}" -- "${pick()}" via funds,owns`);
  measure('path A -- B cooccur', () => `path "${pick()}" -- "${pick()}" cooccur`, Math.min(queries, 50));
  measure('neighbors A depth 2', () => `neighbors "${pick()}" depth 2`);
  measure('neighbors A depth 2 type person', () => `neighbors "${pick()}" depth 2 type person`);
  measure('allshortest A -- B', () => `allshortest "${pick()}" -- "${pick()}"`, Math.min(queries, 50));
  measure('paths A -- B max 3', () => `paths "${pick()}" -- "${pick()}" max 3`, Math.min(queries, 50));
  measure('find name~TEXT', () => `find name~${pick().slice(0, 4)}`, Math.min(queries, 50));
  measure('relations from A', () => `relations from "${pick()}"`, Math.min(queries, 50));
  for (const query of ['top degree', 'top pagerank', 'top betweenness', 'communities']) measure(query, () => query, 1);

  const peakKb = process.resourceUsage().maxRSS;
  line(`peak RSS of the query process ${mb(peakKb * 1024)}; RSS now ${rss()}, heap ${mb(process.memoryUsage().heapUsed)}`);
}
