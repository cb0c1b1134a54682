/**
 * The Sigma.js view. Display never mutates the graph: colours, sizes, curvatures,
 * what is hidden and what is highlighted all come from a small display state read
 * by nodeReducer/edgeReducer; a change of state is a `refresh()`.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram, type EdgeProgramType } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData, PartialButFor, RenderParams } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { SYMMETRIC_RELATIONS } from '../../extract/types.ts';
import type { EdgeAttributes, GraphAttributes, KgGraph, NodeAttributes } from '../../graph/types.ts';
import { FADED_EDGE_COLOR, FADED_NODE_COLOR, POINT_NODES_ABOVE, RELATION_COLORS, TYPE_COLORS } from '../core/appearance.ts';
import type { Visibility } from '../core/filters.ts';

export type KgSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface DisplayState {
  visibility: Visibility | null;
  sizes: Map<string, number>;
  curvatures: Map<string, number>;
  /** Nodes (and their edges) in the foreground; null when nothing is highlighted. */
  focus: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> | null } | null;
  selectedNode: string | null;
  selectedEdge: string | null;
}

export const LABEL_MAX_CHARS = 42;
const LABEL_COLOR = '#1f2328';

function shortLabel(label: string): string {
  return label.length > LABEL_MAX_CHARS ? `${label.slice(0, LABEL_MAX_CHARS - 1)}…` : label;
}

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/** Width of the canvas in CSS pixels (labels near the right edge go to the left of their node). */
function viewportWidth(context: CanvasRenderingContext2D): number {
  return context.canvas.width / (window.devicePixelRatio || 1);
}

type Box = { x0: number; y0: number; x1: number; y1: number };

interface LabelRequest {
  text: string;
  x: number;
  y: number;
  size: number;
  priority: number;
  highlighted: boolean;
}

/**
 * Node labels, placed as a whole after each frame: sigma's label grid picks the
 * candidates and `draw` only collects them; `flush` then draws them biggest node
 * first, each with a white halo, right of its node or else left of it, and skips any that would overlap a label already placed or the dot of a
 * bigger labelled node (no label soup).
 * The selected node's label always shows.
 */
export class LabelPlacer {
  /** Per label layer, per node: a later render's request replaces an earlier one. */
  private readonly pending = new Map<CanvasRenderingContext2D, Map<string, LabelRequest>>();

  readonly draw = (context: CanvasRenderingContext2D, data: LabelData): void => {
    if (!data.label) return;
    let requests = this.pending.get(context);
    if (!requests) this.pending.set(context, (requests = new Map()));
    requests.set(String(data.key), {
      text: shortLabel(data.label),
      x: data.x,
      y: data.y,
      size: data.size,
      highlighted: !!data.highlighted,
      priority: (data.highlighted ? 1e6 : 0) + (data.forceLabel ? 1e3 : 0) + data.size,
    });
  };

  /** Draws the labels collected for this sigma's label layer; call after each render. */
  attach(sigma: KgSigma): void {
    const context = () => sigma.getCanvases().labels?.getContext('2d');
    // The labels of the render that ran before attaching (in sigma's constructor).
    const first = context();
    if (first) this.flush(first, sigma.getSettings());
    sigma.on('beforeRender', () => {
      const c = context();
      if (c) this.pending.delete(c);
    });
    sigma.on('afterRender', () => {
      const c = context();
      if (c) this.flush(c, sigma.getSettings());
    });
  }

  flush(context: CanvasRenderingContext2D, settings: Settings<NodeAttributes, EdgeAttributes, GraphAttributes>): void {
    const list = [...(this.pending.get(context)?.values() ?? [])];
    this.pending.delete(context);
    list.sort((a, b) => b.priority - a.priority);
    // A label may not cover another label, nor the dot of a node that comes before it.
    const placed: Box[] = [];
    const size = settings.labelSize;
    const right = viewportWidth(context) - 4;
    context.lineJoin = 'round';
    context.lineWidth = 3.5;
    context.strokeStyle = 'rgba(255,255,255,0.92)';
    context.fillStyle = LABEL_COLOR;
    const clear = (box: Box) => !placed.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0);
    for (const label of list) {
      context.font = `${label.highlighted ? '600' : settings.labelWeight} ${size}px ${settings.labelFont}`;
      const width = context.measureText(label.text).width;
      const y = label.y + size / 3;
      const rightX = label.x + label.size + 3;
      const leftX = label.x - label.size - 3 - width;
      // Right of the dot, else left of it (first left when the right edge is near).
      const sides = rightX + width > right ? [leftX, rightX] : [rightX, leftX];
      // The ink of the text: ascenders above the baseline, descenders below.
      const boxes = sides.map((x) => ({ x0: x - 1, y0: y - size * 0.8, x1: x + width + 1, y1: y + size * 0.25 }));
      const chosen = label.highlighted ? 0 : boxes.findIndex(clear);
      const r = label.size * 0.85;
      placed.push({ x0: label.x - r, y0: label.y - r, x1: label.x + r, y1: label.y + r });
      if (chosen < 0) continue;
      placed.push(boxes[chosen]!);
      const x = sides[chosen]!;
      context.strokeText(label.text, x, y);
      context.fillText(label.text, x, y);
    }
  }
}

/** The hovered or selected node: a ring in its colour and its label on a white tag. */
function drawHover(context: CanvasRenderingContext2D, data: LabelData, settings: Settings<NodeAttributes, EdgeAttributes, GraphAttributes>): void {
  const size = settings.labelSize;
  context.font = `600 ${size}px ${settings.labelFont}`;
  const text = data.label ? shortLabel(data.label) : '';
  const width = text ? context.measureText(text).width + 8 : 0;
  const flip = text !== '' && data.x + data.size + 3 + width > viewportWidth(context) - 4;
  const left = flip ? data.x - data.size - 3 - width : data.x + data.size + 1;
  context.fillStyle = '#ffffff';
  context.shadowColor = 'rgba(0,0,0,0.35)';
  context.shadowBlur = 6;
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.fill();
  if (text) {
    const h = size + 6;
    context.fillRect(left, data.y - h / 2, width + 2, h);
  }
  context.shadowBlur = 0;
  context.strokeStyle = data.color;
  context.lineWidth = 2;
  context.beginPath();
  context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.stroke();
  if (text) {
    context.fillStyle = LABEL_COLOR;
    context.fillText(text, left + 4, data.y + size / 3);
  }
}

export interface RendererOptions {
  /** Size from which labels show at the default zoom. */
  labelThreshold: number;
}

/**
 * Graphs with more edges than this are drawn for speed: edges hidden while the view
 * moves, no edge picking, and edges outside the focus drawn as 1-pixel lines without
 * arrow heads (sigma uploads every edge to the GPU on each frame: with software GL,
 * 100,000 arrows take seconds per frame, lines a fraction of that).
 */
export const LARGE_GRAPH_EDGES = 20_000;

export function isLargeGraph(graph: KgGraph): boolean {
  return graph.size > LARGE_GRAPH_EDGES;
}


/** Settings that depend on the graph's size; apply them again when the graph is replaced. */
export function sizeSettings(graph: KgGraph): { enableEdgeEvents: boolean; hideEdgesOnMove: boolean } {
  const large = isLargeGraph(graph);
  return { enableEdgeEvents: !large, hideEdgesOnMove: large };
}

/**
 * Sigma's point program that skips its picking layer while the view moves: nothing is hovered or
 * clicked mid-drag, and a frame is scheduled until the view rests, which draws it again. On a
 * software WebGL the picking pass is a third of a frame.
 */
class PointsWhileMovingProgram extends NodePointProgram<NodeAttributes, EdgeAttributes, GraphAttributes> {
  override render(params: RenderParams): void {
    const sigma = this.renderer;
    const mouse = sigma.getMouseCaptor();
    const moving = sigma.getCamera().isAnimated() || mouse.isMoving || !!mouse.draggedEvents || !!mouse.currentWheelDirection;
    const pick = this.pickProgram;
    if (!moving || !pick) return super.render(params);
    this.pickProgram = null;
    try {
      super.render(params);
    } finally {
      this.pickProgram = pick;
    }
    // until the view rests, draw again: the frame at rest draws the picking layer
    sigma.scheduleRender();
  }
}

export function createRenderer(container: HTMLElement, graph: KgGraph, display: DisplayState, options: RendererOptions): { sigma: KgSigma; labels: LabelPlacer } {
  // The graph shown can be replaced (texts added on the page): ask sigma for it once it exists.
  let created: KgSigma | null = null;
  const nodeReducer = (node: string, data: NodeAttributes): Partial<NodeDisplayData> => {
    const selected = node === display.selectedNode;
    const shown = selected || !display.visibility || display.visibility.nodes.has(node);
    const out: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.label,
      size: display.sizes.get(node) ?? 3,
      color: TYPE_COLORS[data.type],
      hidden: !shown,
      type: 'circle',
    };
    const points = (created?.getGraph() ?? graph).order > POINT_NODES_ABOVE;
    if (points) out.type = 'point';
    const focus = display.focus;
    if (focus) {
      if (focus.nodes.has(node)) {
        if (points) out.type = 'circleOnTop';
        out.forceLabel = true;
        out.zIndex = 2;
      } else if (!selected) {
        out.color = FADED_NODE_COLOR;
        out.label = null;
        out.zIndex = 0;
      }
    }
    if (selected) {
      if (points) out.type = 'circleOnTop';
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 3;
    }
    return out;
  };

  const edgeReducer = (edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    const shown = created?.getGraph() ?? graph;
    const fast = isLargeGraph(shown);
    const symmetric = SYMMETRIC_RELATIONS.has(data.relation);
    const coOccurs = data.relation === 'co_occurs';
    const curvature = display.curvatures.get(edge);
    const out: Partial<EdgeDisplayData> & { curvature?: number } = {
      color: RELATION_COLORS[data.relation],
      size: coOccurs ? 0.6 : Math.min(4.5, 1.6 + Math.log2(Math.max(1, data.weight))),
      type: fast ? 'fast' : curvature !== undefined ? (symmetric ? 'curved' : 'curvedArrow') : symmetric ? 'line' : 'arrow',
      hidden: display.visibility ? !display.visibility.edges.has(edge) : false,
      zIndex: coOccurs ? 0 : 1,
    };
    if (curvature !== undefined) out.curvature = curvature;
    if (edge === display.selectedEdge) {
      if (fast) out.type = symmetric ? 'line' : 'arrow';
      out.size = (out.size ?? 1) + 2;
      out.zIndex = 3;
      out.hidden = false;
    } else if (display.focus) {
      const [source, target] = shown.extremities(edge);
      const inFocus = display.focus.edges ? display.focus.edges.has(edge) : display.focus.nodes.has(source) && display.focus.nodes.has(target);
      if (inFocus) {
        // Few edges are in focus: they get their arrows back even in a large graph.
        if (fast) out.type = symmetric ? 'line' : 'arrow';
        out.zIndex = 2;
        out.size = (out.size ?? 1) + (coOccurs ? 0.4 : 1);
      } else {
        out.color = FADED_EDGE_COLOR;
        out.zIndex = 0;
      }
    }
    return out;
  };

  const labels = new LabelPlacer();
  const sigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
    nodeReducer,
    edgeReducer,
    defaultEdgeType: 'arrow',
    // Drawn in this order (sigma puts its default 'circle' first): in a large graph
    // the selected and focused nodes are circles over the points.
    nodeProgramClasses: { point: PointsWhileMovingProgram, circleOnTop: NodeCircleProgram },
    // The programs are typed for untyped graphs; ours only narrows the attributes.
    // Drawn in this order: the many thin lines first, the arrows of the focus over them.
    edgeProgramClasses: {
      fast: EdgeLineProgram,
      arrow: EdgeArrowProgram,
      line: EdgeRectangleProgram,
      curved: EdgeCurveProgram,
      curvedArrow: EdgeCurvedArrowProgram,
    } as unknown as Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>>,
    defaultDrawNodeLabel: labels.draw,
    defaultDrawNodeHover: drawHover,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    // Generous candidates: LabelPlacer drops the ones that would overlap.
    labelDensity: 1,
    labelGridCellSize: 60,
    labelRenderedSizeThreshold: options.labelThreshold,
    zIndex: true,
    ...sizeSettings(graph),
    minEdgeThickness: 0.6,
    stagePadding: 40,
    minCameraRatio: 0.01,
    maxCameraRatio: 20,
  });
  created = sigma;
  labels.attach(sigma);
  return { sigma, labels };
}

/** Moves the camera to a node, zooming in if the view is wider than its neighbourhood. */
export function focusCameraOn(sigma: KgSigma, node: string): void {
  const data = sigma.getNodeDisplayData(node);
  if (!data) return;
  const camera = sigma.getCamera();
  camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 450 });
}
