import { describe, expect, it } from 'vitest';
import { decodeTextFile, refuseByNameAndSize, uniqueDocumentId } from '../../src/ui/core/text-files.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeTextFile', () => {
  it('reads UTF-8 .txt and .md files, without a BOM', () => {
    expect(decodeTextFile('a.txt', utf8('Élise dirige Acme.'))).toEqual({ ok: true, text: 'Élise dirige Acme.', note: null });
    expect(decodeTextFile('B.MD', utf8('\uFEFF# Titre'))).toEqual({ ok: true, text: '# Titre', note: null });
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and says so', () => {
    const check = decodeTextFile('old.txt', new Uint8Array([0x45, 0x6c, 0x69, 0x73, 0x65, 0x20, 0xe9, 0x74, 0xe9]));
    expect(check).toMatchObject({ ok: true, text: 'Elise été' });
    expect(check.ok && check.note).toContain('Windows-1252');
  });

  it.each([
    ['photo.png', utf8('x'), 'only .txt and .md'],
    ['bin.txt', new Uint8Array([0x41, 0x00, 0x42]), 'NUL bytes'],
    ['empty.txt', utf8('  \n '), 'empty'],
    ['big.txt', new Uint8Array(2_000_001).fill(0x61), 'more than the 2.0 MB limit'],
  ])('refuses %s with a reason', (name, bytes, reason) => {
    const check = decodeTextFile(name, bytes);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain(reason);
    expect(!check.ok && check.reason).toContain(name);
  });
});

describe('refuseByNameAndSize', () => {
  it('refuses before reading: wrong kind or too large', () => {
    expect(refuseByNameAndSize('a.txt', 10)).toBeNull();
    expect(refuseByNameAndSize('a.pdf', 10)).toContain('only .txt and .md');
    expect(refuseByNameAndSize('a.md', 50_000_000)).toContain('50.0 MB');
  });
});

describe('uniqueDocumentId', () => {
  it('keeps a free name and numbers a taken one before its extension', () => {
    expect(uniqueDocumentId('a.txt', new Set())).toBe('a.txt');
    expect(uniqueDocumentId('a.txt', new Set(['a.txt', 'a-2.txt']))).toBe('a-3.txt');
    expect(uniqueDocumentId('notes', new Set(['notes']))).toBe('notes-2');
  });
});
