/**
 * Benchmark of `kg build` on the OrangeSum corpus (10 M characters of French news):
 * MB/s end to end (reading, extraction in worker threads, graph, layout, writing) and
 * peak memory of the whole process tree as seen by the OS. Not a test.
 *   npm run bench [-- FILE]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const corpus = process.argv[2] ?? '../shared/corpora/orangesum/orangesum_economy_subset.jsonl';
const out = mkdtempSync(join(tmpdir(), 'kg-bench-'));
const started = performance.now();
// /usr/bin/time reports the peak RSS of the main process; worker threads share it.
const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'src/cli/kg.js', 'build', corpus, '--out', out], { encoding: 'utf8' });
const seconds = (performance.now() - started) / 1000;
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const lines = run.stderr.trim().split('\n');
const peakKb = Number(lines[lines.length - 1]);
const bytes = statSync(corpus).size;
process.stdout.write(lines.slice(0, -1).join('\n') + '\n');
process.stdout.write(`corpus ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s wall (process start included): ${(bytes / 1e6 / seconds).toFixed(2)} MB/s; peak RSS ${(peakKb / 1024).toFixed(0)} MB\n`);
rmSync(out, { recursive: true, force: true });
