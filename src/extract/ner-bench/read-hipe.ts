import { InputError } from '../errors.ts';
import { DocumentBuilder } from './build-document.ts';
import { resolveReadGoldOptions, truncate, type ReadGoldOptions } from './read-conll.ts';
import type { GoldDocument, GoldFile } from './types.ts';

const DOCUMENT_ID = /^#\s*document_id\s*=\s*(.+?)\s*$/;

/**
 * Reads a CLEF-HIPE TSV file: a header line naming the columns, `# key = value`
 * comment lines (`# document_id = …` starts a document), one token per line with
 * the literal coarse tag in NE-COARSE-LIT and flags in MISC: `NoSpaceAfter` glues
 * the next token, `EndOfLine` is a space, `PySBDSegment` ends an automatic
 * sentence segment (a text break only with `breakAtSegments`). A `pers` chunk
 * whose NE-FINE-LIT is `pers.coll` is labelled `pers.coll` and so ignored, like
 * the published mapping (pers.coll → MISC).
 */
export function readHipe(content: string, name: string, options: ReadGoldOptions = {}): GoldFile {
  const { sentenceSeparator, breakAtSegments } = resolveReadGoldOptions(options);
  const lines = content.split(/\r?\n/);
  const documents: GoldDocument[] = [];
  let columns: { token: number; coarse: number; fine: number | undefined; misc: number | undefined; count: number } | null = null;
  let builder: DocumentBuilder | null = null;
  let pendingId: { id: string; line: number } | null = null;

  const finishDocument = () => {
    if (builder && builder.tokenCount > 0) documents.push(builder.finish());
    builder = null;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw;
    if (line.trim() === '') {
      builder?.endSentence(false);
      return;
    }
    if (line.startsWith('#') && !line.includes('\t')) {
      const id = DOCUMENT_ID.exec(line)?.[1];
      if (id !== undefined) {
        finishDocument();
        pendingId = { id, line: lineNo };
      }
      return;
    }
    const cells = line.split('\t');
    if (!columns) {
      columns = readHeader(cells, name, lineNo);
      return;
    }
    if (cells.length < columns.count) {
      throw new InputError(
        `${name}:${lineNo}: expected ${columns.count} tab-separated columns as in the header, got ${cells.length}: "${truncate(line)}".`,
      );
    }
    const token = cells[columns.token] as string;
    const coarse = cells[columns.coarse] as string;
    const fine = columns.fine === undefined ? undefined : cells[columns.fine];
    const flags = new Set(columns.misc === undefined ? [] : (cells[columns.misc] as string).split('|'));
    if (!builder) {
      const start = pendingId ?? { id: `${name}#${documents.length + 1}`, line: lineNo };
      builder = new DocumentBuilder(start.id, start.line, name, sentenceSeparator);
      pendingId = null;
    }
    const override = coarse.startsWith('B-') && fine !== undefined && /^B-pers\.coll\b/.test(fine) ? 'pers.coll' : undefined;
    builder.addToken(token, coarse, lineNo, override);
    if (flags.has('NoSpaceAfter')) builder.setGap('none');
    if (flags.has('PySBDSegment')) {
      if (breakAtSegments) builder.endSentence(false);
      else builder.countSentence();
    }
  });
  if (!columns) throw new InputError(`${name}: no header line found. A CLEF-HIPE TSV file starts with "TOKEN\tNE-COARSE-LIT\t…".`);
  finishDocument();
  if (documents.length === 0) throw new InputError(`${name}: no tokens found after the header.`);
  return { name, format: 'hipe', documents, pseudoDocuments: false };
}

function readHeader(cells: string[], name: string, line: number) {
  const find = (column: string) => {
    const index = cells.indexOf(column);
    return index < 0 ? undefined : index;
  };
  const token = find('TOKEN');
  const coarse = find('NE-COARSE-LIT');
  if (token === undefined || coarse === undefined) {
    throw new InputError(
      `${name}:${line}: the header must name the columns TOKEN and NE-COARSE-LIT, got "${truncate(cells.join(' '))}".`,
    );
  }
  return { token, coarse, fine: find('NE-FINE-LIT'), misc: find('MISC'), count: cells.length };
}
