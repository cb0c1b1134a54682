/**
 * Benchmark of the query engine on a generated graph (default 100,000 nodes and
 * 1,000,000 edges): load time (serialise → parseGraph), index build, then p50/p90/max
 * of queries between random entities, and the peak RSS of the process. Not a test.
 *   npm run bench:query [-- NODES EDGES QUERIES]
 */
import { generateGraph } from '../../src/graph/generate.ts';
import { runQuery, indexGraph, isEmptyResult } from '../../src/graph/query/index.ts';
import { parseGraph, serializeGraph } from '../../src/graph/serialize.ts';
import { seededRandom } from '../../src/graph/layout.ts';

const nodes = Number(process.argv[2] ?? 100_000);
const edges = Number(process.argv[3] ?? 1_000_000);
const queries = Number(process.argv[4] ?? 200);

const ms = (start: number) => performance.now() - start;
const line = (text: string) => process.stdout.write(`${text}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const rss = () => mb(process.memoryUsage().rss);

let start = performance.now();
let text: string;
{
  // The generated graph is dropped once serialised, as if the JSON came from a file.
  const generated = generateGraph({ nodes, edges, seed: 1 });
  line(`generated ${nodes} nodes, ${edges} edges in ${(ms(start) / 1000).toFixed(2)} s`);
  start = performance.now();
  text = serializeGraph(generated);
}
const serializeMs = ms(start);
start = performance.now();
const graph = parseGraph(text, 'generated');
const parseMs = ms(start);
line(`load: serialise ${(serializeMs / 1000).toFixed(2)} s (${mb(text.length)} of JSON), parseGraph ${(parseMs / 1000).toFixed(2)} s; RSS ${rss()}`);
text = '';

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
line(`peak RSS ${mb(peakKb * 1024)} (generation and JSON parsing included); RSS now ${rss()}, heap ${mb(process.memoryUsage().heapUsed)}`);
