import { parentPort, workerData } from 'node:worker_threads';
import { extractChunked } from '../extract/chunk.ts';
import type { ExtractOptions } from '../extract/index.ts';
import type { SourceDocument } from '../extract/types.ts';
import { installSyntaxModels } from './syntax-models.ts';

installSyntaxModels();

const options = workerData as ExtractOptions;
parentPort!.on('message', (message: { seq: number; doc: SourceDocument }) => {
  try {
    parentPort!.postMessage({ seq: message.seq, result: extractChunked(message.doc, options) });
  } catch (error) {
    parentPort!.postMessage({ seq: message.seq, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
