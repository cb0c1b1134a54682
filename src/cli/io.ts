import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { InputError, NotFoundError } from '../extract/errors.ts';
import { parseGraph } from '../graph/serialize.ts';
import { NotAStoredGraph, loadStoredGraph } from '../graph/stored-graph.ts';
import type { StoredGraph } from '../graph/stored-graph.ts';
import type { KgGraph } from '../graph/types.ts';

/**
 * Writes a file so that readers see either the old content or the new one,
 * never half of it: write to a temporary file beside it, fsync, rename.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): void {
  const dir = dirname(path);
  ensureFolder(dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    const pieces: Iterable<string | Uint8Array> = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
    for (const piece of pieces) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write "${path}": ${(error as Error).message}. Check that the folder is writable.`);
  }
}

/**
 * Creates a folder and its missing parents one level at a time. Node's
 * `mkdirSync(dir, { recursive: true })` loops forever under pseudo file
 * systems such as /proc, so the walk up to the nearest existing ancestor is
 * done here, and each level is created without `recursive`.
 */
function ensureFolder(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    let isDirectory: boolean | undefined;
    try {
      isDirectory = statSync(current).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new InputError(`cannot create the folder "${dir}": ${(error as Error).message}. Choose another output path.`);
      }
    }
    if (isDirectory === true) break;
    if (isDirectory === false) {
      throw new InputError(`cannot create the folder "${dir}": "${current}" is a file, not a folder. Choose another output path.`);
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new InputError(`cannot create the folder "${dir}": ${(error as Error).message}. Choose another output path.`);
    }
  }
}

function readGraphBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`graph file "${path}" not found. Run "kg build" first or pass --graph FILE.`);
    throw new InputError(`cannot read graph file "${path}": ${(error as Error).message}`);
  }
}

/** Reads and validates a graph file written by `kg build` (or any graphology export of the same shape). */
export function readGraphFile(path: string): KgGraph {
  // A Buffer decoded in one step is about twice as fast as readFileSync(path, 'utf8') on large files.
  return parseGraph(readGraphBytes(path).toString('utf8'), path);
}

/**
 * Reads a graph file for queries: as a read-only StoredGraph, several times faster
 * than a graphology import on large files; files that loader does not take go through
 * readGraphFile's checks (and a graphology graph, or its error message).
 */
export function readQueryGraph(path: string): StoredGraph | KgGraph {
  const bytes = readGraphBytes(path);
  try {
    return loadStoredGraph(bytes);
  } catch (error) {
    if (!(error instanceof NotAStoredGraph)) throw error;
    return parseGraph(bytes.toString('utf8'), path);
  }
}
