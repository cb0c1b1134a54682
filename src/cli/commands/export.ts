import { existsSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../../extract/errors.ts';
import {
  EXPORT_FORMATS,
  isExportFormat,
  neo4jImportCommand,
  writeCypher,
  writeGexfTo,
  writeGraphml,
  writeJson,
  writeNeo4jCsv,
  type ExportFormat,
} from '../../graph/export/index.ts';
import { layoutGraph } from '../../graph/layout.ts';
import type { KgGraph } from '../../graph/types.ts';
import { readGraphFile, writeFileAtomic } from '../io.ts';
import type { RegisterCommand } from './index.ts';

export interface ExportCommandOptions {
  format?: string;
  out?: string;
  graph?: string;
  layout?: boolean;
}

export interface ExportReport {
  format: ExportFormat;
  /** Files written, in order. */
  files: string[];
  nodes: number;
  edges: number;
  /** Whether a layout was computed. */
  laidOut: boolean;
  /** For csv: the neo4j-admin command that imports the files. */
  importCommand?: string;
}

const FORMAT_LIST = Object.keys(EXPORT_FORMATS).join(', ');

const EXTENSION_FORMATS: Record<string, ExportFormat> = {
  '.gexf': 'gexf',
  '.graphml': 'graphml',
  '.json': 'json',
  '.cypher': 'cypher',
  '.cql': 'cypher',
};

/** The format from --format, else from the --out extension, else GEXF. */
export function resolveFormat(format: unknown, out: string | undefined): ExportFormat {
  if (format !== undefined) {
    if (typeof format !== 'string' || !isExportFormat(format)) {
      throw new UsageError(`unknown export format "${String(format)}". Use --format with one of: ${FORMAT_LIST}.`);
    }
    return format;
  }
  if (out === undefined) return 'gexf';
  const fromExtension = EXTENSION_FORMATS[extname(out).toLowerCase()];
  if (!fromExtension) {
    throw new UsageError(`cannot tell the export format from "${out}". Add --format with one of: ${FORMAT_LIST}.`);
  }
  return fromExtension;
}

/** Where the export goes when --out is not given: beside the graph file, named after it. */
export function defaultOutput(graphPath: string, format: ExportFormat): string {
  const dir = dirname(graphPath);
  const stem = basename(graphPath, extname(graphPath)) || 'graph';
  if (format === 'csv') return join(dir, `${stem}-neo4j`);
  if (format === 'json') return join(dir, `${stem}.export.json`);
  return join(dir, `${stem}${EXPORT_FORMATS[format].extension}`);
}

/**
 * Fails early, before any layout is computed, when the output cannot be written:
 * a file format pointed at a folder, a folder pointed at a file, or a parent that is
 * a file or not writable.
 */
function checkOutput(out: string, format: ExportFormat, graphPath: string): void {
  if (resolve(out) === resolve(graphPath)) {
    throw new UsageError(`--out "${out}" is the input graph; choose another file so the graph is not overwritten.`);
  }
  const wantsFolder = format === 'csv';
  if (existsSync(out)) {
    const isDir = statSync(out).isDirectory();
    if (isDir && !wantsFolder) {
      throw new UsageError(`--out "${out}" is a folder; pass a file path such as ${join(out, `graph${EXPORT_FORMATS[format].extension}`)}.`);
    }
    if (!isDir && wantsFolder) {
      throw new UsageError(`--out "${out}" is a file; --format csv writes two files, so pass a folder path.`);
    }
  }
  let ancestor = resolve(wantsFolder ? out : dirname(out));
  while (!existsSync(ancestor)) ancestor = dirname(ancestor);
  if (!statSync(ancestor).isDirectory()) {
    throw new InputError(`cannot write "${out}": "${ancestor}" is a file, not a folder. Choose another --out.`);
  }
  try {
    accessSync(ancestor, constants.W_OK);
  } catch {
    throw new InputError(`cannot write "${out}": the folder "${ancestor}" is not writable. Choose another --out.`);
  }
}

function hasAllPositions(graph: KgGraph): boolean {
  let ok = true;
  graph.someNode((_, a) => {
    ok = typeof a.x === 'number' && typeof a.y === 'number' && Number.isFinite(a.x) && Number.isFinite(a.y);
    return !ok;
  });
  return ok;
}

/** Writes files that belong together: if one fails, the ones this call created are removed again. */
function writeTogether(files: [string, string][]): void {
  const created: string[] = [];
  try {
    for (const [path, text] of files) {
      const existed = existsSync(path);
      writeFileAtomic(path, text);
      if (!existed) created.push(path);
    }
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    throw error;
  }
}

/** `kg export`: reads the graph, lays it out if needed, writes one format. */
export function runExport(options: ExportCommandOptions, log: (line: string) => void = () => {}): ExportReport {
  const graphPath = String(options.graph ?? 'out/graph.json');
  const outOption = options.out === undefined ? undefined : String(options.out);
  const format = resolveFormat(options.format, outOption);
  const out = outOption ?? defaultOutput(graphPath, format);
  checkOutput(out, format, graphPath);

  const graph = readGraphFile(graphPath);
  const needsLayout = options.layout === true || (EXPORT_FORMATS[format].positions && graph.order > 0 && !hasAllPositions(graph));
  if (needsLayout) {
    log(`computing a ForceAtlas2 layout for ${graph.order} nodes…`);
    layoutGraph(graph);
  }

  const report: ExportReport = { format, files: [], nodes: graph.order, edges: graph.size, laidOut: needsLayout };
  switch (format) {
    case 'gexf': {
      const blocks: string[] = [];
      writeGexfTo(graph, (block) => blocks.push(block));
      writeFileAtomic(out, encodeBlocks(blocks));
      report.files.push(out);
      break;
    }
    case 'graphml':
      writeFileAtomic(out, writeGraphml(graph));
      report.files.push(out);
      break;
    case 'json':
      writeFileAtomic(out, writeJson(graph));
      report.files.push(out);
      break;
    case 'cypher':
      writeFileAtomic(out, writeCypher(graph));
      report.files.push(out);
      break;
    case 'csv': {
      const csv = writeNeo4jCsv(graph);
      const nodesPath = join(out, 'nodes.csv');
      const relationshipsPath = join(out, 'relationships.csv');
      writeTogether([
        [nodesPath, csv.nodes],
        [relationshipsPath, csv.relationships],
      ]);
      report.files.push(nodesPath, relationshipsPath);
      report.importCommand = neo4jImportCommand(nodesPath, relationshipsPath, csv.arrayDelimiter);
      break;
    }
  }
  return report;
}

/**
 * UTF-8 bytes of text blocks, in one buffer allocated once. Measured on 100k nodes /
 * 500k edges: one buffer per block, or a buffer grown by doubling, made V8 run a full
 * garbage collection over the whole graph for every ~100 MB of new external memory
 * (about 1 s each); joining the blocks into one string first costs a copy and fails
 * beyond the longest JS string (~512 M UTF-16 units). Empties `blocks` as it goes.
 */
export function encodeBlocks(blocks: string[]): Buffer {
  let total = 0;
  for (const block of blocks) total += Buffer.byteLength(block, 'utf8');
  const bytes = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    at += bytes.write(blocks[i]!, at, 'utf8');
    blocks[i] = '';
  }
  return bytes;
}

function formatSize(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export const registerExport: RegisterCommand = (cli) => {
  cli
    .command('export', 'Write the graph for Gephi (GEXF 1.3), GraphML tools, Neo4j (CSV or Cypher) or as JSON')
    .option('--format <format>', `${FORMAT_LIST} (default: from the --out extension, else gexf)`)
    .option('--out <path>', 'output file, or folder for csv (default: beside the graph, e.g. out/graph.gexf)')
    .option('--graph <file>', 'graph file written by kg build', { default: 'out/graph.json' })
    .option('--layout', 'compute a ForceAtlas2 layout first (gexf and graphml get one anyway when nodes have no position)')
    .example('kg export --format gexf --out graph.gexf')
    .example('kg export --format csv --out neo4j-import')
    .action((options: ExportCommandOptions) => {
      const report = runExport(options, (line) => process.stderr.write(`kg export: ${line}\n`));
      for (const file of report.files) {
        process.stdout.write(`wrote ${file} (${formatSize(statSync(file).size)})\n`);
      }
      process.stdout.write(`${report.nodes} nodes, ${report.edges} edges, format ${report.format}: ${EXPORT_FORMATS[report.format].description}\n`);
      if (report.importCommand) {
        process.stdout.write(`import into a stopped Neo4j 5 with:\n  ${report.importCommand}\n`);
      }
    });
};
