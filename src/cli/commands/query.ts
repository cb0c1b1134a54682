import { UsageError } from '../../extract/errors.ts';
import { formatResult, isEmptyResult, parseQuery, runQuery } from '../../graph/query/index.ts';
import { createGraph } from '../../graph/serialize.ts';
import { readQueryGraph } from '../io.ts';
import type { RegisterCommand } from './index.ts';

export const DEFAULT_GRAPH = 'out/graph.json';

interface QueryFlags {
  graph: string;
  json?: boolean;
  explain?: boolean;
  timeout?: number | string;
  '--'?: string[];
  [unknown: string]: unknown;
}

/**
 * The query text from cac's arguments. Quoting the whole query is the documented way;
 * unquoted, the shell hands `--` to cac as "end of options" (put back here), and `->`
 * or `<-` as options, which cannot be put back reliably: ask for quotes instead.
 */
export function queryText(words: string[], flags: QueryFlags): string {
  const known = new Set(['graph', 'json', 'explain', 'timeout', '--', 'h', 'help']);
  const odd = Object.keys(flags).filter((k) => !known.has(k));
  if (odd.length)
    throw new UsageError(
      `unknown option "${odd[0]!.length === 1 ? '-' : '--'}${odd[0]}" of kg query. If it is part of the query (an arrow -> or <-), quote the whole query: kg query "path A -> B".`,
    );
  const rest = flags['--'] ?? [];
  const text = rest.length ? `${words.join(' ')} -- ${rest.join(' ')}` : words.join(' ');
  if (!text.trim()) throw new UsageError('kg query needs a query, e.g. kg query "path Microsoft -- HP". Run kg query help for the language.');
  return text;
}

export function timeoutOf(value: unknown): number {
  if (value === undefined) return 0;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new UsageError(`--timeout takes a number of milliseconds, got "${String(value)}".`);
  return ms;
}

export const registerQuery: RegisterCommand = (cli, setExitCode) => {
  cli
    .command('query [...query]', 'Run one query on a graph: path, paths, allshortest, neighbors, find, relations, top, communities (kg query help)')
    .option('--graph <file>', 'Graph file written by kg build', { default: DEFAULT_GRAPH })
    .option('--json', 'Print the result as JSON (node and edge keys, rows, evidence)')
    .option('--explain', 'Show the evidence sentence of every hop (same as starting the query with explain)')
    .option('--timeout <ms>', 'Give up after this many milliseconds')
    .allowUnknownOptions()
    .example('kg query "path Microsoft -- HP"')
    .example('kg query "explain path Microsoft -- \\"Tech Data\\"" --graph out/graph.json')
    .example('kg query "neighbors Microsoft depth 2" --json')
    .action((words: string[], flags: QueryFlags) => {
      const text = queryText(words, flags);
      // Parse before loading: a bad query fails fast, whatever the graph.
      const query = parseQuery(text);
      if (flags.explain) query.explain = true;
      const timeoutMs = timeoutOf(flags.timeout);
      // help needs no graph file.
      const graph = query.command === 'help' ? createGraph() : readQueryGraph(String(flags.graph));
      const result = runQuery(graph, query, { timeoutMs });
      process.stdout.write(`${flags.json ? JSON.stringify(result, null, 2) : formatResult(result)}\n`);
      setExitCode(isEmptyResult(result) ? 1 : 0);
    });
};

