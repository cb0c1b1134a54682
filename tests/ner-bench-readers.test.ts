import { describe, expect, it } from 'vitest';
import { InputError } from '../src/extract/errors.ts';
import { isHipe, langFromFileName, readConll, readGoldFile, readHipe } from '../src/extract/ner-bench/index.ts';
import type { GoldDocument } from '../src/extract/ner-bench/index.ts';

const chunkTexts = (doc: GoldDocument) => doc.chunks.map((c) => `${doc.text.slice(c.start, c.end)}|${c.label}|${c.type ?? '-'}`);

/** Every token sits at its offsets, and every chunk runs from its first token's start to its last token's end. */
function expectConsistent(doc: GoldDocument) {
  for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  for (const c of doc.chunks) {
    expect(c.start).toBe(doc.tokens[c.tokenStart]?.start);
    expect(c.end).toBe(doc.tokens[c.tokenEnd - 1]?.end);
  }
}

const HEADER = 'TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC';
const row = (token: string, coarse: string, fine: string, misc = '_') => [token, coarse, 'O', fine, 'O', 'O', 'O', '_', '_', misc].join('\t');

describe('readConll', () => {
  it.each([
    ['a line with one column', 'Paris B-LOC\nalone\n', /x\.txt:2: expected "token tag"/],
    ['an unknown tag', 'Paris X-LOC\n', /x\.txt:1: unknown tag "X-LOC" for token "Paris"/],
    ['a BIOES tag', 'Paris S-LOC\n', /x\.txt:1: unknown tag "S-LOC"/],
    ['an empty file', '', /x\.txt: no tokens found/],
    ['only blank lines and -DOCSTART-', '-DOCSTART- -X- -X- O\n\n\n', /x\.txt: no tokens found/],
  ])('throws an InputError on %s, naming the file and line', (_name, content, message) => {
    expect(() => readConll(content, 'x.txt')).toThrow(InputError);
    expect(() => readConll(content, 'x.txt')).toThrow(message);
  });

  it('reads 4-column CoNLL with -DOCSTART- documents, blank-line sentences and IOB2 chunks', () => {
    const file = readConll(
      [
        '-DOCSTART- -X- -X- O',
        '',
        'SOCCER NN B-NP O',
        'JAPAN NNP B-NP B-LOC',
        'WIN NNP I-NP O',
        '. . O O',
        '',
        'Nadim NNP B-NP B-PER',
        'Ladki NNP I-NP I-PER',
        '',
        '-DOCSTART- -X- -X- O',
        '',
        'European NNP B-NP B-MISC',
        'Commission NNP I-NP B-ORG',
        'says VBZ B-VP O',
        '',
      ].join('\n'),
      'eng.txt',
    );
    expect(file.format).toBe('conll');
    expect(file.pseudoDocuments).toBe(false);
    expect(file.documents.map((d) => d.id)).toEqual(['eng.txt#1', 'eng.txt#2']);
    const [first, second] = file.documents as [GoldDocument, GoldDocument];
    expect(first.text).toBe('SOCCER JAPAN WIN .\nNadim Ladki');
    expect(first.sentences).toBe(2);
    expect(first.line).toBe(3);
    expect(chunkTexts(first)).toEqual(['JAPAN|LOC|place', 'Nadim Ladki|PER|person']);
    expect(chunkTexts(second)).toEqual(['European|MISC|-', 'Commission|ORG|organization']);
    expect(first.tokens[3]).toEqual({ text: '.', start: 17, end: 18, line: 6 });
    file.documents.forEach(expectConsistent);
  });

  it.each([
    ['B-X B-X: two chunks', ['A B-PER', 'B B-PER'], ['A|PER|person', 'B|PER|person']],
    ['I-X after O opens a chunk (IOB1)', ['x O', 'A I-LOC', 'B I-LOC'], ['A B|LOC|place']],
    ['I-Y after B-X opens a new chunk', ['A B-ORG', 'B I-LOC'], ['A|ORG|organization', 'B|LOC|place']],
    ['a chunk ends at a blank line even if the next tag is I-', ['A B-LOC', '', 'B I-LOC'], ['A|LOC|place', 'B|LOC|place']],
    ['a chunk at the end of the file is closed', ['x O', 'A B-PER', 'B I-PER'], ['A B|PER|person']],
    ['lower-case HIPE-style types map too', ['A B-pers', 'B B-org', 'C B-loc', 'D B-prod'], ['A|pers|person', 'B|org|organization', 'C|loc|place', 'D|prod|-']],
  ])('chunks: %s', (_name, lines, expected) => {
    const file = readConll(`${lines.join('\n')}\n`, 't.txt');
    expect(file.documents.flatMap(chunkTexts)).toEqual(expected);
  });

  it('cuts a file without -DOCSTART- into documents of N sentences, separated as asked', () => {
    const content = ['A B-PER', '. O', '', 'B O', '. O', '', 'C B-LOC', '', 'D O', ''].join('\n');
    const file = readConll(content, 'e.txt', { sentencesPerDocument: 2, sentenceSeparator: '\n\n' });
    expect(file.pseudoDocuments).toBe(true);
    expect(file.documents.map((d) => d.text)).toEqual(['A .\n\nB .', 'C\n\nD']);
    expect(file.documents.map((d) => d.sentences)).toEqual([2, 2]);
    expect(file.documents.flatMap(chunkTexts)).toEqual(['A|PER|person', 'C|LOC|place']);
    file.documents.forEach(expectConsistent);
  });

  it.each([
    [{ sentencesPerDocument: 0 }, /sentencesPerDocument must be a whole number/],
    [{ sentencesPerDocument: 1.5 }, /sentencesPerDocument must be a whole number/],
    [{ sentenceSeparator: ' | ' }, /sentenceSeparator must be white space/],
  ])('rejects the option %o', (options, message) => {
    expect(() => readConll('A O\n', 'a.txt', options)).toThrow(message);
  });

  it('accepts tabs and CRLF line ends', () => {
    const file = readConll('Rue\tB-LOC\r\ndu\tI-LOC\r\nBac\tI-LOC\r\n', 'w.txt');
    expect(file.documents.flatMap(chunkTexts)).toEqual(['Rue du Bac|LOC|place']);
  });
});

describe('readHipe', () => {
  const sample = [
    HEADER,
    '# language = fr',
    '# document_id = DOC-1',
    row('Le', 'O', 'O'),
    row('sieur', 'B-pers', 'B-pers.ind'),
    row('Jean', 'I-pers', 'I-pers.ind'),
    row('Gicot', 'I-pers', 'I-pers.ind', 'NoSpaceAfter|LED0.00'),
    row(',', 'O', 'O', 'EndOfLine'),
    row('à', 'O', 'O'),
    row('Genève', 'B-loc', 'B-loc.adm.town', 'NoSpaceAfter'),
    row('.', 'O', 'O', 'PySBDSegment'),
    row('M', 'B-pers', 'B-pers.ind', 'NoSpaceAfter'),
    row('.', 'I-pers', 'I-pers.ind', 'PySBDSegment'),
    row('Eckard', 'I-pers', 'I-pers.ind'),
    row('frères', 'B-pers', 'B-pers.coll'),
    row('Bretscher', 'I-pers', 'I-pers.coll'),
    row('1848', 'B-time', 'B-time.date.abs', 'PySBDSegment'),
    '',
    '# document_id = DOC-2',
    row('Gazette', 'B-prod', 'B-prod.media'),
    row('de', 'I-prod', 'I-prod.media'),
    row('Lausanne', 'I-prod', 'I-prod.media'),
    row('et', 'O', 'O'),
    row('Berne', 'B-org', 'B-org.adm'),
  ].join('\n');

  it('rebuilds the text from NoSpaceAfter and EndOfLine, with document ids from the comments', () => {
    const file = readHipe(sample, 'h.tsv');
    expect(file.format).toBe('hipe');
    expect(file.documents.map((d) => d.id)).toEqual(['DOC-1', 'DOC-2']);
    const [doc1, doc2] = file.documents as [GoldDocument, GoldDocument];
    expect(doc1.text).toBe('Le sieur Jean Gicot, à Genève. M. Eckard frères Bretscher 1848');
    expect(doc1.line).toBe(3);
    expect(doc1.sentences).toBe(3);
    expect(doc2.text).toBe('Gazette de Lausanne et Berne');
    file.documents.forEach(expectConsistent);
  });

  it('keeps chunks across PySBD segments, and ignores pers.coll, prod and time', () => {
    const [doc1, doc2] = readHipe(sample, 'h.tsv').documents as [GoldDocument, GoldDocument];
    expect(chunkTexts(doc1)).toEqual([
      'sieur Jean Gicot|pers|person',
      'Genève|loc|place',
      'M. Eckard|pers|person',
      'frères Bretscher|pers.coll|-',
      '1848|time|-',
    ]);
    expect(chunkTexts(doc2)).toEqual(['Gazette de Lausanne|prod|-', 'Berne|org|organization']);
  });

  it('breaks the text at PySBD segments when asked', () => {
    const doc1 = readHipe(sample, 'h.tsv', { breakAtSegments: true }).documents[0] as GoldDocument;
    expect(doc1.text).toBe('Le sieur Jean Gicot, à Genève.\nM.\nEckard frères Bretscher 1848');
    expect(doc1.sentences).toBe(3);
    expectConsistent(doc1);
  });

  it.each([
    ['no header', `${row('A', 'O', 'O')}\n`, /h\.tsv:1: the header must name the columns TOKEN and NE-COARSE-LIT/],
    ['a short row', `${HEADER}\nParis\tB-loc\n`, /h\.tsv:2: expected 10 tab-separated columns as in the header, got 2/],
    ['a bad tag', `${HEADER}\n${row('Paris', 'B_loc', 'O')}\n`, /h\.tsv:2: unknown tag "B_loc"/],
    ['only a header', `${HEADER}\n# document_id = X\n`, /h\.tsv: no tokens found after the header/],
    ['only comments', '# document_id = X\n', /h\.tsv: no header line found/],
  ])('throws an InputError on %s', (_name, content, message) => {
    expect(() => readHipe(content, 'h.tsv')).toThrow(InputError);
    expect(() => readHipe(content, 'h.tsv')).toThrow(message);
  });
});

describe('format and language detection', () => {
  it('tells HIPE from CoNLL by the header', () => {
    expect(isHipe(`# c\n${HEADER}\n`)).toBe(true);
    expect(isHipe('-DOCSTART- -X- -X- O\n')).toBe(false);
    expect(isHipe('TOKEN O\n')).toBe(false);
    expect(readGoldFile(`${HEADER}\n${row('Berne', 'B-loc', 'B-loc')}`, 'a.tsv').format).toBe('hipe');
    expect(readGoldFile('Berne B-LOC\n', 'a.txt').format).toBe('conll');
  });

  it.each([
    ['/x/ner-fr/enp_FR.bnf.validation.iob2.txt', 'fr'],
    ['HIPE-data-v1.4-test-fr.tsv', 'fr'],
    ['fr.conll', 'fr'],
    ['conll2003_test_iob2.txt', 'en'],
    ['conllpp_test.txt', 'en'],
    ['french.txt', 'en'],
    ['/data/fr/test.txt', 'en'],
  ])('%s → %s', (path, lang) => {
    expect(langFromFileName(path)).toBe(lang);
  });
});
