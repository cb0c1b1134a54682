/**
 * The page's controller: owns the graph, the view state (selection, filters,
 * query, size metric, mirrored in the URL), the derived data (sizes, curvatures,
 * visibility, search index) and the Sigma renderer. Panels read from it and call
 * its actions; it tells them what changed.
 */
import type { KgGraph } from '../../graph/types.ts';
import { computeNodeSizes, countByType, labelThreshold, type SizeMetric } from '../core/appearance.ts';
import { computeVisibility, type FilterState } from '../core/filters.ts';
import { computeEdgeCurvatures } from '../core/parallel-edges.ts';
import { buildSearchIndex, type SearchIndex } from '../core/search.ts';
import { formatViewState, type Selection, type ViewState } from '../core/view-state.ts';
import { LayoutRunner } from './layout-runner.ts';
import { createRenderer, focusCameraOn, isLargeGraph, sizeSettings, type DisplayState, type KgSigma, type LabelPlacer } from './renderer.ts';

export type Change = 'graph' | 'filters' | 'selection' | 'focus' | 'size' | 'layout' | 'query';

export interface QueryHighlight {
  text: string;
  nodes: ReadonlySet<string>;
  /** null: the edges between the highlighted nodes. */
  edges: ReadonlySet<string> | null;
}

export type MessageKind = 'info' | 'error';

/** Graphs up to this size get their overlaps removed on load (it takes well under 100 ms). */
export const OVERLAP_CHECK_MAX_NODES = 2000;

export class KgApp {
  graph: KgGraph;
  readonly sigma: KgSigma;
  /** Places node labels after each frame (also for image exports). */
  readonly labels: LabelPlacer;
  view: ViewState;
  hovered: string | null = null;
  queryHighlight: QueryHighlight | null = null;
  counts!: ReturnType<typeof countByType>;
  private searchIndexOf: SearchIndex | null = null;
  layout: LayoutRunner;
  /** How long the last automatic layout took to settle, in ms. */
  lastSettleMs: number | null = null;
  readonly display: DisplayState = {
    visibility: null,
    sizes: new Map(),
    curvatures: new Map(),
    focus: null,
    selectedNode: null,
    selectedEdge: null,
  };
  private readonly listeners = new Set<(changes: ReadonlySet<Change>) => void>();
  private readonly messageListeners = new Set<(text: string, kind: MessageKind) => void>();
  private readonly pendingMessages: [string, MessageKind][] = [];

  constructor(container: HTMLElement, graph: KgGraph, view: ViewState) {
    this.graph = graph;
    this.view = view;
    this.deriveGraphData();
    this.display.visibility = computeVisibility(graph, view.filters);
    const { sigma, labels } = createRenderer(container, graph, this.display, { labelThreshold: labelThreshold(this.display.sizes) });
    this.sigma = sigma;
    this.labels = labels;
    this.layout = this.createLayoutRunner();
    // Layouts made at build time do not know the dots' screen sizes: keep them from overlapping.
    if (graph.order <= OVERLAP_CHECK_MAX_NODES) this.layout.removeOverlaps();
    this.bindSigmaEvents();
    this.applySelection(view.selection);
  }

  on(listener: (changes: ReadonlySet<Change>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onMessage(listener: (text: string, kind: MessageKind) => void): void {
    this.messageListeners.add(listener);
    for (const [text, kind] of this.pendingMessages.splice(0)) listener(text, kind);
  }

  /** Shows a message to the person; kept until a listener exists (messages of start-up). */
  message(text: string, kind: MessageKind = 'info'): void {
    if (this.messageListeners.size === 0) this.pendingMessages.push([text, kind]);
    for (const listener of this.messageListeners) listener(text, kind);
  }

  // ---------------------------------------------------------------- actions

  select(selection: Selection | null, options: { camera?: boolean } = {}): void {
    this.applySelection(selection);
    if (options.camera && selection?.kind === 'node' && this.graph.hasNode(selection.key)) focusCameraOn(this.sigma, selection.key);
    this.commit(['selection', 'focus']);
  }

  setFilters(patch: Partial<FilterState>): void {
    this.view = { ...this.view, filters: { ...this.view.filters, ...patch } };
    this.display.visibility = computeVisibility(this.graph, this.view.filters);
    this.commit(['filters']);
  }

  setSizeMetric(metric: SizeMetric): void {
    if (metric === this.view.sizeMetric) return;
    this.view = { ...this.view, sizeMetric: metric };
    this.display.sizes = computeNodeSizes(this.graph, metric);
    this.sigma.setSetting('labelRenderedSizeThreshold', labelThreshold(this.display.sizes));
    this.commit(['size']);
  }

  /** Highlights a query's nodes and edges (null clears); the query text goes into the URL. */
  setQueryHighlight(text: string, highlight: QueryHighlight | null): void {
    this.view = { ...this.view, query: text };
    this.queryHighlight = highlight;
    this.commit(['query', 'focus']);
  }

  /**
   * Brings the hovered node's neighbourhood forward. Not on large graphs: redrawing
   * every edge on each mouse-over would make the page lag (sigma still names the node).
   */
  hover(node: string | null): void {
    if (node === this.hovered || (isLargeGraph(this.graph) && this.hovered === null)) return;
    this.hovered = node;
    this.commit(['focus']);
  }

  /** Esc: no selection, no highlight. */
  clear(): void {
    this.queryHighlight = null;
    this.view = { ...this.view, query: '' };
    this.applySelection(null);
    this.commit(['selection', 'query', 'focus']);
  }

  /** Shows another graph (own texts merged or replacing); the view's filters stay. */
  replaceGraph(graph: KgGraph): void {
    this.layout.kill();
    this.graph = graph;
    this.hovered = null;
    this.deriveGraphData();
    this.display.visibility = computeVisibility(graph, this.view.filters);
    this.queryHighlight = null;
    const selection = this.view.selection;
    this.applySelection(selection && (selection.kind === 'node' ? graph.hasNode(selection.key) : graph.hasEdge(selection.key)) ? selection : null);
    this.sigma.setGraph(graph);
    this.sigma.setSettings({ ...sizeSettings(graph), labelRenderedSizeThreshold: labelThreshold(this.display.sizes) });
    this.layout = this.createLayoutRunner();
    this.commit(['graph', 'filters', 'selection', 'focus', 'query', 'layout']);
  }

  /** Moves and zooms the camera so that these nodes fill most of the view. */
  fitCameraTo(nodes: readonly string[]): void {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
      const d = this.sigma.getNodeDisplayData(node);
      if (!d) continue;
      minX = Math.min(minX, d.x);
      maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y);
      maxY = Math.max(maxY, d.y);
    }
    if (minX === Infinity) return;
    // Display coordinates are the graph framed into [0, 1]: ratio 1 shows it all.
    // Not closer than needed to see a few neighbours around them (dots grow as one zooms in).
    const closest = this.graph.order > 1000 ? 0.08 : 0.3;
    const ratio = Math.min(1.1, Math.max(closest, Math.max(maxX - minX, maxY - minY) * 1.4));
    this.sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 });
  }

  toggleLayout(): void {
    if (this.layout.isRunning()) this.layout.stop();
    else this.layout.start(false);
  }

  /** Runs ForceAtlas2 until the nodes are still (graphs that came without positions). */
  settleLayout(): void {
    this.layout.start(true);
  }

  // ---------------------------------------------------------------- internals

  private deriveGraphData(): void {
    this.display.sizes = computeNodeSizes(this.graph, this.view.sizeMetric);
    this.display.curvatures = computeEdgeCurvatures(this.graph);
    this.counts = countByType(this.graph);
    this.searchIndexOf = null;
  }

  /** The search index of the current graph, built on the first search (not on the way to the first frame). */
  get searchIndex(): SearchIndex {
    this.searchIndexOf ??= buildSearchIndex(this.graph);
    return this.searchIndexOf;
  }

  private createLayoutRunner(): LayoutRunner {
    return new LayoutRunner(this.graph, {
      onChange: (_running, settledMs) => {
        if (settledMs !== null) this.lastSettleMs = settledMs;
        this.commit(['layout']);
      },
      sizeOf: (node) => this.display.sizes.get(node) ?? 3,
      unitsPerPixel: () => {
        const { width, height } = this.sigma.getDimensions();
        const box = this.sigma.getBBox();
        const extent = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0], 1e-9);
        return extent / Math.max(1, Math.min(width, height) - 2 * this.sigma.getStagePadding());
      },
    });
  }

  private applySelection(selection: Selection | null): void {
    let valid = selection;
    if (selection?.kind === 'node' && !this.graph.hasNode(selection.key)) valid = null;
    if (selection?.kind === 'edge' && !this.graph.hasEdge(selection.key)) valid = null;
    if (selection && !valid) this.message(`"${selection.key}" is not in this graph; nothing was selected.`, 'error');
    this.view = { ...this.view, selection: valid };
    this.display.selectedNode = valid?.kind === 'node' ? valid.key : null;
    this.display.selectedEdge = valid?.kind === 'edge' ? valid.key : null;
  }

  /** What to bring forward: the hovered node's neighbourhood, else the query's result, else the selection's. */
  private computeFocus(): DisplayState['focus'] {
    const g = this.graph;
    const around = (node: string) => {
      const nodes = new Set<string>([node]);
      const edges = new Set<string>();
      g.forEachEdge(node, (edge, _a, source, target) => {
        edges.add(edge);
        nodes.add(source === node ? target : source);
      });
      return { nodes, edges };
    };
    if (this.hovered && g.hasNode(this.hovered)) return around(this.hovered);
    if (this.queryHighlight) return { nodes: this.queryHighlight.nodes, edges: this.queryHighlight.edges };
    if (this.display.selectedNode) return around(this.display.selectedNode);
    if (this.display.selectedEdge) {
      const [s, t] = g.extremities(this.display.selectedEdge);
      return { nodes: new Set([s, t]), edges: new Set([this.display.selectedEdge]) };
    }
    return null;
  }

  private bindSigmaEvents(): void {
    this.sigma.on('enterNode', ({ node }) => this.hover(node));
    this.sigma.on('leaveNode', () => this.hover(null));
    this.sigma.on('leaveStage', () => this.hover(null));
    this.sigma.on('clickNode', ({ node }) => this.select({ kind: 'node', key: node }));
    this.sigma.on('clickEdge', ({ edge }) => this.select({ kind: 'edge', key: edge }));
    this.sigma.on('clickStage', () => this.select(null));
  }

  private commit(changes: Change[]): void {
    const set = new Set(changes);
    if (set.has('focus') || set.has('selection') || set.has('query')) this.display.focus = this.computeFocus();
    // Layout moves are followed by sigma itself; focus changes move nothing, so no re-indexing.
    if (!(set.size === 1 && set.has('layout'))) {
      const onlyFocus = [...set].every((c) => c === 'focus' || c === 'selection' || c === 'query' || c === 'layout');
      this.sigma.refresh(onlyFocus ? { skipIndexation: true } : undefined);
    }
    if (set.has('selection') || set.has('filters') || set.has('size') || set.has('query') || set.has('graph')) this.syncUrl();
    for (const listener of this.listeners) listener(set);
  }

  private syncUrl(): void {
    const search = formatViewState(this.view);
    const url = `${location.pathname}${search}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }
}
