/**
 * Start-up of the page: read the view from the URL, load and check the graph
 * (graph.json beside the page, or ?graph=URL), build the view and the panels, then
 * say so: `document.body.dataset.ready = "true"` and `window.__kgReady`.
 */
// First: starts the graph's download before the other modules are evaluated.
import { fetchGraph } from './early-fetch.ts';
import { isKgError } from '../extract/errors.ts';
import { seedPositions } from '../graph/layout.ts';
import { createGraph, parseGraph } from '../graph/serialize.ts';
import type { KgGraph } from '../graph/types.ts';
import { parseViewState } from './core/view-state.ts';
import { KgApp } from './view/app.ts';
import { mountChrome } from './view/chrome.ts';
import { mountDetails } from './view/details-panel.ts';
import { byId } from './view/dom.ts';
import { mountExports } from './view/exports.ts';
import { mountFilters } from './view/filters-panel.ts';
import { mountQuery } from './view/query-panel.ts';
import { mountSearch } from './view/search-box.ts';
import { mountTexts } from './view/texts-panel.ts';
import { presettle } from './view/layout-runner.ts';

declare global {
  interface Window {
    /** Set once the page is ready: tests and benchmarks wait for it. */
    __kgReady?: boolean;
    /** ms since navigation start when the page became ready. */
    __kgReadyAt?: number;
    /** The running app, for tests and benchmarks. */
    __kg?: KgApp;
  }
}

export const DEFAULT_GRAPH_URL = 'graph.json';

async function loadGraph(url: string): Promise<{ graph: KgGraph; problem: string | null }> {
  let response: Response;
  try {
    response = await fetchGraph(url);
  } catch (error) {
    return { graph: createGraph(), problem: `The graph "${url}" could not be fetched (${(error as Error).message}). Drop texts to build one.` };
  }
  // Servers that answer every path with the page (Vite's fallback, many static hosts) mean "not found".
  const html = (response.headers.get('content-type') ?? '').includes('text/html');
  if (!response.ok || html) {
    const why = response.status === 404 || html ? 'was not found' : `answered ${response.status} ${response.statusText}`;
    return { graph: createGraph(), problem: `The graph "${url}" ${why}. Run "kg build" then "kg serve", or drop texts on the page to build one.` };
  }
  try {
    const text = await response.text();
    performance.mark('kg:fetched');
    const graph = parseGraph(text, url);
    performance.mark('kg:parsed');
    return { graph, problem: null };
  } catch (error) {
    if (isKgError(error)) return { graph: createGraph(), problem: error.message };
    throw error;
  }
}

function needsLayout(graph: KgGraph): boolean {
  let missing = false;
  graph.forEachNode((_node, a) => {
    if (typeof a.x !== 'number' || typeof a.y !== 'number') missing = true;
  });
  return missing;
}

async function start(): Promise<void> {
  const { state, problems } = parseViewState(location.search);
  const url = state.graphUrl ?? DEFAULT_GRAPH_URL;
  const { graph, problem } = await loadGraph(url);
  const unplaced = needsLayout(graph);
  if (unplaced) {
    seedPositions(graph);
    presettle(graph);
  }

  const app = new KgApp(byId('sigma'), graph, state);
  performance.mark('kg:rendered');
  const search = mountSearch(app);
  const chrome = mountChrome(app, search);
  mountFilters(app, byId('filters'));
  mountDetails(app, byId('pane-details'), () => chrome.showTab('details'));
  mountQuery(app, byId('pane-query'), () => chrome.showTab('query'));
  mountTexts(app, byId('pane-texts'), () => chrome.showTab('texts'));
  mountExports(app);

  if (problem) app.message(problem, 'error');
  for (const p of problems) app.message(`The link's view: ${p}.`, 'error');
  if (graph.order === 0 && !problem) app.message('This graph is empty. Drop .txt or .md files on the page, or paste a text in "Add texts".');
  if (state.selection?.kind === 'node' && graph.hasNode(state.selection.key)) app.select(state.selection, { camera: true });

  performance.mark('kg:mounted');
  byId('loading').hidden = true;
  window.__kg = app;
  requestAnimationFrame(() => {
    window.__kgReadyAt = performance.now();
    window.__kgReady = true;
    document.body.dataset.ready = 'true';
    // A graph that came without positions is laid out once the page is up.
    if (unplaced) app.settleLayout();
    // The search index is not needed for the first frame: built when the page is idle.
    (window.requestIdleCallback ?? setTimeout)(() => void app.searchIndex);
  });
}

start().catch((error: unknown) => {
  const loading = byId('loading');
  loading.hidden = false;
  loading.replaceChildren();
  const p = document.createElement('p');
  p.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`;
  loading.append(p);
  console.error(error);
});
