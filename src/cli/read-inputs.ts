import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError, NotFoundError } from '../extract/errors.ts';
import type { SourceDocument } from '../extract/types.ts';
import { decodeBytes } from '../extract/decode.ts';

export interface InputFile {
  path: string;
  kind: 'text' | 'jsonl';
  size: number;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

/** Lists the input files under the given paths (folders recursively); a missing path is an error. */
export function listInputs(paths: string[]): InputFile[] {
  const out: InputFile[] = [];
  const visit = (p: string, explicit: boolean) => {
    if (!existsSync(p)) throw new NotFoundError(`input path "${p}" not found. Pass existing files or folders of .txt/.md or .jsonl.`);
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) visit(join(p, name), false);
      return;
    }
    const ext = extname(p).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson') out.push({ path: p, kind: 'jsonl', size: st.size });
    else if (TEXT_EXTENSIONS.has(ext) || explicit) out.push({ path: p, kind: 'text', size: st.size });
  };
  for (const p of paths) visit(p, true);
  return out;
}

/**
 * Reads the documents of one input file. Text files: one document (empty and binary
 * files are skipped with a warning). JSONL: one `{id, title?, text}` per line; a
 * malformed line is an error naming the file and line.
 */
export function* readDocuments(file: InputFile, warn: (message: string) => void): Generator<SourceDocument> {
  if (file.kind === 'text') {
    const bytes = readFileSync(file.path);
    if (bytes.length === 0) {
      warn(`${file.path}: empty file, skipped.`);
      return;
    }
    if (bytes.includes(0)) {
      warn(`${file.path}: binary file (NUL bytes), skipped.`);
      return;
    }
    const { text, warning } = decodeBytes(bytes, file.path);
    if (warning) warn(warning);
    if (!text.trim()) {
      warn(`${file.path}: no text, skipped.`);
      return;
    }
    yield { id: basename(file.path), path: file.path, text };
    return;
  }
  const content = readFileSync(file.path, 'utf8');
  let lineNo = 0;
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end < 0) end = content.length;
    const line = content.slice(start, end).trim();
    start = end + 1;
    lineNo++;
    if (!line) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${file.path}:${lineNo}: not valid JSON (${(error as Error).message}). Each line must be a JSON object {id, title?, text}.`);
    }
    const rec = obj as { id?: unknown; title?: unknown; text?: unknown };
    if (!rec || typeof rec !== 'object' || typeof rec.text !== 'string' || (typeof rec.id !== 'string' && typeof rec.id !== 'number')) {
      throw new InputError(`${file.path}:${lineNo}: expected an object with "id" (string or number) and "text" (string).`);
    }
    const doc: SourceDocument = { id: String(rec.id), path: `${file.path}:${lineNo}`, text: rec.text };
    if (typeof rec.title === 'string') doc.title = rec.title;
    yield doc;
  }
}
