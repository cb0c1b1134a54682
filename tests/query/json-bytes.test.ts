/** The byte-level JSON reader behind the stored-graph loader, checked against JSON.parse. */
import { describe, expect, it } from 'vitest';
import { JsonBytes, JsonBytesError, parseRange } from '../../src/graph/json-bytes.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('JsonBytes', () => {
  it.each([
    ['"plain"'],
    ['"with \\"escaped\\" quotes and \\\\ backslash"'],
    ['"ends with a backslash \\\\"'],
    ['"accents: éèà, CJK: 漢字, emoji: 😀"'],
    ['"\\u00e9t\\u00e9 \\n newline"'],
    ['""'],
    ['"a string longer than the short-string path takes, all ASCII"'],
  ])('reads the string %s as JSON.parse does', (text) => {
    const reader = new JsonBytes(bytesOf(`  ${text} `));
    expect(reader.string()).toBe(JSON.parse(text));
    reader.end();
  });

  it.each([
    ['0'],
    ['-12.5e3'],
    ['true'],
    ['false'],
    ['null'],
    ['"}]{[ inside a string"'],
    ['[]'],
    ['{}'],
    ['[1, [2, {"a": "]"}], {"b": [null, true]}]'],
    ['{"nested": {"deep": [{"x": "\\"}"}]}, "after": 1}'],
  ])('skips the value %s exactly', (text) => {
    const padded = ` ${text} ,`;
    const reader = new JsonBytes(bytesOf(padded));
    const [start, end] = reader.skip();
    expect(parseRange(bytesOf(padded), start, end)).toEqual(JSON.parse(text));
    expect(padded.slice(start, end)).toBe(text);
  });

  it('walks objects and arrays, telling keys apart without decoding them', () => {
    const text = '{ "source" : "a", "target":"b", "attributes": {"relation": "funds", "weight": 2.5, "evidence": [{"doc":"d"}]}, "x\\u0041": 1 }';
    const reader = new JsonBytes(bytesOf(text));
    const seen: string[] = [];
    expect(reader.openObject()).toBe(true);
    do {
      reader.key();
      if (reader.keyIs('source') || reader.keyIs('target')) seen.push(reader.string());
      else if (reader.keyIs('attributes')) {
        reader.openObject();
        do {
          reader.key();
          if (reader.keyIs('relation')) seen.push(`relation ${reader.oneOf(['owns', 'funds'])}`);
          else if (reader.keyIs('weight')) seen.push(`weight ${reader.numberOrSkip()}`);
          else reader.skip();
        } while (reader.nextInObject());
      } else {
        // An escaped key matches no name, even when it would decode to one.
        expect(reader.keyIs('xA')).toBe(false);
        reader.skip();
      }
    } while (reader.nextInObject());
    reader.end();
    expect(seen).toEqual(['a', 'b', 'relation 1', 'weight 2.5']);
  });

  it('reads an empty object and an empty array as closed at once', () => {
    const reader = new JsonBytes(bytesOf('[ {}, [ ] ]'));
    expect(reader.openArray()).toBe(true);
    expect(reader.openObject()).toBe(false);
    expect(reader.nextInArray()).toBe(true);
    expect(reader.openArray()).toBe(false);
    expect(reader.nextInArray()).toBe(false);
    reader.end();
  });

  it.each([
    ['"unterminated', (r: JsonBytes) => r.string()],
    ['[1, 2', (r: JsonBytes) => r.skip()],
    ['nope', (r: JsonBytes) => r.skip()],
    ['', (r: JsonBytes) => r.skip()],
    ['{"a" 1}', (r: JsonBytes) => (r.openObject(), r.key())],
    ['{"a": 1 "b": 2}', (r: JsonBytes) => (r.openObject(), r.key(), r.skip(), r.nextInObject())],
    ['{} extra', (r: JsonBytes) => (r.skip(), r.end())],
    ['"x"', (r: JsonBytes) => r.numberOrSkip() ?? r.openArray()],
  ])('throws JsonBytesError with the byte offset on %j', (text, read) => {
    const reader = new JsonBytes(bytesOf(text));
    expect(() => read(reader)).toThrow(JsonBytesError);
    try {
      read(new JsonBytes(bytesOf(text)));
    } catch (error) {
      expect((error as JsonBytesError).offset).toBeGreaterThanOrEqual(0);
      expect((error as JsonBytesError).offset).toBeLessThanOrEqual(text.length);
    }
  });

  it('agrees with JSON.parse on random documents', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['a', 'é', '"', '\\', '}', ']', ' ', '漢', '😀', '\n', 'z'];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      if (r < 0.45) return Math.round((random() - 0.5) * 1e6) / 100;
      if (r < 0.5) return [true, false, null][Math.floor(random() * 3)];
      if (r < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`k${i}${pieces[i % pieces.length]}`, value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const data = value(0);
      const text = JSON.stringify(data, null, i % 2 ? 2 : undefined);
      const bytes = bytesOf(text);
      const reader = new JsonBytes(bytes);
      const [start, end] = reader.skip();
      reader.end();
      expect(parseRange(bytes, start, end)).toEqual(data);
      if (typeof data === 'string') expect(new JsonBytes(bytes).string()).toBe(data);
    }
  });
});
