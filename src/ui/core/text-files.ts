/**
 * Checks the files a person drops on the page before any extraction: only .txt and
 * .md, not too large, not binary, decodable as text. Every refusal says why.
 */
import { decodeBytes } from '../../extract/decode.ts';

export interface TextFileLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Accepted name endings, lower case, with the dot. */
  extensions: readonly string[];
}

export const textFileDefaults: TextFileLimits = {
  maxBytes: 2_000_000,
  extensions: ['.txt', '.md'],
};

export type TextFileCheck = { ok: true; text: string; note: string | null } | { ok: false; reason: string };

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`;
}

/** Why a file cannot be taken from its name and size alone (before reading it), or null. */
export function refuseByNameAndSize(name: string, size: number, limits: TextFileLimits = textFileDefaults): string | null {
  const lower = name.toLowerCase();
  if (!limits.extensions.some((ext) => lower.endsWith(ext))) {
    return `"${name}" was not added: only ${limits.extensions.join(' and ')} files are read.`;
  }
  if (size > limits.maxBytes) {
    return `"${name}" was not added: it is ${formatBytes(size)}, more than the ${formatBytes(limits.maxBytes)} limit. Split it into smaller files.`;
  }
  return null;
}

/**
 * Decodes a dropped file: UTF-8 (a BOM is removed), or Windows-1252 when the bytes
 * are not UTF-8 (older French texts), which the note says.
 */
export function decodeTextFile(name: string, bytes: Uint8Array, limits: TextFileLimits = textFileDefaults): TextFileCheck {
  const refused = refuseByNameAndSize(name, bytes.length, limits);
  if (refused) return { ok: false, reason: refused };
  if (bytes.includes(0)) {
    return { ok: false, reason: `"${name}" was not added: it contains NUL bytes, so it is a binary file, not text.` };
  }
  const decoded = decodeBytes(bytes, name);
  const text = decoded.text;
  const note = decoded.warning ? `"${name}" is not UTF-8; it was read as Windows-1252.` : null;
  if (text.trim() === '') return { ok: false, reason: `"${name}" was not added: it is empty.` };
  return { ok: true, text, note };
}

/** A document id that is not taken yet: the name, or the name with -2, -3… before its extension. */
export function uniqueDocumentId(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
