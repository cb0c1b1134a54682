import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/extract/errors.ts';
import { isProjective, readConllu, surfaceTokens, treeProblem } from '../../src/extract/syntax/conllu.ts';

const row = (...cols: (string | number)[]) => cols.join('\t');
const SAMPLE = [
  '# sent_id = s1',
  '# text = Il parle du projet.',
  row(1, 'Il', 'il', 'PRON', '_', 'Gender=Masc|Number=Sing', 2, 'nsubj', '_', '_'),
  row(2, 'parle', 'parler', 'VERB', '_', 'VerbForm=Fin', 0, 'root', '_', '_'),
  row('3-4', 'du', '_', '_', '_', '_', '_', '_', '_', '_'),
  row(3, 'de', 'de', 'ADP', '_', '_', 5, 'case', '_', '_'),
  row(4, 'le', 'le', 'DET', '_', '_', 5, 'det', '_', '_'),
  row(5, 'projet', 'projet', 'NOUN', '_', '_', 2, 'obl', '_', 'SpaceAfter=No'),
  row('5.1', 'ellipsis', '_', 'X', '_', '_', '_', '_', '2:dep', '_'),
  row(6, '.', '.', 'PUNCT', '_', '_', 2, 'punct', '_', '_'),
  '',
  row(1, 'Bonjour', 'bonjour', 'INTJ', '_', '_', 0, 'root', '_', '_'),
  '',
].join('\n');

describe('readConllu', () => {
  it('throws on invalid input, naming the file, the line and what is wrong', () => {
    expect(() => readConllu('1\tIl\til\tPRON\n', { file: 'x.conllu' })).toThrow(/x\.conllu, line 1: 4 columns instead of 10/);
    expect(() => readConllu(row(1, 'a', 'a', 'NOUN', '_', '_', 'z', 'root', '_', '_'), { file: 'y.conllu' })).toThrow(/y\.conllu, line 1: HEAD "z" is not a number/);
    expect(() => readConllu(row('x', 'a', 'a', 'NOUN', '_', '_', 0, 'root', '_', '_'))).toThrow(InputError);
    expect(() => readConllu(row(1, 'a', 'a', 'NOUN', '_', '_', 0, 'root', '_', '_') + '\n' + row(3, 'b', 'b', 'NOUN', '_', '_', 1, 'dep', '_', '_'), { file: 'z' })).toThrow(/z, line 2: word 3 where word 2 was expected/);
    expect(() => readConllu(row(1, 'a', 'a', 'NOUN', '_', '_', 5, 'root', '_', '_'), { file: 'h' })).toThrow(/h, line 1: head 5 points past/);
    expect(() => readConllu(row(1, 'a', 'a', 'NOM', '_', '_', 0, 'root', '_', '_'), { file: 'u' })).toThrow(/"NOM" is not a universal part of speech/);
  });

  it('handles the empty input', () => {
    expect(readConllu('')).toEqual([]);
    expect(readConllu('\n\n# just a comment\n\n')).toEqual([]);
  });

  it('reads words, keeps multiword tokens beside them and skips empty nodes', () => {
    const [s1, s2] = readConllu(SAMPLE);
    expect(s1!.id).toBe('s1');
    expect(s1!.text).toBe('Il parle du projet.');
    expect(s1!.words.map((w) => w.form)).toEqual(['Il', 'parle', 'de', 'le', 'projet', '.']);
    expect(s1!.words.map((w) => w.head)).toEqual([2, 0, 5, 5, 2, 2]);
    expect(s1!.multiwords).toEqual([{ from: 3, to: 4, form: 'du' }]);
    expect(surfaceTokens(s1!).map((t) => t.form)).toEqual(['Il', 'parle', 'du', 'projet', '.']);
    expect(surfaceTokens(s1!)[2]!.words).toEqual([2, 3]);
    expect(s2!.words).toHaveLength(1);
    expect(s2!.id).toBe('line 12');
  });

  it('tells trees from cycles and finds crossing arcs', () => {
    expect(treeProblem([2, 0, 2])).toBeUndefined();
    expect(treeProblem([2, 1, 0])).toMatch(/cycle/);
    expect(treeProblem([2, 1])).toMatch(/no word is the root/);
    expect(treeProblem([1, 0])).toMatch(/its own head/);
    expect(isProjective([2, 0, 2])).toBe(true);
    // 1→3 and 2→4 cross
    expect(isProjective([3, 4, 0, 3])).toBe(false);
  });
});
