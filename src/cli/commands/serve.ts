/**
 * `kg serve`: builds the graph of seeds/ when out/graph.json is missing or older
 * than the texts, then serves the page with Vite and prints its URL. The page
 * fetches `graph.json`, which this server answers from the graph file.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CAC } from 'cac';
import type { Plugin, ViteDevServer } from 'vite';
import { NotFoundError, UsageError } from '../../extract/errors.ts';
import { runBuild } from '../build.ts';
import { listInputs } from '../read-inputs.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import type { RegisterCommand } from './index.ts';

export const VITE_CONFIG = resolve(PROJECT_ROOT, 'vite.config.ts');
export const UI_ROOT = resolve(PROJECT_ROOT, 'src/ui');
/** Where the page asks for its graph. */
export const GRAPH_URL_PATH = '/graph.json';

/**
 * Serves `graphPath` at /graph.json in the dev and preview servers, read on each
 * request (a rebuilt graph shows on reload), and writes it into a static build.
 */
export function graphPlugin(graphPath: string): Plugin {
  const middleware = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== GRAPH_URL_PATH) return next();
    let size: number;
    try {
      size = statSync(graphPath).size;
    } catch {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`graph file "${graphPath}" not found. Run "kg build" first.`);
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(graphPath).pipe(res);
  };
  return {
    name: 'kg-graph',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: GRAPH_URL_PATH.slice(1), source: readFileSync(graphPath) });
    },
  };
}

export interface EnsureGraphOptions {
  /** Texts the default graph is built from. */
  seeds: string;
  /** Folder of the built graph.json. */
  out: string;
  log?: (line: string) => void;
}

/** Newest modification time (ms) of the input texts under `paths`; 0 when there are none. */
export function newestInputTime(paths: string[]): number {
  let newest = 0;
  for (const file of listInputs(paths)) newest = Math.max(newest, statSync(file.path).mtimeMs);
  return newest;
}

/**
 * The graph file to show: `out/graph.json`, built from `seeds` first when it is
 * missing or older than one of the texts.
 */
export async function ensureGraph(options: EnsureGraphOptions): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const graphFile = join(options.out, 'graph.json');
  const built = existsSync(graphFile) ? statSync(graphFile).mtimeMs : -1;
  const newest = newestInputTime([options.seeds]);
  if (built >= newest) return graphFile;
  log(built < 0 ? `kg serve: ${graphFile} is missing; building it from ${options.seeds}…` : `kg serve: the texts in ${options.seeds} are newer than ${graphFile}; rebuilding it…`);
  const summary = await runBuild({ paths: [options.seeds], out: options.out, progress: true, log });
  log(`kg serve: ${summary.graph.order} entities, ${summary.graph.size} relations from ${summary.documents} documents in ${summary.seconds.toFixed(1)} s.`);
  return summary.outFile;
}

export interface ServeOptions {
  /** Graph file to show as is; when absent, `ensureGraph` builds out/graph.json from seeds. */
  graph?: string;
  seeds?: string;
  out?: string;
  host?: string;
  /** Preferred port; the next free one is taken if it is busy. 0 for any free port. */
  port?: number;
  log?: (line: string) => void;
}

export const serveDefaults = { seeds: 'seeds', out: 'out', host: '127.0.0.1', port: 5173 } as const;

/** Starts the Vite dev server on the page with the graph; resolves once it listens. */
export async function serve(options: ServeOptions = {}): Promise<{ server: ViteDevServer; url: string }> {
  const o = { ...serveDefaults, ...options };
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new UsageError(`--port "${options.port}" is not a port number from 0 to 65535.`);
  let graphFile: string;
  if (o.graph !== undefined) {
    if (!existsSync(o.graph)) throw new NotFoundError(`graph file "${o.graph}" not found. Run "kg build" first, or leave out --graph to build seeds/.`);
    graphFile = o.graph;
  } else {
    graphFile = await ensureGraph({ seeds: o.seeds, out: o.out, ...(o.log ? { log: o.log } : {}) });
  }
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: VITE_CONFIG,
    root: UI_ROOT,
    plugins: [graphPlugin(resolve(graphFile))],
    server: { host: o.host, port: o.port, strictPort: false },
    clearScreen: false,
    logLevel: 'warn',
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://${o.host}:${o.port}/`;
  return { server, url };
}

export const registerServe: RegisterCommand = (cli: CAC) => {
  cli
    .command('serve', 'Open the graph in the browser: builds seeds/ into out/graph.json when needed, serves the page and prints its URL')
    .option('--graph <file>', 'Show this graph.json instead of building seeds/')
    .option('--seeds <dir>', 'Texts to build the default graph from', { default: serveDefaults.seeds })
    .option('--out <dir>', 'Folder of the built graph.json', { default: serveDefaults.out })
    .option('--host <host>', 'Address to listen on', { default: serveDefaults.host })
    .option('--port <port>', 'Port (the next free one if busy)', { default: serveDefaults.port })
    .example('kg serve')
    .example('kg serve --graph out/orangesum/graph.json --port 8080')
    .action(async (flags: { graph?: string; seeds: string; out: string; host: string; port: string | number }) => {
      const { url } = await serve({
        ...(flags.graph !== undefined ? { graph: String(flags.graph) } : {}),
        seeds: String(flags.seeds),
        out: String(flags.out),
        host: String(flags.host),
        port: Number(flags.port),
      });
      process.stdout.write(`kg serve: the graph is at ${url}  (Ctrl-C to stop)\n`);
    });
};
