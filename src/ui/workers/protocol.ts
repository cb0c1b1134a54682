/** Messages between the page and the extraction worker. Plain data both ways. */
import type { DocumentExtraction, SourceDocument } from '../../extract/types.ts';

export interface ExtractRequest {
  docs: SourceDocument[];
}

export type ExtractMessage =
  /** `id` is about to be read; `done` documents are finished out of `total`. */
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'extracted'; extraction: DocumentExtraction }
  | { type: 'failed'; id: string; message: string }
  | { type: 'finished' };
