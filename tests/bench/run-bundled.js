// Runs a benchmark script from an esbuild bundle, as the `kg` command runs its own code (see
// src/cli/load.js): under the tsx loader every call across modules goes through a getter, which
// would make the numbers slower than what users get.
//   node tests/bench/run-bundled.js tests/bench/parse.bench.ts [ARGS...]
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [script, ...args] = process.argv.slice(2);
const dir = join('node_modules', '.cache', 'kg-bench');
mkdirSync(dir, { recursive: true });
const outfile = join(dir, basename(script).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(join(process.cwd(), outfile)).href);
