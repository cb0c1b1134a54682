/**
 * `kg build-web`: the page as a static site (dist/ by default) with the graph
 * beside it as graph.json, for any static host. Asset paths are relative, so the
 * site also works from a sub-folder.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CAC } from 'cac';
import { NotFoundError } from '../../extract/errors.ts';
import type { RegisterCommand } from './index.ts';
import { UI_ROOT, VITE_CONFIG, ensureGraph, graphPlugin, serveDefaults } from './serve.ts';

export interface BuildWebOptions {
  /** Graph file to ship; when absent, out/graph.json built from seeds when needed. */
  graph?: string;
  seeds?: string;
  out?: string;
  /** Folder of the site; emptied first. */
  dist?: string;
  log?: (line: string) => void;
}

export const buildWebDefaults = { seeds: serveDefaults.seeds, out: serveDefaults.out, dist: 'dist' } as const;

export async function buildWeb(options: BuildWebOptions = {}): Promise<{ dist: string; graphFile: string }> {
  const o = { ...buildWebDefaults, ...options };
  let graphFile: string;
  if (o.graph !== undefined) {
    if (!existsSync(o.graph)) throw new NotFoundError(`graph file "${o.graph}" not found. Run "kg build" first, or leave out --graph to build seeds/.`);
    graphFile = o.graph;
  } else {
    graphFile = await ensureGraph({ seeds: o.seeds, out: o.out, ...(o.log ? { log: o.log } : {}) });
  }
  const dist = resolve(o.dist);
  const { build } = await import('vite');
  await build({
    configFile: VITE_CONFIG,
    root: UI_ROOT,
    plugins: [graphPlugin(resolve(graphFile))],
    build: { outDir: dist, emptyOutDir: true },
    logLevel: 'warn',
  });
  return { dist, graphFile };
}

export const registerBuildWeb: RegisterCommand = (cli: CAC) => {
  cli
    .command('build-web', 'Write the page and its graph as a static site (dist/) for any static host')
    .option('--graph <file>', 'Ship this graph.json instead of building seeds/')
    .option('--seeds <dir>', 'Texts to build the default graph from', { default: buildWebDefaults.seeds })
    .option('--out <dir>', 'Folder of the built graph.json', { default: buildWebDefaults.out })
    .option('--dist <dir>', 'Folder of the site (emptied first)', { default: buildWebDefaults.dist })
    .example('kg build-web')
    .example('kg build-web --graph out/orangesum/graph.json --dist public')
    .action(async (flags: { graph?: string; seeds: string; out: string; dist: string }) => {
      const { dist, graphFile } = await buildWeb({
        ...(flags.graph !== undefined ? { graph: String(flags.graph) } : {}),
        seeds: String(flags.seeds),
        out: String(flags.out),
        dist: String(flags.dist),
      });
      process.stdout.write(`kg build-web: wrote the site to ${dist} (graph from ${graphFile}). Serve that folder with any static server.\n`);
    });
};
