import { extractDocument, type ExtractOptions } from './pipeline.ts';
import type { DocumentExtraction, SourceDocument } from './types.ts';

/** Texts longer than this are extracted in pieces cut at paragraph ends, so memory stays bounded. */
export const CHUNK_CHARS = 400_000;

/**
 * Extracts a document, in pieces when it is long. Offsets are shifted back into the
 * whole text; entity ids are made unique per piece (the graph merges them by name).
 */
export function extractChunked(doc: SourceDocument, options: ExtractOptions = {}): DocumentExtraction {
  if (doc.text.length <= CHUNK_CHARS) return extractDocument(doc, options);
  const parts: DocumentExtraction[] = [];
  let start = 0;
  let piece = 0;
  while (start < doc.text.length) {
    let end = Math.min(doc.text.length, start + CHUNK_CHARS);
    if (end < doc.text.length) {
      const nl = doc.text.lastIndexOf('\n', end);
      if (nl > start + CHUNK_CHARS / 2) end = nl + 1;
      else {
        const dot = doc.text.lastIndexOf('. ', end);
        if (dot > start + CHUNK_CHARS / 2) end = dot + 2;
      }
    }
    const part = extractDocument({ ...doc, text: doc.text.slice(start, end) }, options);
    const shift = start;
    const prefix = `c${piece}.`;
    for (const e of part.entities) {
      e.id = prefix + e.id;
      for (const m of e.mentions) {
        m.start += shift;
        m.end += shift;
      }
    }
    for (const r of part.relations) {
      r.source = prefix + r.source;
      r.target = prefix + r.target;
      r.evidence.start += shift;
      r.evidence.end += shift;
    }
    for (const p of part.parses ?? []) {
      p.start += shift;
      p.end += shift;
      for (const w of p.words) {
        w.start += shift;
        w.end += shift;
      }
    }
    parts.push(part);
    start = end;
    piece++;
  }
  const first = parts[0]!;
  const whole: DocumentExtraction = {
    doc: { ...first.doc, chars: doc.text.length },
    entities: parts.flatMap((p) => p.entities),
    relations: parts.flatMap((p) => p.relations),
    warnings: [...new Set(parts.flatMap((p) => p.warnings))],
  };
  if (options.parses) whole.parses = parts.flatMap((p) => p.parses ?? []);
  return whole;
}
