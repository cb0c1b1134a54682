/** Evidence sentences as DOM: each entity span in a <mark>, every piece of text a text node. */
import type { Mention } from '../../extract/types.ts';
import type { KgGraph } from '../../graph/types.ts';
import { evidenceSegments, mentionsWithin, type Mark } from '../core/evidence.ts';
import { el } from './dom.ts';

export function documentTitles(graph: KgGraph): Map<string, string> {
  const titles = new Map<string, string>();
  for (const doc of graph.getAttribute('documents') ?? []) titles.set(doc.id, doc.title || doc.id);
  return titles;
}

/** One evidence sentence of the edge between `source` and `target`, both spans marked. */
export function renderEvidence(graph: KgGraph, span: Mention, source: string, target: string, titles: Map<string, string>): HTMLElement {
  const text = graph.getAttribute('texts')?.[span.doc];
  const where = titles.get(span.doc) ?? span.doc;
  if (text === undefined) {
    return el(
      'blockquote',
      { class: 'evidence' },
      el('span', { class: 'muted', text: `Text not kept in this graph (characters ${span.start}–${span.end}).` }),
      el('span', { class: 'source-doc', text: where }),
    );
  }
  const marks: Mark[] = [
    ...mentionsWithin(graph.getNodeAttribute(source, 'mentions'), span).map((m) => ({ start: m.start, end: m.end, role: 'source' as const })),
    ...mentionsWithin(graph.getNodeAttribute(target, 'mentions'), span).map((m) => ({ start: m.start, end: m.end, role: 'target' as const })),
  ];
  const quote = el('blockquote', { class: 'evidence', attrs: { 'data-doc': span.doc } });
  for (const segment of evidenceSegments(text, span, marks)) {
    quote.append(segment.role ? el('mark', { class: segment.role, text: segment.text }) : document.createTextNode(segment.text));
  }
  quote.append(el('span', { class: 'source-doc', text: where, title: where }));
  return quote;
}
