/**
 * The worker thread of `kg console`: holds the graph and runs queries, so that the
 * main thread stays free to read Ctrl-C. The main thread cancels a query by setting
 * the shared flag, which the engine checks inside its loops.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isKgError } from '../../extract/errors.ts';
import { QueryCancelledError, entityNames, formatResult, indexGraph, isEmptyResult, runQuery } from '../../graph/query/index.ts';
import type { QueryGraph } from '../../graph/query/index.ts';
import { readQueryGraph } from '../io.ts';

export type WorkerRequest = { type: 'load'; path: string } | { type: 'query'; id: number; text: string; json: boolean; maxWork: number };

export type WorkerReply =
  | { type: 'loaded'; path: string; nodes: number; edges: number; names: string[]; ms: number }
  | { type: 'result'; id: number; text: string; empty: boolean; ms: number }
  | { type: 'error'; id: number | null; message: string; cancelled: boolean; bug: boolean };

const flag = new Int32Array(workerData.flag as SharedArrayBuffer);
const signal = {
  get aborted() {
    return Atomics.load(flag, 0) === 1;
  },
};
let graph: QueryGraph | null = null;

function reply(message: WorkerReply): void {
  parentPort!.postMessage(message);
}

function failure(id: number | null, error: unknown): WorkerReply {
  if (isKgError(error))
    return { type: 'error', id, message: error.message, cancelled: error instanceof QueryCancelledError, bug: false };
  return { type: 'error', id, message: (error as Error)?.stack ?? String(error), cancelled: false, bug: true };
}

parentPort!.on('message', (request: WorkerRequest) => {
  const started = performance.now();
  if (request.type === 'load') {
    try {
      const loaded = readQueryGraph(request.path);
      indexGraph(loaded);
      graph = loaded;
      reply({ type: 'loaded', path: request.path, nodes: loaded.order, edges: loaded.size, names: entityNames(loaded), ms: performance.now() - started });
    } catch (error) {
      reply(failure(null, error));
    }
    return;
  }
  Atomics.store(flag, 0, 0);
  try {
    if (!graph) throw new Error('console worker: no graph loaded');
    const result = runQuery(graph, request.text, { signal, maxWork: request.maxWork });
    const text = request.json ? JSON.stringify(result, null, 2) : formatResult(result);
    reply({ type: 'result', id: request.id, text, empty: isEmptyResult(result), ms: performance.now() - started });
  } catch (error) {
    reply(failure(request.id, error));
  }
});
