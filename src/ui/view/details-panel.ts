/**
 * The side panel: what is selected. A node shows its type, aliases, figure value,
 * documents and every relation with its evidence sentences; an edge shows its
 * evidence. Neighbours are links that select them.
 */
import { RELATION_NAMES, SYMMETRIC_RELATIONS } from '../../extract/types.ts';
import type { KgGraph, NodeAttributes } from '../../graph/types.ts';
import { RELATION_COLORS, TYPE_COLORS } from '../core/appearance.ts';
import type { KgApp } from './app.ts';
import { el, swatch } from './dom.ts';
import { documentTitles, renderEvidence } from './evidence-view.ts';

/** Relations listed before "show all". */
export const RELATIONS_SHOWN = 40;
/** Evidence sentences per relation before "more". */
export const EVIDENCE_SHOWN = 3;

const relationOrder = new Map(RELATION_NAMES.map((r, i) => [r, i]));
const numberFormat = new Intl.NumberFormat('en');

export function formatFigure(a: NodeAttributes): string | null {
  if (a.value === undefined) return null;
  const range = a.value_max !== undefined ? `${numberFormat.format(a.value)} – ${numberFormat.format(a.value_max)}` : numberFormat.format(a.value);
  return a.unit ? `${range} ${a.unit}` : range;
}

export function nodeChip(app: KgApp, node: string): HTMLElement {
  const a = app.graph.getNodeAttributes(node);
  return el(
    'span',
    { class: 'node-chip' },
    swatch(TYPE_COLORS[a.type]),
    el('button', {
      class: 'link',
      text: a.label,
      title: `${a.type} — select`,
      attrs: { 'data-node': node },
      on: { click: () => app.select({ kind: 'node', key: node }, { camera: true }) },
    }),
  );
}

/**
 * The relation's name on its colour, as a button that selects the edge (its panel
 * lists every evidence sentence). `direction` adds an arrow: a path read against an
 * edge points back.
 */
export function relationTag(app: KgApp, edge: string, direction: 'forward' | 'backward' | null = null): HTMLElement {
  const relation = app.graph.getEdgeAttribute(edge, 'relation');
  const name = relation.replace(/_/g, ' ');
  const text = direction === null || SYMMETRIC_RELATIONS.has(relation) ? name : direction === 'forward' ? `${name} →` : `← ${name}`;
  const tag = el('button', {
    class: relation === 'co_occurs' ? 'relation-name faint' : 'relation-name',
    text,
    title: 'Show this link and all its sentences',
    attrs: { 'data-edge': edge },
    on: { click: () => app.select({ kind: 'edge', key: edge }) },
  });
  tag.style.background = RELATION_COLORS[relation];
  return tag;
}

function evidenceList(app: KgApp, edge: string, titles: Map<string, string>, shown: number): HTMLElement[] {
  const g = app.graph;
  const [source, target] = g.extremities(edge);
  const evidence = g.getEdgeAttribute(edge, 'evidence');
  const out = evidence.slice(0, shown).map((span) => renderEvidence(g, span, source, target, titles));
  if (evidence.length > shown) {
    const more = el('button', {
      class: 'link',
      text: `${evidence.length - shown} more sentence${evidence.length - shown > 1 ? 's' : ''}`,
      on: {
        click: () => more.replaceWith(...evidence.slice(shown).map((span) => renderEvidence(g, span, source, target, titles))),
      },
    });
    out.push(more);
  }
  return out;
}

function relationBlock(app: KgApp, edge: string, titles: Map<string, string>): HTMLElement {
  const g = app.graph;
  const [source, target] = g.extremities(edge);
  return el(
    'div',
    { class: 'relation', attrs: { 'data-edge': edge } },
    el('div', { class: 'relation-head' }, nodeChip(app, source), relationTag(app, edge), nodeChip(app, target)),
    ...evidenceList(app, edge, titles, EVIDENCE_SHOWN),
  );
}

function sortedEdges(g: KgGraph, node: string): string[] {
  const edges = g.edges(node);
  return edges.sort((x, y) => {
    const ax = g.getEdgeAttributes(x);
    const ay = g.getEdgeAttributes(y);
    return relationOrder.get(ax.relation)! - relationOrder.get(ay.relation)! || ay.weight - ax.weight || (x < y ? -1 : 1);
  });
}

function renderNode(app: KgApp, node: string): HTMLElement[] {
  const g = app.graph;
  const a = g.getNodeAttributes(node);
  const titles = documentTitles(g);
  const out: HTMLElement[] = [
    el('h3', { text: a.label }),
    el('span', { class: 'badge' }, swatch(TYPE_COLORS[a.type]), a.type),
  ];
  const figure = formatFigure(a);
  if (figure) out.push(el('p', { class: 'meta' }, el('b', { text: 'Value ' }), figure));
  if (a.aliases.length > 0) out.push(el('p', { class: 'meta' }, el('b', { text: 'Also ' }), a.aliases.join(' · ')));

  const focus = app.view.filters.ego;
  out.push(
    el(
      'div',
      { class: 'actions' },
      el('button', { text: 'Centre view', on: { click: () => app.select({ kind: 'node', key: node }, { camera: true }) } }),
      focus?.node === node
        ? el('button', { text: 'Show whole graph', on: { click: () => app.setFilters({ ego: null }) } })
        : el('button', { text: 'Focus on neighbourhood', on: { click: () => app.setFilters({ ego: { node, depth: focus?.depth ?? 1 } }) } }),
    ),
  );

  const perDoc = new Map<string, number>();
  for (const m of a.mentions) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
  out.push(el('h4', { text: `Documents (${perDoc.size})` }));
  out.push(
    el(
      'ul',
      { class: 'plain' },
      ...[...perDoc].map(([doc, n]) =>
        el(
          'li',
          {},
          el('button', {
            class: 'link',
            text: titles.get(doc) ?? doc,
            title: `Show only what ${doc} mentions`,
            on: { click: () => app.setFilters({ document: doc }) },
          }),
          el('span', { class: 'muted', text: ` — ${n} mention${n > 1 ? 's' : ''}` }),
        ),
      ),
    ),
  );

  const edges = sortedEdges(g, node);
  out.push(el('h4', { text: `Relations (${edges.length})` }));
  if (edges.length === 0) out.push(el('p', { class: 'empty-note', text: 'No relation was found for this entity.' }));
  const list = el('div', {}, ...edges.slice(0, RELATIONS_SHOWN).map((edge) => relationBlock(app, edge, titles)));
  out.push(list);
  if (edges.length > RELATIONS_SHOWN) {
    const all = el('button', {
      text: `Show all ${edges.length} relations`,
      on: {
        click: () => {
          list.append(...edges.slice(RELATIONS_SHOWN).map((edge) => relationBlock(app, edge, titles)));
          all.remove();
        },
      },
    });
    out.push(all);
  }
  return out;
}

function renderEdge(app: KgApp, edge: string): HTMLElement[] {
  const g = app.graph;
  const a = g.getEdgeAttributes(edge);
  const [source, target] = g.extremities(edge);
  const titles = documentTitles(g);
  return [
    el('div', { class: 'relation-head' }, nodeChip(app, source), relationTag(app, edge), nodeChip(app, target)),
    el('p', { class: 'meta' }, el('b', { text: 'Evidence ' }), `${a.evidence.length} sentence${a.evidence.length === 1 ? '' : 's'}`, el('span', { class: 'muted', text: ` · rule ${a.pattern}` })),
    ...evidenceList(app, edge, titles, 20),
  ];
}

function renderOverview(app: KgApp): HTMLElement[] {
  const g = app.graph;
  const docs = g.getAttribute('documents') ?? [];
  if (g.order === 0) {
    return [
      el('h3', { text: 'No graph yet' }),
      el('p', { class: 'empty-note', text: 'Drop .txt or .md files on the page, or paste a text in "Add texts", to build a graph from them.' }),
    ];
  }
  const top = g
    .nodes()
    .sort((x, y) => g.degree(y) - g.degree(x) || (x < y ? -1 : 1))
    .slice(0, 8);
  return [
    el('p', { class: 'empty-note', text: 'Hover a node to see its neighbours; click it, or search it with /, to read the sentences behind each of its links.' }),
    el('h4', { text: 'Most connected' }),
    el('ul', { class: 'plain' }, ...top.map((node) => el('li', {}, nodeChip(app, node), el('span', { class: 'muted', text: ` — ${g.degree(node)} links` })))),
    el('h4', { text: `Documents (${docs.length})` }),
    el(
      'ul',
      { class: 'plain' },
      ...docs.slice(0, 50).map((d) =>
        el('li', {}, el('button', { class: 'link', text: d.title || d.id, title: `Show only what ${d.id} mentions`, on: { click: () => app.setFilters({ document: d.id }) } })),
      ),
      docs.length > 50 ? el('li', { class: 'muted', text: `and ${docs.length - 50} more (see the document filter)` }) : null,
    ),
  ];
}

export function mountDetails(app: KgApp, pane: HTMLElement, reveal: () => void): void {
  const render = () => {
    const selection = app.view.selection;
    let content: HTMLElement[];
    if (selection?.kind === 'node') content = renderNode(app, selection.key);
    else if (selection?.kind === 'edge') content = renderEdge(app, selection.key);
    else content = renderOverview(app);
    pane.replaceChildren(...content);
    pane.scrollTop = 0;
  };
  render();
  app.on((changes) => {
    if (changes.has('selection') || changes.has('graph') || (changes.has('filters') && app.view.selection?.kind === 'node')) {
      render();
      if (changes.has('selection') && app.view.selection) reveal();
    }
  });
}
