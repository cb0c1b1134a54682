/**
 * Evidence sentences as plain segments: the sentence `texts[doc].slice(start, end)`
 * cut around the entity spans it contains, so the page can wrap each span in a
 * <mark> made with createElement (text never becomes HTML).
 */
import type { Mention } from '../../extract/types.ts';

export type SegmentRole = 'source' | 'target' | null;

export interface EvidenceSegment {
  text: string;
  role: SegmentRole;
}

export interface Mark {
  start: number;
  end: number;
  role: Exclude<SegmentRole, null>;
}

/** Mentions of one node that fall inside a sentence span of the same document. */
export function mentionsWithin(mentions: readonly Mention[], span: Mention): Mention[] {
  return mentions.filter((m) => m.doc === span.doc && m.start >= span.start && m.end <= span.end && m.end > m.start);
}

/**
 * Cuts `text.slice(span.start, span.end)` into segments; marks outside the span are
 * dropped, overlapping marks keep the first (earliest, then longest).
 */
export function evidenceSegments(text: string, span: Mention, marks: readonly Mark[]): EvidenceSegment[] {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const sorted = marks
    .filter((m) => m.start >= start && m.end <= end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: EvidenceSegment[] = [];
  let at = start;
  for (const mark of sorted) {
    if (mark.start < at) continue;
    if (mark.start > at) segments.push({ text: text.slice(at, mark.start), role: null });
    segments.push({ text: text.slice(mark.start, mark.end), role: mark.role });
    at = mark.end;
  }
  if (at < end) segments.push({ text: text.slice(at, end), role: null });
  return segments;
}
