import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const kg = (args: string[]) => spawnSync(process.execPath, ['src/cli/kg.js', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'kg-parse-'));
const row = (...cols: (string | number)[]) => cols.join('\t');
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('kg bench parse', () => {
  it('throws on invalid input: a missing file, a file that is not CoNLL-U, a malformed line', () => {
    const missing = kg(['bench', 'parse', join(dir, 'nope.conllu')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/CoNLL-U file ".*nope\.conllu" not found/);

    const notConllu = kg(['bench', 'parse', write('notes_fr.txt', 'Une phrase.\nUne autre.\n')]);
    expect(notConllu.status).toBe(2);
    expect(notConllu.stderr).toMatch(/notes_fr\.txt, line 1: 1 column instead of 10/);

    const text = [row(1, 'Il', 'il', 'PRON', '_', '_', 2, 'nsubj', '_', '_'), row(2, 'part', 'partir', 'VERB', '_', '_', 'x', 'root', '_', '_'), ''].join('\n');
    const malformed = kg(['bench', 'parse', write('bad_fr.conllu', text)]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/bad_fr\.conllu, line 2: HEAD "x" is not a number/);

    const empty = kg(['bench', 'parse', write('empty_fr.conllu', '\n')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no sentence found/);
  });

  it('reports and skips a gold tree with a cycle, and scores the rest (--json)', () => {
    const text = [
      '# sent_id = cyclic',
      row(1, 'Il', 'il', 'PRON', '_', '_', 2, 'nsubj', '_', '_'),
      row(2, 'part', 'partir', 'VERB', '_', '_', 1, 'dep', '_', '_'),
      row(3, '.', '.', 'PUNCT', '_', '_', 0, 'root', '_', '_'),
      '',
      '# sent_id = fine',
      row(1, 'Il', 'il', 'PRON', '_', '_', 2, 'nsubj', '_', '_'),
      row(2, 'part', 'partir', 'VERB', '_', '_', 0, 'root', '_', '_'),
      row(3, '.', '.', 'PUNCT', '_', '_', 2, 'punct', '_', '_'),
      '',
    ].join('\n');
    const file = write('cycle_fr.conllu', text);
    const r = kg(['bench', 'parse', file, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['upos', 'uas', 'las', 'sentences', 'tokens', 'seconds']));
    expect(out['sentences']).toBe(1);
    expect(out['tokens']).toBe(3);
    expect(out['skipped']).toEqual([{ id: 'cyclic', line: 1, why: 'word 1 is in a cycle' }]);
    // "Il part ." is parsed right
    expect(out['uas']).toBe(1);
    const plain = kg(['bench', 'parse', file]);
    expect(plain.stdout).toMatch(/skipped: sentence cyclic at line 1: its gold tree is not a tree/);
    expect(plain.stdout).toMatch(/UPOS [\d.]+ % · features [\d.]+ % · UAS 100\.00 % · LAS [\d.]+ %/);
  });
});

describe('kg train', () => {
  it('throws on invalid input: an unknown model, a language it has no recipe for, a missing treebanks folder', () => {
    const kind = kg(['train', 'lemmatizer', '--lang', 'fr']);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/unknown model "lemmatizer"/);
    const lang = kg(['train', 'tagger', '--lang', 'de']);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/--lang must be one of fr, en, got "de"/);
    const tuning = kg(['train', 'tagger', '--lang', 'en', '--tuning']);
    expect(tuning.status).toBe(2);
    expect(tuning.stderr).toMatch(/--tuning trains a model for comparison only: give it an --out folder/);
    const banks = kg(['train', 'tagger', '--lang', 'fr', '--treebanks', join(dir, 'none'), '--out', dir]);
    expect(banks.status).toBe(2);
    expect(banks.stderr).toMatch(/treebanks folder ".*none" not found/);
  });

  it('names a treebank file the recipe needs when the folder lacks it', () => {
    const r = kg(['train', 'tagger', '--lang', 'en', '--treebanks', dir, '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/treebank file ".*en_ewt-ud-dev\.conllu" not found/);
  });
});
