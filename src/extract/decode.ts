/** Decoding bytes to text, the same in Node and in the browser (TextDecoder). */

export interface DecodeResult {
  text: string;
  /** Set when the bytes were not UTF-8 and were read as Windows-1252. */
  warning?: string;
}

/**
 * Decodes UTF-8; bytes that are not valid UTF-8 are read as Windows-1252 (older
 * French texts), with a warning naming the source. A byte-order mark is removed.
 */
export function decodeBytes(bytes: Uint8Array, name: string): DecodeResult {
  let result: DecodeResult;
  try {
    result = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    result = { text: new TextDecoder('windows-1252').decode(bytes), warning: `${name}: not valid UTF-8, read as Windows-1252.` };
  }
  if (result.text.charCodeAt(0) === 0xfeff) result.text = result.text.slice(1);
  return result;
}
