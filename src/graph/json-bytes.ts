/**
 * A forward-only reader over the UTF-8 bytes of a JSON document: skip any value, read
 * strings, numbers and object keys, and tell where each value starts and ends, without
 * building the objects. `loadStoredGraph` uses it to read the million edges of a large
 * graph.json into flat arrays several times faster than `JSON.parse` builds their
 * objects; anything it does not need is skipped and parsed later, on demand, with
 * `JSON.parse` itself (`parseRange`).
 *
 * It checks the structure (brackets, commas, colons, string ends, literals and number
 * characters) and throws JsonBytesError on anything else; callers then fall back to
 * `JSON.parse`, whose message is the one users see. Pure: no Node APIs.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The bytes are not JSON this reader accepts; `offset` is where it stopped. */
export class JsonBytesError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'JsonBytesError';
  }
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Characters of a number or of true/false/null. */
const isScalarChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45 || c === 0x65 || (c >= 0x61 && c <= 0x7a);

const decoder = new TextDecoder();
/** Short ASCII strings are built directly: cheaper than a TextDecoder call per key. */
const SHORT_STRING = 24;

export class JsonBytes {
  pos = 0;
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
  }

  fail(what: string): never {
    throw new JsonBytesError(what, this.pos);
  }

  /** Skips white space and returns the next byte (undefined at the end). */
  peek(): number | undefined {
    const { bytes, length } = this;
    let p = this.pos;
    while (p < length && isSpace(bytes[p])) p++;
    this.pos = p;
    return bytes[p];
  }

  expect(byte: number): void {
    if (this.peek() !== byte) this.fail(`expected "${String.fromCharCode(byte)}"`);
    this.pos++;
  }

  /**
   * After an item of an object or array: true when another follows (the comma is
   * consumed), false at the closing bracket (consumed too).
   */
  next(close: number): boolean {
    const c = this.peek();
    this.pos++;
    if (c === COMMA) return true;
    if (c === close) return false;
    this.pos--;
    return this.fail(`expected "," or "${String.fromCharCode(close)}"`);
  }

  /** Opens an object or array; false when it is empty (and already closed). */
  open(byte: number): boolean {
    this.expect(byte);
    const close = byte === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
    if (this.peek() === close) {
      this.pos++;
      return false;
    }
    return true;
  }

  openObject(): boolean {
    return this.open(OPEN_OBJECT);
  }

  openArray(): boolean {
    return this.open(OPEN_ARRAY);
  }

  nextInObject(): boolean {
    return this.next(CLOSE_OBJECT);
  }

  nextInArray(): boolean {
    return this.next(CLOSE_ARRAY);
  }

  /** Where the last key read is (inside its quotes), and whether it has escapes (then it matches no name). */
  keyStart = 0;
  keyEnd = 0;
  keyEscaped = false;
  /** Set by stringEnd: whether the string it ended has escapes, non-ASCII bytes. */
  private escaped = false;
  private ascii = true;

  /** Reads an object key and its colon; `keyIs` then tells which key it was. */
  key(): void {
    if (this.peek() !== QUOTE) this.fail('expected a string key');
    this.keyStart = this.pos + 1;
    this.keyEnd = this.stringEnd(this.pos);
    this.keyEscaped = this.escaped;
    this.pos = this.keyEnd + 1;
    this.expect(COLON);
    this.peek();
  }

  /** True when the last key read spells the ASCII `name`. */
  keyIs(name: string): boolean {
    const start = this.keyStart;
    if (this.keyEscaped || this.keyEnd - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (this.bytes[start + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** Index of the closing quote of the string opening at `open`; sets `escaped` and `ascii`. */
  private stringEnd(open: number): number {
    const { bytes, length } = this;
    let escaped = false;
    let ascii = true;
    for (let p = open + 1; p < length; p++) {
      const c = bytes[p]!;
      if (c === QUOTE) {
        this.escaped = escaped;
        this.ascii = ascii;
        return p;
      }
      if (c === BACKSLASH) {
        escaped = true;
        p++;
      } else if (c >= 0x80) ascii = false;
    }
    this.pos = open;
    return this.fail('unterminated string');
  }

  /**
   * Reads a string value that should be one of `names` (ASCII, no escapes) and returns
   * its index in them, or -1 when it is another string (which is skipped all the same).
   */
  oneOf(names: readonly string[]): number {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const start = this.pos + 1;
    const end = this.stringEnd(this.pos);
    this.pos = end + 1;
    if (this.escaped) return names.indexOf(JSON.parse(decoder.decode(this.bytes.subarray(start - 1, end + 1))) as string);
    const length = end - start;
    const { bytes } = this;
    search: for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (name.length !== length) continue;
      for (let k = 0; k < length; k++) if (bytes[start + k] !== name.charCodeAt(k)) continue search;
      return i;
    }
    return -1;
  }

  /** True when the next value is a string. */
  atString(): boolean {
    return this.peek() === QUOTE;
  }

  /** Reads a string value. */
  string(): string {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const open = this.pos;
    const end = this.stringEnd(open);
    this.pos = end + 1;
    if (this.escaped) return JSON.parse(decoder.decode(this.bytes.subarray(open, end + 1))) as string;
    if (this.ascii && end - open - 1 <= SHORT_STRING) {
      let text = '';
      for (let p = open + 1; p < end; p++) text += String.fromCharCode(this.bytes[p]!);
      return text;
    }
    return decoder.decode(this.bytes.subarray(open + 1, end));
  }

  /** Reads a number value, or returns null (and skips the value) when it is something else. */
  numberOrSkip(): number | null {
    const c = this.peek();
    if (c === undefined || !(c === 0x2d || (c >= 0x30 && c <= 0x39))) {
      this.skip();
      return null;
    }
    const start = this.pos;
    this.skip();
    let text = '';
    for (let p = start; p < this.pos; p++) text += String.fromCharCode(this.bytes[p]!);
    const value = Number(text);
    if (Number.isNaN(value)) {
      this.pos = start;
      this.fail('bad number');
    }
    return value;
  }

  /** Reads `true`, `false` or anything else (skipped, returned as null). */
  booleanOrSkip(): boolean | null {
    const c = this.peek();
    const start = this.pos;
    this.skip();
    if (c === 0x74 && this.pos - start === 4) return true;
    if (c === 0x66 && this.pos - start === 5) return false;
    return null;
  }

  /** Skips one value of any kind; returns its [start, end) byte range. */
  skip(): [number, number] {
    const { bytes, length } = this;
    const c = this.peek();
    const start = this.pos;
    if (c === QUOTE) {
      this.pos = this.stringEnd(start) + 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      // Brackets are counted without telling objects from arrays; JSON.parse checks
      // the skipped text if it is ever parsed.
      let depth = 0;
      let p = start;
      for (;;) {
        if (p >= length) {
          this.pos = start;
          this.fail('unclosed bracket');
        }
        const d = bytes[p]!;
        if (d === QUOTE) {
          p = this.stringEnd(p) + 1;
          continue;
        }
        if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
        else if (d === CLOSE_OBJECT || d === CLOSE_ARRAY) {
          depth--;
          if (depth === 0) {
            this.pos = p + 1;
            break;
          }
        }
        p++;
      }
    } else {
      let p = start;
      while (p < length && isScalarChar(bytes[p]!)) p++;
      if (p === start) this.fail('expected a value');
      const word = p - start;
      if (c! >= 0x61 && c! <= 0x7a && !(this.wordIs(start, word, 'true') || this.wordIs(start, word, 'false') || this.wordIs(start, word, 'null')))
        this.fail('unknown literal');
      this.pos = p;
    }
    return [start, this.pos];
  }

  private wordIs(start: number, length: number, word: string): boolean {
    if (length !== word.length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  /** Checks that nothing but white space follows. */
  end(): void {
    if (this.peek() !== undefined) this.fail('unexpected text after the JSON value');
  }
}

/** JSON.parse of the byte range [start, end). */
export function parseRange(bytes: Uint8Array, start: number, end: number): unknown {
  return JSON.parse(decoder.decode(bytes.subarray(start, end)));
}
