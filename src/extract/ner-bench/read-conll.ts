import { InputError } from '../errors.ts';
import { DocumentBuilder } from './build-document.ts';
import type { GoldDocument, GoldFile } from './types.ts';

export interface ReadGoldOptions {
  /** Written between sentences so the extractor sees sentence ends. */
  sentenceSeparator?: string;
  /** Files without document markers (Europeana) are cut into documents of this many sentences. */
  sentencesPerDocument?: number;
  /** HIPE: also break the text at the automatic PySBDSegment flags (off: gold chunks cross 42 of them). */
  breakAtSegments?: boolean;
}

export const DEFAULT_READ_GOLD_OPTIONS: Required<ReadGoldOptions> = {
  sentenceSeparator: '\n',
  sentencesPerDocument: 20,
  breakAtSegments: false,
};

export function resolveReadGoldOptions(options: ReadGoldOptions = {}): Required<ReadGoldOptions> {
  const merged = { ...DEFAULT_READ_GOLD_OPTIONS, ...options };
  if (!Number.isInteger(merged.sentencesPerDocument) || merged.sentencesPerDocument < 1) {
    throw new InputError(`sentencesPerDocument must be a whole number ≥ 1, got ${merged.sentencesPerDocument}.`);
  }
  if (!/^\s+$/.test(merged.sentenceSeparator)) {
    throw new InputError(`sentenceSeparator must be white space, got ${JSON.stringify(merged.sentenceSeparator)}.`);
  }
  return merged;
}

const DOCSTART = '-DOCSTART-';

/**
 * Reads a CoNLL file: one `token … tag` line per token (2-column Europeana files,
 * 4-column CoNLL-2003 files; the tag is the last column), blank lines between
 * sentences, `-DOCSTART-` lines between documents. A file without any
 * `-DOCSTART-` is cut into pseudo-documents of `sentencesPerDocument` sentences.
 */
export function readConll(content: string, name: string, options: ReadGoldOptions = {}): GoldFile {
  const { sentenceSeparator, sentencesPerDocument } = resolveReadGoldOptions(options);
  const lines = content.split(/\r?\n/);
  const hasDocMarkers = lines.some((l) => l.startsWith(DOCSTART));
  const documents: GoldDocument[] = [];
  let builder: DocumentBuilder | null = null;
  let sentencesInDoc = 0;
  let inSentence = false;

  const finishDocument = () => {
    if (builder && builder.tokenCount > 0) documents.push(builder.finish());
    builder = null;
    sentencesInDoc = 0;
  };
  const current = (line: number): DocumentBuilder => {
    builder ??= new DocumentBuilder(`${name}#${documents.length + 1}`, line, name, sentenceSeparator);
    return builder;
  };
  const endSentence = () => {
    if (!inSentence) return;
    inSentence = false;
    builder?.endSentence(true);
    sentencesInDoc += 1;
    if (!hasDocMarkers && sentencesInDoc >= sentencesPerDocument) finishDocument();
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '') {
      endSentence();
      return;
    }
    const columns = line.split(/\s+/);
    if (columns[0] === DOCSTART) {
      endSentence();
      finishDocument();
      return;
    }
    if (columns.length < 2) {
      throw new InputError(
        `${name}:${lineNo}: expected "token tag" or "token POS chunk tag", got "${truncate(line)}". ` +
          'Is this a CoNLL/IOB2 file (one token per line, the tag in the last column)?',
      );
    }
    const token = columns[0] as string;
    const tag = columns[columns.length - 1] as string;
    current(lineNo).addToken(token, tag, lineNo);
    inSentence = true;
  });
  endSentence();
  finishDocument();
  if (documents.length === 0) throw new InputError(`${name}: no tokens found. Expected a CoNLL/IOB2 or CLEF-HIPE TSV file.`);
  return { name, format: 'conll', documents, pseudoDocuments: !hasDocMarkers };
}

export function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
