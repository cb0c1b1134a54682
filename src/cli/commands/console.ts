/**
 * `kg console`: a query REPL. The graph lives in a worker thread (console-worker.ts)
 * so that Ctrl-C can cancel a running query without leaving: the main thread sets a
 * shared flag that the engine checks inside its loops. A query stuck in a library
 * call that does not look at the flag (Louvain, PageRank) is stopped by restarting
 * the worker, which reloads the graph.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import { InputError, NotFoundError } from '../../extract/errors.ts';
import { completeQuery, queryOptionDefaults } from '../../graph/query/index.ts';
import { DEFAULT_GRAPH } from './query.ts';
import type { RegisterCommand } from './index.ts';
import type { WorkerReply, WorkerRequest } from './console-worker.ts';

const HISTORY_SIZE = 1000;
/**
 * Work budget of console queries: ten times the default, since Ctrl-C can stop them
 * (counting the paths beyond a limit goes on longer before saying "at least N more").
 */
const CONSOLE_MAX_WORK = 10 * queryOptionDefaults.maxWork;
/** How long a cancelled query may take to notice the flag before its worker is restarted. */
const CANCEL_GRACE_MS = 1500;

export const CONSOLE_HELP = `Console commands:
  .load FILE    load another graph file
  .run FILE     run the queries of a file, one per line (# starts a comment)
  .json [on|off] print results as JSON
  .exit         leave (or Ctrl-D); Ctrl-C cancels a running query
  Tab completes commands, options, relations, types and entity names.`;

/** The history file: $KG_HISTORY when set (empty: no history), else ~/.kg_history. */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.KG_HISTORY !== undefined) return env.KG_HISTORY.trim() || null;
  return join(homedir(), '.kg_history');
}

function readHistory(path: string | null): string[] {
  if (!path) return [];
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(-HISTORY_SIZE);
  } catch {
    return [];
  }
}

function appendHistory(path: string | null, line: string, lines: string[]): void {
  if (!path) return;
  try {
    lines.push(line);
    if (lines.length > 2 * HISTORY_SIZE) {
      lines.splice(0, lines.length - HISTORY_SIZE);
      writeFileSync(path, `${lines.join('\n')}\n`);
    } else appendFileSync(path, `${line}\n`);
  } catch {
    // A history that cannot be written must not stop the console.
  }
}

export interface ConsoleOptions {
  graph: string;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  errors?: NodeJS.WritableStream;
}

/** Runs the console until .exit, Ctrl-D or the end of input. Throws a KgError when the first graph cannot be loaded. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const errors = options.errors ?? process.stderr;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const say = (text: string): void => void output.write(`${text}\n`);
  const warn = (text: string): void => void errors.write(`${text}\n`);

  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  let pending: ((reply: WorkerReply) => void) | null = null;
  let names: string[] = [];
  let graphPath = options.graph;
  let json = false;
  let nextId = 1;

  const startWorker = () => {
    worker = new Worker(new URL('./console-worker.js', import.meta.url), { workerData: { flag: flag.buffer } });
    worker.on('message', (reply: WorkerReply) => {
      const resolve = pending;
      pending = null;
      resolve?.(reply);
    });
    worker.on('error', (error) => {
      const resolve = pending;
      pending = null;
      resolve?.({ type: 'error', id: null, message: (error as Error).stack ?? String(error), cancelled: false, bug: true });
    });
  };
  const send = (request: WorkerRequest) =>
    new Promise<WorkerReply>((resolve) => {
      pending = resolve;
      worker.postMessage(request);
    });
  /** Settled when the worker holds a graph (after a restart, when it has reloaded it). */
  let ready: Promise<void> = Promise.resolve();
  const ask = async (request: WorkerRequest) => {
    await ready;
    return send(request);
  };

  const load = async (path: string): Promise<void> => {
    const reply = await send({ type: 'load', path });
    if (reply.type === 'error') {
      if (reply.bug) throw new Error(reply.message);
      throw new InputError(reply.message);
    }
    if (reply.type !== 'loaded') return;
    names = reply.names;
    graphPath = path;
    say(`${path}: ${reply.nodes} entities, ${reply.edges} relations (loaded in ${Math.round(reply.ms)} ms). Type help, or .exit to leave.`);
  };

  startWorker();
  try {
    await load(graphPath);
  } catch (error) {
    await worker!.terminate();
    throw error;
  }

  const historyFile = historyPath();
  const history = readHistory(historyFile);
  const rl = readline.createInterface({
    input,
    output,
    terminal: interactive,
    historySize: HISTORY_SIZE,
    history: [...history].reverse(),
    completer: (line: string) => completeQuery(line, names),
  });
  rl.setPrompt('kg> ');

  let running = false;
  let cancelTimer: NodeJS.Timeout | undefined;
  const cancel = () => {
    Atomics.store(flag, 0, 1);
    clearTimeout(cancelTimer);
    cancelTimer = setTimeout(() => {
      if (!running || !pending) return;
      // The query is inside a library call that never looks at the flag: restart the worker.
      const resolve = pending;
      pending = null;
      void worker.terminate();
      resolve({ type: 'error', id: null, message: 'query cancelled (the graph is being reloaded).', cancelled: true, bug: false });
      startWorker();
      ready = load(graphPath).catch((error) => warn(`error: ${(error as Error).message}`));
    }, CANCEL_GRACE_MS);
  };

  const runQueryLine = async (text: string) => {
    running = true;
    try {
      const reply = await ask({ type: 'query', id: nextId++, text, json, maxWork: CONSOLE_MAX_WORK });
      if (reply.type === 'result') {
        say(reply.text);
        if (interactive) say(`(${Math.round(reply.ms)} ms)`);
      } else if (reply.type === 'error') {
        if (reply.cancelled) warn(reply.message);
        else if (reply.bug) warn(`kg console: internal error (please report it):\n${reply.message}`);
        else warn(`error: ${reply.message}`);
      }
    } finally {
      running = false;
      clearTimeout(cancelTimer);
    }
  };

  let closing = false;
  /** Lines to run; `typed` ones (not from .run) go into the history when run. */
  const queue: { line: string; typed: boolean }[] = [];
  const handle = async (raw: string, typed: boolean): Promise<void> => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (typed) appendHistory(historyFile, raw, history);
    const [word = '', ...rest] = line.split(/\s+/);
    const argument = rest.join(' ');
    switch (word.toLowerCase()) {
      case '.exit':
      case '.quit':
        closing = true;
        queue.length = 0;
        rl.close();
        return;
      case '.load':
        if (!argument) return warn('error: .load needs a graph file, e.g. .load out/graph.json');
        try {
          await load(argument);
        } catch (error) {
          warn(`error: ${(error as Error).message}`);
        }
        return;
      case '.run': {
        if (!argument) return warn('error: .run needs a file of queries, one per line.');
        let text: string;
        try {
          text = readFileSync(argument, 'utf8');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          return warn(`error: ${code === 'ENOENT' ? new NotFoundError(`no file "${argument}".`).message : (error as Error).message}`);
        }
        queue.unshift(...text.split(/\r?\n/).map((l) => ({ line: l, typed: false })));
        return;
      }
      case '.json':
        json = argument ? argument === 'on' : !json;
        return say(`JSON output ${json ? 'on' : 'off'}.`);
      case '.help':
        return say(CONSOLE_HELP);
    }
    if (word.startsWith('.')) return warn(`error: unknown console command "${word}". Console commands: .load, .run, .json, .exit (help for queries).`);
    await runQueryLine(line);
    if (/^help$/i.test(line)) say(CONSOLE_HELP);
  };

  await new Promise<void>((resolve) => {
    let busy = false;
    let ended = false;
    const finish = () => {
      clearTimeout(cancelTimer);
      process.off('SIGINT', onSignal);
      void worker.terminate().then(() => resolve());
    };
    const pump = async () => {
      if (busy) return;
      busy = true;
      while (queue.length && !closing) {
        const next = queue.shift()!;
        await handle(next.line, next.typed);
      }
      busy = false;
      if (ended || closing) finish();
      else if (interactive) rl.prompt();
    };
    let interrupted = false;
    const onSignal = () => {
      if (running) {
        cancel();
        return;
      }
      const line = (rl as unknown as { line?: string }).line ?? '';
      if (interactive && line) {
        // Ctrl-C on a half-written line clears it, like a shell.
        (rl as unknown as { line: string }).line = '';
        output.write('\n');
        rl.prompt();
        return;
      }
      if (!interactive || interrupted) {
        closing = true;
        rl.close();
        return;
      }
      interrupted = true;
      say('\n(To leave, press Ctrl-C again, Ctrl-D, or type .exit)');
      rl.prompt();
    };
    rl.on('line', (line) => {
      interrupted = false;
      queue.push({ line, typed: true });
      void pump();
    });
    rl.on('SIGINT', onSignal);
    process.on('SIGINT', onSignal);
    rl.on('close', () => {
      ended = true;
      if (!busy) finish();
    });
    if (interactive) rl.prompt();
  });
}

export const registerConsole: RegisterCommand = (cli) => {
  cli
    .command('console', 'Interactive query console with history, Tab completion and Ctrl-C to cancel a query')
    .option('--graph <file>', 'Graph file written by kg build', { default: DEFAULT_GRAPH })
    .example('kg console --graph out/graph.json')
    .action(async (flags: { graph: string }) => {
      await runConsole({ graph: String(flags.graph) });
    });
};
