/**
 * The left panel: the legend (entity types with their colours and counts, which are
 * also the type filter), relation types, the co-occurrence toggle, minimum degree,
 * document, neighbourhood focus, and what is shown.
 */
import { ENTITY_TYPES, RELATION_NAMES, type EntityType, type RelationName } from '../../extract/types.ts';
import { RELATION_COLORS, TYPE_COLORS } from '../core/appearance.ts';
import { isFilterActive, emptyFilters, type EgoDepth } from '../core/filters.ts';
import type { KgApp } from './app.ts';
import { el, swatch } from './dom.ts';

const numberFormat = new Intl.NumberFormat('en');

function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.delete(item);
  else next.add(item);
  return next;
}

function checkRow(label: string, color: string, shape: 'dot' | 'line', count: number, checked: boolean, onChange: (on: boolean) => void, name: string): HTMLElement {
  const box = el('input', { attrs: { type: 'checkbox', 'data-filter': name } });
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return el('label', { class: checked ? 'check-row' : 'check-row off' }, box, swatch(color, shape), el('span', { class: 'name', text: label }), el('span', { class: 'count', text: numberFormat.format(count) }));
}

export function mountFilters(app: KgApp, panel: HTMLElement): void {
  const render = () => {
    // Re-rendering replaces the controls: keep the keyboard focus on the same one.
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement && panel.contains(active) ? (active.dataset.filter ?? active.id) : null;
    build();
    if (focusKey) {
      const again = panel.querySelector<HTMLElement>(`[data-filter="${CSS.escape(focusKey)}"], #${CSS.escape(focusKey)}`);
      again?.focus();
    }
  };
  const build = () => {
    const f = app.view.filters;
    const { types, relations } = app.counts;
    const g = app.graph;

    const typeRows = ENTITY_TYPES.filter((t) => (types.get(t) ?? 0) > 0 || f.hiddenTypes.has(t)).map((t: EntityType) =>
      checkRow(t, TYPE_COLORS[t], 'dot', types.get(t) ?? 0, !f.hiddenTypes.has(t), (on) => app.setFilters({ hiddenTypes: toggled(f.hiddenTypes, t, on) }), `type:${t}`),
    );
    const relationRows = RELATION_NAMES.filter((r) => r !== 'co_occurs' && ((relations.get(r) ?? 0) > 0 || f.hiddenRelations.has(r))).map((r: RelationName) =>
      checkRow(r.replace(/_/g, ' '), RELATION_COLORS[r], 'line', relations.get(r) ?? 0, !f.hiddenRelations.has(r), (on) => app.setFilters({ hiddenRelations: toggled(f.hiddenRelations, r, on) }), `relation:${r}`),
    );

    const coBox = el('input', { attrs: { type: 'checkbox', id: 'show-cooccurs', 'data-filter': 'relation:co_occurs' } });
    coBox.checked = !f.hiddenRelations.has('co_occurs');
    coBox.addEventListener('change', () => app.setFilters({ hiddenRelations: toggled(f.hiddenRelations, 'co_occurs', coBox.checked) }));
    const coRow = el(
      'label',
      { class: 'toggle-row', title: 'Links between entities named in the same sentence, without a typed relation' },
      coBox,
      swatch(RELATION_COLORS.co_occurs, 'line'),
      el('span', { class: 'name', text: 'Co-occurrences' }),
      el('span', { class: 'count muted', text: numberFormat.format(relations.get('co_occurs') ?? 0) }),
    );

    let maxDegree = 0;
    g.forEachNode((node) => {
      maxDegree = Math.max(maxDegree, g.degree(node));
    });
    const degreeMax = Math.max(1, Math.min(maxDegree, 50));
    const degree = el('input', { attrs: { type: 'range', id: 'min-degree', min: '0', max: String(degreeMax), step: '1', 'aria-label': 'Minimum links' } });
    degree.value = String(Math.min(f.minDegree, degreeMax));
    const degreeValue = el('span', { class: 'count', text: String(f.minDegree) });
    degree.addEventListener('input', () => {
      degreeValue.textContent = degree.value;
    });
    degree.addEventListener('change', () => app.setFilters({ minDegree: Number(degree.value) }));

    const docs = g.getAttribute('documents') ?? [];
    const docSelect = el('select', { attrs: { id: 'doc-filter', 'aria-label': 'Document' } }, el('option', { text: 'All documents', attrs: { value: '' } }));
    for (const d of docs) docSelect.append(el('option', { text: d.title && d.title !== d.id ? `${d.title} (${d.id})` : d.id, attrs: { value: d.id } }));
    docSelect.value = f.document ?? '';
    docSelect.addEventListener('change', () => app.setFilters({ document: docSelect.value || null }));

    const selected = app.view.selection?.kind === 'node' ? app.view.selection.key : null;
    const focusCenter = f.ego && g.hasNode(f.ego.node) ? f.ego.node : null;
    const depthSelect = el('select', { attrs: { id: 'ego-depth', 'aria-label': 'Focus depth' } }, ...[1, 2, 3].map((d) => el('option', { text: `${d} link${d > 1 ? 's' : ''} away`, attrs: { value: String(d) } })));
    depthSelect.value = String(f.ego?.depth ?? 1);
    depthSelect.addEventListener('change', () => {
      const depth = Number(depthSelect.value) as EgoDepth;
      if (f.ego) app.setFilters({ ego: { node: f.ego.node, depth } });
    });
    const focusBlock = focusCenter
      ? el(
          'div',
          { class: 'field' },
          el('span', {}, 'Around ', el('b', { text: g.getNodeAttribute(focusCenter, 'label') })),
          el('div', { class: 'field-row' }, depthSelect, el('button', { text: 'Clear', attrs: { id: 'ego-clear' }, on: { click: () => app.setFilters({ ego: null }) } })),
        )
      : el(
          'div',
          { class: 'field' },
          el('div', { class: 'field-row' }, depthSelect),
          el('button', {
            text: selected ? `Focus on ${truncate(g.getNodeAttribute(selected, 'label'), 24)}` : 'Select a node to focus on it',
            attrs: { id: 'ego-apply', ...(selected ? {} : { disabled: 'true' }) },
            on: { click: () => selected && app.setFilters({ ego: { node: selected, depth: Number(depthSelect.value) as EgoDepth } }) },
          }),
        );

    const vis = app.display.visibility;
    const shownNodes = vis ? vis.nodes.size : g.order;
    const shownEdges = vis ? vis.edges.size : g.size;
    const children: (HTMLElement | null)[] = [
      el('h2', { text: 'Entity types' }),
      ...typeRows,
      el('h2', { text: 'Relations' }),
      coRow,
      el('div', { class: 'relations' }, ...relationRows),
      el('h2', { text: 'Minimum links' }),
      el('div', { class: 'field-row' }, degree, degreeValue),
      el('h2', { text: 'Document' }),
      el('div', { class: 'field' }, docSelect),
      el('h2', { text: 'Neighbourhood' }),
      focusBlock,
      el(
        'p',
        { class: 'summary', attrs: { id: 'filter-summary' } },
        `Showing ${numberFormat.format(shownNodes)} of ${numberFormat.format(g.order)} entities and ${numberFormat.format(shownEdges)} of ${numberFormat.format(g.size)} links.`,
      ),
      isFilterActive(f) ? el('button', { text: 'Reset filters', attrs: { id: 'reset-filters' }, on: { click: () => app.setFilters(emptyFilters) } }) : null,
    ];
    panel.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  };
  render();
  app.on((changes) => {
    if (changes.has('filters') || changes.has('graph') || changes.has('selection')) render();
  });
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
