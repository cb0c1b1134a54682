/**
 * Export buttons: GEXF of what is shown (current positions, colours and sizes, with
 * the shared writer of `kg export`), a PNG of the view (@sigma/export-image) and the
 * whole graph as JSON (graph.json, current positions included).
 */
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import { writeGexf } from '../../graph/export/gexf.ts';
import { serializeGraph } from '../../graph/serialize.ts';
import type { KgGraph } from '../../graph/types.ts';
import { TYPE_COLORS } from '../core/appearance.ts';
import type { Visibility } from '../core/filters.ts';
import type { KgApp } from './app.ts';
import type { KgSigma } from './renderer.ts';
import { byId, downloadBlob } from './dom.ts';

/**
 * A copy of the graph as shown: only visible nodes and edges, each node with its
 * displayed size and colour. The original graph is left as it is.
 */
export function shownGraph(graph: KgGraph, visibility: Visibility | null, sizes: Map<string, number>): KgGraph {
  const copy = graph.copy();
  if (visibility) {
    const edges = copy.filterEdges((edge) => !visibility.edges.has(edge));
    for (const edge of edges) copy.dropEdge(edge);
    const nodes = copy.filterNodes((node) => !visibility.nodes.has(node));
    for (const node of nodes) copy.dropNode(node);
  }
  copy.updateEachNodeAttributes((node, a) => ({ ...a, size: sizes.get(node) ?? a.size, color: TYPE_COLORS[a.type] }));
  return copy;
}

export function mountExports(app: KgApp): void {
  const toggle = byId<HTMLButtonElement>('export-toggle');
  const items = byId('export-items');
  const setOpen = (open: boolean) => {
    items.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(items.hasAttribute('hidden')));
  document.addEventListener('click', (event) => {
    if (!byId('export-menu').contains(event.target as Node)) setOpen(false);
  });

  const run = (what: string, action: () => void | Promise<void>) => async () => {
    setOpen(false);
    try {
      await action();
    } catch (error) {
      app.message(`${what} export failed: ${(error as Error).message}`, 'error');
      console.error(error);
    }
  };

  byId('export-gexf').addEventListener(
    'click',
    run('GEXF', () => {
      const gexf = writeGexf(shownGraph(app.graph, app.display.visibility, app.display.sizes));
      downloadBlob(new Blob([gexf], { type: 'application/gexf+xml' }), 'kg-graph.gexf');
    }),
  );
  byId('export-png').addEventListener(
    'click',
    // The plug-in is typed for untyped graphs; ours only narrows the attributes.
    run('PNG', () =>
      downloadAsPNG(app.sigma as unknown as Sigma, {
        fileName: 'kg-graph',
        backgroundColor: '#ffffff',
        // The copy has rendered once before this hook: attaching draws its labels.
        withTempRenderer: (copy) => app.labels.attach(copy as unknown as KgSigma),
      }),
    ),
  );
  byId('export-json').addEventListener(
    'click',
    run('JSON', () => downloadBlob(new Blob([serializeGraph(app.graph)], { type: 'application/json' }), 'graph.json')),
  );
}
