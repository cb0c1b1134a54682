import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { InputError, NotFoundError } from '../extract/errors.ts';
import type { ExtractOptions } from '../extract/index.ts';
import type { RulesFile } from '../extract/rules.ts';
import { getEngine } from '../extract/pipeline.ts';
import type { DocumentExtraction, Lang, SourceDocument } from '../extract/types.ts';
import { addExtractions } from '../graph/build-graph.ts';
import { layoutGraph } from '../graph/layout.ts';
import { createGraph, serializeGraphChunks } from '../graph/serialize.ts';
import type { KgGraph } from '../graph/types.ts';
import { VERSION } from '../graph/version.ts';
import { extractChunked } from '../extract/chunk.ts';
import { writeFileAtomic } from './io.ts';
import { listInputs, readDocuments } from './read-inputs.ts';

export interface BuildOptions {
  paths: string[];
  out: string;
  rules?: string[];
  /** Worker threads; default: one per core (2 here), none for small inputs. */
  workers?: number;
  /** Run ForceAtlas2 so the graph carries positions (default true). */
  layout?: boolean;
  /** Keep the texts in graph.json for the evidence view (default true). */
  keepTexts?: boolean;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface BuildSummary {
  graph: KgGraph;
  documents: number;
  seconds: number;
  chars: number;
  warnings: string[];
  outFile: string;
  /** Wall-clock seconds of reading + extraction + merging, of the layout, and of writing. */
  phases: { extract: number; layout: number; write: number };
}

/** Reads and validates user rule files. */
export function loadRuleFiles(files: string[] = []): { file: string; content: RulesFile }[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new NotFoundError(`rules file "${file}" not found.`);
    }
    try {
      const content = JSON.parse(text) as RulesFile;
      if (!content || typeof content !== 'object' || Array.isArray(content)) throw new Error('expected a JSON object with "rules", "classes" or "lexicon"');
      return { file, content };
    } catch (error) {
      throw new InputError(`rules file "${file}" is not valid: ${(error as Error).message}`);
    }
  });
}

/** Runs extraction over the inputs (in worker threads when worth it) and writes graph.json atomically. */
export async function runBuild(options: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const inputs = listInputs(options.paths);
  const rules = loadRuleFiles(options.rules);
  const extractOptions: ExtractOptions = { rules };
  // compile the user's rules once here so that a bad rules file fails before any work
  if (rules.length) for (const lang of ['fr', 'en'] as Lang[]) getEngine(lang, rules);
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
  };
  const totalBytes = inputs.reduce((n, f) => n + f.size, 0);
  // The main thread extracts too, so one worker per extra core. On the 10 MB OrangeSum corpus
  // and two vCPUs, one worker measured 9.3–9.5 s against 9.6–9.7 s without, run in turn: a small
  // gain, as the single thread already keeps part of the second core busy with V8's compiler
  // and garbage collector (README, speed).
  // Small inputs stay in one thread: a worker's start-up would cost more than it saves.
  const cores = availableParallelism();
  const workerCount = options.workers ?? (totalBytes > 300_000 && cores >= 2 ? cores - 1 : 0);

  const graph = createGraph({ documents: [], builtAt: new Date().toISOString(), version: VERSION });
  const texts: Record<string, string> = {};
  const keepTexts = options.keepTexts ?? true;
  let chars = 0;
  let documents = 0;
  const bar = options.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'kg build [{bar}] {percentage}% | {value}/{total} KB | {docs} documents', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(Math.max(1, Math.round(totalBytes / 1024)), 0, { docs: 0 });
  let doneBytes = 0;
  // extractions are merged into the graph in batches (merging has a per-call cost)
  let batch: DocumentExtraction[] = [];
  const flush = () => {
    if (batch.length) addExtractions(graph, batch);
    batch = [];
  };
  const accept = (doc: SourceDocument, extraction: DocumentExtraction) => {
    for (const w of extraction.warnings) warn(w);
    if (keepTexts) texts[doc.id] = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
    batch.push(extraction);
    if (batch.length >= 64) flush();
    chars += doc.text.length;
    documents++;
    doneBytes += doc.text.length;
    bar?.update(Math.round(doneBytes / 1024), { docs: documents });
  };
  const docsIterator = (function* () {
    for (const file of inputs) yield* readDocuments(file, warn);
  })();

  if (workerCount <= 0) {
    for (const doc of docsIterator) accept(doc, extractChunked(doc, extractOptions));
  } else {
    await runPool(workerCount, docsIterator, extractOptions, accept);
  }
  flush();
  bar?.stop();
  const tExtracted = performance.now();
  if (keepTexts) graph.setAttribute('texts', texts);
  if (options.layout ?? true) layoutGraph(graph);
  const tLayout = performance.now();
  const outFile = join(options.out, 'graph.json');
  writeFileAtomic(outFile, serializeGraphChunks(graph));
  const tWritten = performance.now();
  const seconds = (tWritten - t0) / 1000;
  const phases = { extract: (tExtracted - t0) / 1000, layout: (tLayout - tExtracted) / 1000, write: (tWritten - tLayout) / 1000 };
  for (const w of warnings) log(`warning: ${w}`);
  return { graph, documents, seconds, chars, warnings, outFile, phases };
}

/**
 * Extracts in the main thread and in `count` worker threads at once: a document goes
 * to a worker while it has fewer than a few in flight, else the main thread extracts
 * it itself. Results are accepted in input order, so the graph does not depend on
 * timing.
 */
async function runPool(
  count: number,
  docs: Iterator<SourceDocument>,
  options: ExtractOptions,
  accept: (doc: SourceDocument, extraction: DocumentExtraction) => void,
): Promise<void> {
  const workerFile = new URL('./build-worker.js', import.meta.url);
  const workers = Array.from({ length: count }, () => new Worker(workerFile, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: 96 } }));
  const pending = new Map<number, SourceDocument>();
  const results = new Map<number, DocumentExtraction>();
  const inFlight = new Map<Worker, number>();
  const ready = new Set<Worker>();
  let failure: unknown;
  let nextAccept = 0;
  const drain = () => {
    while (results.has(nextAccept)) {
      accept(pending.get(nextAccept)!, results.get(nextAccept)!);
      results.delete(nextAccept);
      pending.delete(nextAccept);
      nextAccept++;
    }
  };
  for (const w of workers) {
    inFlight.set(w, 0);
    w.on('error', (error) => {
      failure ??= error;
    });
    w.on('message', (msg: { ready?: boolean; seq?: number; result?: DocumentExtraction; error?: { name: string; message: string; stack?: string } | string }) => {
      if (msg.ready) {
        ready.add(w);
        return;
      }
      inFlight.set(w, inFlight.get(w)! - 1);
      if (msg.error) {
        failure ??= typeof msg.error === 'string' ? new Error(msg.error) : Object.assign(new Error(msg.error.message), msg.error);
        return;
      }
      results.set(msg.seq!, msg.result!);
    });
  }
  const maxInFlight = 6;
  // let worker messages in
  const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
  try {
    let seq = 0;
    for (let n = docs.next(); !n.done; n = docs.next()) {
      const doc = n.value;
      pending.set(seq, doc);
      const idle = workers.find((w) => ready.has(w) && inFlight.get(w)! < maxInFlight);
      if (idle) {
        inFlight.set(idle, inFlight.get(idle)! + 1);
        idle.postMessage({ seq, doc });
      } else {
        results.set(seq, extractChunked(doc, options));
      }
      seq++;
      await yieldToEvents();
      if (failure) throw failure;
      drain();
    }
    while (results.size > 0 || pending.size > 0) {
      if (failure) throw failure;
      drain();
      if (pending.size === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
