/**
 * The query console: the same engine as `kg query` (src/graph/query). The result's
 * nodes and edges are highlighted on the graph; paths are listed hop by hop with
 * the evidence sentence of each link.
 */
import { isKgError } from '../../extract/errors.ts';
import { isEmptyResult, runQuery, type EdgeRef, type NodeRef, type PathResultItem, type QueryResult } from '../../graph/query/index.ts';
import { MAX_QUERY_LENGTH } from '../core/view-state.ts';
import type { KgApp } from './app.ts';
import { nodeChip, relationTag } from './details-panel.ts';
import { el } from './dom.ts';
import { documentTitles, renderEvidence } from './evidence-view.ts';

/** Longest a query may block the page. */
export const QUERY_TIMEOUT_MS = 4000;

function chip(app: KgApp, ref: NodeRef): HTMLElement {
  return app.graph.hasNode(ref.key) ? nodeChip(app, ref.key) : el('span', { text: ref.label });
}

function edgeLine(app: KgApp, edge: EdgeRef, titles: Map<string, string>, evidence: boolean): HTMLElement {
  const g = app.graph;
  const block = el(
    'div',
    { class: 'relation', attrs: { 'data-edge': edge.key } },
    el(
      'div',
      { class: 'relation-head' },
      chip(app, { key: edge.source, label: g.getNodeAttribute(edge.source, 'label'), type: g.getNodeAttribute(edge.source, 'type') }),
      relationTag(app, edge.key),
      chip(app, { key: edge.target, label: g.getNodeAttribute(edge.target, 'label'), type: g.getNodeAttribute(edge.target, 'type') }),
    ),
  );
  if (evidence) {
    for (const span of g.getEdgeAttribute(edge.key, 'evidence').slice(0, 2)) block.append(renderEvidence(g, span, edge.source, edge.target, titles));
  }
  return block;
}

function renderPath(app: KgApp, path: PathResultItem, index: number, titles: Map<string, string>, highlight: (nodes: string[], edges: string[]) => void): HTMLElement {
  const hops = path.steps.length;
  const nodes = path.nodes.map((n) => n.key);
  const edges = path.steps.map((s) => s.edges[0]!.key);
  const block = el(
    'div',
    { class: 'result-block', attrs: { 'data-path': String(index + 1) } },
    el(
      'div',
      { class: 'relation-head' },
      el('b', { text: `Path ${index + 1}` }),
      el('span', { class: 'muted', text: `${hops} hop${hops === 1 ? '' : 's'}${path.cost !== hops ? ` · cost ${path.cost}` : ''}` }),
      el('button', { class: 'link', text: 'show only this path', on: { click: () => highlight(nodes, edges) } }),
    ),
  );
  path.steps.forEach((step, i) => {
    const edge = step.edges[0]!;
    const hop = el(
      'div',
      { class: 'hop', attrs: { 'data-edge': edge.key } },
      el(
        'div',
        { class: 'relation-head' },
        chip(app, path.nodes[i]!),
        relationTag(app, edge.key, step.forward[0] ? 'forward' : 'backward'),
        chip(app, path.nodes[i + 1]!),
      ),
      ...app.graph
        .getEdgeAttribute(edge.key, 'evidence')
        .slice(0, 2)
        .map((span) => renderEvidence(app.graph, span, edge.source, edge.target, titles)),
    );
    if (step.edges.length > 1) hop.append(el('p', { class: 'muted', text: `and ${step.edges.length - 1} other link${step.edges.length > 2 ? 's' : ''} between ${path.nodes[i]!.label} and ${path.nodes[i + 1]!.label}` }));
    block.append(hop);
  });
  return block;
}

function renderResult(app: KgApp, result: QueryResult, highlight: (nodes: string[], edges: string[]) => void): HTMLElement[] {
  const titles = documentTitles(app.graph);
  const out: HTMLElement[] = result.notes.map((note) => el('p', { class: 'muted', text: note }));
  switch (result.kind) {
    case 'help':
      out.push(el('pre', { class: 'help', text: result.text }));
      break;
    case 'paths':
      result.paths.forEach((path, i) => out.push(renderPath(app, path, i, titles, highlight)));
      break;
    case 'nodes':
      out.push(
        el(
          'ul',
          { class: 'plain' },
          ...result.rows.map((row) =>
            el(
              'li',
              {},
              row.depth !== undefined ? el('span', { class: 'muted', text: `${row.depth} · ` }) : null,
              chip(app, row.node),
              el('span', { class: 'muted', text: row.from && row.via ? ` — via ${row.via.relation.replace(/_/g, ' ')} from ${row.from.label}` : ` — ${row.mentions} mention${row.mentions === 1 ? '' : 's'} in ${row.docs.length} document${row.docs.length === 1 ? '' : 's'}` }),
            ),
          ),
        ),
      );
      break;
    case 'edges':
      for (const row of result.rows) out.push(edgeLine(app, row.edge, titles, result.query.explain));
      break;
    case 'ranking':
      out.push(
        el(
          'ol',
          { class: 'plain' },
          ...result.rows.map((row, i) =>
            el('li', {}, el('span', { class: 'muted', text: `${i + 1}. ` }), chip(app, row.node), el('span', { class: 'muted', text: ` — ${result.measure} ${Number.isInteger(row.score) ? row.score : row.score.toPrecision(3)}` })),
          ),
        ),
      );
      break;
    case 'communities':
      for (const c of result.communities) {
        out.push(
          el(
            'div',
            { class: 'result-block' },
            el('div', { class: 'relation-head' }, el('b', { text: `Community ${c.id}` }), el('span', { class: 'muted', text: `${c.size} entities` }), el('button', { class: 'link', text: 'show', on: { click: () => highlight(c.members.map((m) => m.key), []) } })),
            el('div', { class: 'relation-head' }, ...c.members.map((m) => chip(app, m))),
          ),
        );
      }
      out.push(el('p', { class: 'muted', text: `Modularity ${result.modularity.toFixed(3)}.` }));
      break;
  }
  if (result.more > 0) out.push(el('p', { class: 'muted', text: `${result.moreIsLowerBound ? 'At least ' : ''}${result.more} more not shown; add "limit N" to see more.` }));
  return out;
}

/** Example queries made from the graph at hand (its best connected entities). */
function examples(app: KgApp): string[] {
  const g = app.graph;
  if (g.order === 0) return ['help'];
  const quote = (label: string) => (/^[\p{L}\p{N}]+$/u.test(label) ? label : `"${label.replace(/["\\]/g, '\\$&')}"`);
  const top = g
    .filterNodes((_n, a) => a.type !== 'figure')
    .sort((x, y) => g.degree(y) - g.degree(x) || (x < y ? -1 : 1))
    .slice(0, 6)
    .map((n) => g.getNodeAttribute(n, 'label'));
  const list = ['top degree 5', 'communities'];
  if (top.length >= 1) list.push(`neighbors ${quote(top[0]!)}`);
  if (top.length >= 2) list.push(`explain path ${quote(top[0]!)} -- ${quote(top[top.length - 1]!)} cooccur`);
  list.push('help');
  return list;
}

export function mountQuery(app: KgApp, pane: HTMLElement, reveal: () => void): void {
  const input = el('textarea', {
    attrs: { id: 'query-input', rows: '2', spellcheck: 'false', 'aria-label': 'Query', placeholder: 'path A -- B · neighbors A · top degree · help', maxlength: String(MAX_QUERY_LENGTH) },
  });
  const runButton = el('button', { class: 'primary', text: 'Run', attrs: { id: 'query-run' } });
  const clearButton = el('button', { text: 'Clear', attrs: { id: 'query-clear' } });
  const exampleBox = el('div', { class: 'actions query-examples' });
  const output = el('div', { attrs: { id: 'query-output', 'aria-live': 'polite' } });
  pane.append(
    el('div', { class: 'query-form field' }, input, el('div', { class: 'field-row' }, runButton, clearButton, el('span', { class: 'muted', text: 'Enter runs · Shift+Enter for a new line' }))),
    el('p', { class: 'muted', text: 'Examples from this graph:' }),
    exampleBox,
    output,
  );

  const renderExamples = () =>
    exampleBox.replaceChildren(
      ...examples(app).map((text) =>
        el('button', {
          text,
          on: {
            click: () => {
              input.value = text;
              run();
            },
          },
        }),
      ),
    );

  const highlight = (text: string) => (nodes: string[], edges: string[]) => {
    // A result of nodes only (communities, rankings) brings forward the links among them.
    app.setQueryHighlight(text, { text, nodes: new Set(nodes), edges: edges.length > 0 ? new Set(edges) : null });
    app.fitCameraTo(nodes);
  };

  const run = () => {
    const text = input.value.trim();
    if (text === '') return;
    reveal();
    let result: QueryResult;
    const started = performance.now();
    try {
      result = runQuery(app.graph, text, { timeoutMs: QUERY_TIMEOUT_MS });
    } catch (error) {
      if (!isKgError(error)) throw error;
      app.setQueryHighlight(text, null);
      // Syntax errors end with the query and a caret under the column: keep the lines.
      output.replaceChildren(el('pre', { class: 'query-error', attrs: { role: 'alert' }, text: error.message }));
      return;
    }
    const ms = performance.now() - started;
    const empty = isEmptyResult(result);
    output.replaceChildren(
      el('p', { class: 'muted', text: `${empty ? 'Nothing found' : `${result.nodes.length} entities, ${result.edges.length} links`} · ${ms < 1 ? '<1' : Math.round(ms)} ms` }),
      ...renderResult(app, result, highlight(text)),
    );
    if (result.kind === 'help' || empty) app.setQueryHighlight(text, null);
    else highlight(text)(result.nodes, result.edges);
  };

  runButton.addEventListener('click', run);
  clearButton.addEventListener('click', () => {
    input.value = '';
    output.replaceChildren();
    app.setQueryHighlight('', null);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      run();
    }
  });
  renderExamples();
  app.on((changes) => {
    if (changes.has('graph')) {
      renderExamples();
      output.replaceChildren();
    }
    if (changes.has('query') && app.view.query === '' && app.queryHighlight === null && input.value !== '' && !pane.contains(document.activeElement)) {
      // Esc cleared the query.
      input.value = '';
      output.replaceChildren();
    }
  });

  // A query from the link runs on load.
  if (app.view.query) {
    input.value = app.view.query;
    run();
  }
}
