// Loads the CLI: from an esbuild bundle of the TypeScript sources when one can be made, else
// through the tsx loader.
//
// Why a bundle: tsx compiles each module through loader hooks in a thread of their own, which
// costs about 0.4 s at every start and 130 MB of memory in every thread that loads the extractor
// (the main thread and each `kg build` worker). The bundle lives in node_modules/.cache/kg, in a
// folder named after the sources' paths, sizes and modification times, so an edited source gives a
// new bundle on the next run: what runs is always the code in src/.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(CLI_DIR, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'kg');
/**
 * Bundled entry points: the CLI and the worker threads it starts. A worker's file is found by name
 * beside the code that starts it ('./build-worker.js'), in src/cli as in the bundle's folder.
 */
const ENTRIES = {
  main: join(CLI_DIR, 'main.ts'),
  'build-worker': join(CLI_DIR, 'build-worker-main.ts'),
  'console-worker': join(CLI_DIR, 'commands', 'console-worker.ts'),
};
/** Bundles kept besides the newest: a run that started from one of them may still start workers from it. */
const KEEP = 3;

/** Names the bundle of the sources under `root`: their paths, sizes and modification times, and the package files'. */
export function fingerprint(root = ROOT) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        hash.update(`${relative(root, path)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(join(root, 'src'));
  for (const file of ['package.json', 'package-lock.json']) {
    if (existsSync(join(root, file))) hash.update(`${file}\0${statSync(join(root, file)).mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle() {
  const dir = join(CACHE, fingerprint());
  if (existsSync(join(dir, 'main.js'))) return dir;
  const { build } = await import('esbuild');
  // built aside, then renamed into place: a run never sees a half-written bundle
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: ENTRIES,
    outdir: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // the page's build tool and the browser driver stay packages of their own
    external: ['vite', 'playwright-core'],
    // CommonJS dependencies bundled into ESM still call require() for Node's modules
    banner: { js: "import { createRequire as __kgCreateRequire } from 'node:module'; const require = __kgCreateRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  try {
    renameSync(tmp, dir);
  } catch {
    // another run made the same bundle first
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(dir);
  return dir;
}

/** Removes all but the newest bundles, and folders left by runs that stopped while bundling. */
function prune(current) {
  const now = Date.now();
  const entries = readdirSync(CACHE).map((name) => {
    const path = join(CACHE, name);
    return { path, time: statSync(path).mtimeMs, partial: name.includes('.tmp-') };
  });
  for (const { path, time } of entries.filter((e) => e.partial && now - e.time > 600_000)) rmSync(path, { recursive: true, force: true });
  const others = entries.filter((e) => !e.partial && e.path !== current).sort((a, b) => b.time - a.time);
  for (const { path } of others.slice(KEEP)) rmSync(path, { recursive: true, force: true });
}

/**
 * The CLI's `main`, from the bundle, or through tsx when no bundle can be made here (or when
 * KG_NO_BUNDLE=1); `from` says which.
 */
export async function loadCli() {
  if (process.env.KG_NO_BUNDLE !== '1') {
    try {
      const dir = await bundle();
      const { main } = await import(pathToFileURL(join(dir, 'main.js')).href);
      return { main, from: 'bundle' };
    } catch {
      // a read-only install, or esbuild missing: run the sources through tsx instead
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  return { main, from: 'sources' };
}
