import { InputError } from '../errors.ts';
import type { LinearModelData } from './perceptron.ts';

/**
 * The binary file of a trained model: a magic line, a JSON header (what the model is, where it comes
 * from, how it scores, its class names) and the typed arrays of its linear models, each 4-byte
 * aligned, with a checksum of the arrays so that a damaged file is refused rather than read.
 * Pure functions over bytes: the same code reads the file in Node and in the page's worker.
 */

const MAGIC = 'KGMODEL1';
export const MODEL_FORMAT = 'kg-syntax/1';

export interface ModelHeader {
  format: typeof MODEL_FORMAT;
  kind: 'tagger' | 'parser';
  lang: string;
  /** Sources, licences, training command and configuration, scores: what spaCy keeps in meta.json. */
  meta: Record<string, unknown>;
  /** Class names and other lists the model needs (UPOS tags, feature bundles, labels). */
  lists: Record<string, string[]>;
  /** Extra tables (for example the multiword token expansions). */
  tables: Record<string, Record<string, string[]>>;
  models: Record<string, { nClasses: number; rows: number; entries: number }>;
  checksum: number;
}

export interface ModelContents {
  header: Omit<ModelHeader, 'format' | 'models' | 'checksum'>;
  models: Record<string, LinearModelData>;
}

const ARRAYS = ['keys', 'offsets', 'classes', 'weights'] as const;

function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function bytesOf(a: Uint32Array | Uint16Array | Int16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Writes a model file. Little-endian, as every machine this runs on. */
export function encodeModelFile(contents: ModelContents): Uint8Array {
  const names = Object.keys(contents.models).sort();
  let dataLength = 0;
  for (const name of names) for (const a of ARRAYS) dataLength += pad4(contents.models[name]![a].byteLength);
  const data = new Uint8Array(dataLength);
  let at = 0;
  for (const name of names) {
    for (const a of ARRAYS) {
      const b = bytesOf(contents.models[name]![a]);
      data.set(b, at);
      at += pad4(b.byteLength);
    }
  }
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    ...contents.header,
    models: Object.fromEntries(names.map((n) => [n, { nClasses: contents.models[n]!.nClasses, rows: contents.models[n]!.keys.length, entries: contents.models[n]!.weights.length }])),
    checksum: checksum(data),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headLength = pad4(MAGIC.length + 4 + json.length);
  const out = new Uint8Array(headLength + data.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, MAGIC.length + 4);
  out.fill(0x20, MAGIC.length + 4 + json.length, headLength);
  out.set(data, headLength);
  return out;
}

/** Reads a model file; `file` names it in the error when it is not one or is damaged. */
export function decodeModelFile(bytes: Uint8Array, file: string): { header: ModelHeader; models: Record<string, LinearModelData> } {
  const bad = (what: string): never => {
    throw new InputError(`model file "${file}" ${what}. Train it again with \`kg train\` (see src/extract/data/MODELS.md) or restore it from the repository.`);
  };
  if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) bad('is not a kg model file (its first bytes are not "KGMODEL1")');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(MAGIC.length, true);
  if (MAGIC.length + 4 + jsonLength > bytes.length) bad('is cut short (its header runs past the end)');
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength))) as ModelHeader;
  } catch {
    return bad('has a damaged header');
  }
  if (header.format !== MODEL_FORMAT) bad(`has format "${String(header.format)}", not "${MODEL_FORMAT}"`);
  const headLength = pad4(MAGIC.length + 4 + jsonLength);
  const data = bytes.subarray(headLength);
  let expected = 0;
  const names = Object.keys(header.models).sort();
  for (const name of names) {
    const m = header.models[name]!;
    expected += pad4(m.rows * 4) + pad4((m.rows + 1) * 4) + pad4(m.entries * 2) * 2;
  }
  if (data.length !== expected) bad(`is damaged: ${data.length} bytes of weights where its header announces ${expected}`);
  if (checksum(data) !== header.checksum) bad('is damaged: its checksum does not match');
  // copy into aligned buffers (the file's bytes may sit at any offset)
  const aligned = new Uint8Array(data.length);
  aligned.set(data);
  const models: Record<string, LinearModelData> = {};
  let at = 0;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, n: number, width: number): T => {
    const v = make(aligned.buffer, at, n);
    at += pad4(n * width);
    return v;
  };
  for (const name of names) {
    const m = header.models[name]!;
    const keys = take((b, o, n) => new Uint32Array(b, o, n), m.rows, 4);
    const offsets = take((b, o, n) => new Uint32Array(b, o, n), m.rows + 1, 4);
    const classes = take((b, o, n) => new Uint16Array(b, o, n), m.entries, 2);
    const weights = take((b, o, n) => new Int16Array(b, o, n), m.entries, 2);
    if (offsets[m.rows] !== m.entries) bad(`is damaged: model "${name}" has inconsistent rows`);
    models[name] = { nClasses: m.nClasses, keys, offsets, classes, weights };
  }
  return { header, models };
}
