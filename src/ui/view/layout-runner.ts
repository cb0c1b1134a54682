/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker) with settings
 * inferred from the graph's size, stopped by hand or when the nodes stop moving,
 * then noverlap so that no dot hides another.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { KgGraph } from '../../graph/types.ts';

export interface LayoutRunnerOptions {
  /** Called when the layout starts or stops; `settledMs` is set when it stopped by itself. */
  onChange: (running: boolean, settledMs: number | null) => void;
  /** Screen radius of each node, to keep them apart in noverlap. */
  sizeOf: (node: string) => number;
  /** Graph units per screen pixel at the default zoom. */
  unitsPerPixel: () => number;
}

/** Mean move per update, as a share of the layout's extent, under which it has settled. */
export const SETTLED_MOVE = 0.0008;
/** Consecutive quiet updates before stopping. */
export const SETTLED_UPDATES = 8;
/** Noverlap runs on graphs up to this many nodes (it is quadratic in crowded areas). */
export const NOVERLAP_MAX_NODES = 5000;

export function fa2SettingsFor(graph: KgGraph) {
  return { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 0.5 };
}

/** Graphs up to this many nodes get their first ForceAtlas2 iterations before the first frame. */
export const PRESETTLE_MAX_NODES = 1000;
/** Iteration budget of that first pass, in node-or-edge visits (a few milliseconds). */
const PRESETTLE_BUDGET = 400_000;

/**
 * The first ForceAtlas2 iterations of a small graph that came without positions, run
 * at once on the main thread (the same library and settings as the worker), so that
 * the first frame already shows its shape. The worker then goes on from there: its
 * updates are paced by the page's frames, and while the page draws its first WebGL
 * frames (a second in software rendering) it would not move. Returns the iterations run.
 */
export function presettle(graph: KgGraph): number {
  if (graph.order === 0 || graph.order > PRESETTLE_MAX_NODES) return 0;
  const iterations = Math.max(1, Math.min(300, Math.floor(PRESETTLE_BUDGET / (graph.order + graph.size))));
  forceAtlas2.assign(graph, { iterations, settings: fa2SettingsFor(graph), getEdgeWeight: 'weight' });
  return iterations;
}

export class LayoutRunner {
  private layout: FA2Layout | null = null;
  private previous = new Map<string, { x: number; y: number }>();
  private quiet = 0;
  private startedAt = 0;
  private autoStop = false;
  /** Counts runs, so that a stop planned for one run does not stop the next. */
  private run = 0;
  private readonly onUpdate = () => this.checkSettled();

  constructor(
    private readonly graph: KgGraph,
    private readonly options: LayoutRunnerOptions,
  ) {}

  isRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /** Starts the layout; with `untilSettled` it stops by itself once nodes are still. */
  start(untilSettled = false): void {
    if (this.graph.order === 0 || this.isRunning()) return;
    this.layout?.kill();
    this.layout = new FA2Layout(this.graph, { settings: fa2SettingsFor(this.graph), getEdgeWeight: 'weight' });
    this.autoStop = untilSettled;
    this.run++;
    this.quiet = 0;
    this.previous.clear();
    this.startedAt = performance.now();
    this.graph.on('eachNodeAttributesUpdated', this.onUpdate);
    this.layout.start();
    this.options.onChange(true, null);
  }

  /** Stops the layout and spreads overlapping nodes apart. */
  stop(settled = false): void {
    if (!this.layout) return;
    const elapsed = performance.now() - this.startedAt;
    this.graph.off('eachNodeAttributesUpdated', this.onUpdate);
    this.layout.kill();
    this.layout = null;
    this.removeOverlaps();
    this.options.onChange(false, settled ? elapsed : null);
  }

  kill(): void {
    this.graph.off('eachNodeAttributesUpdated', this.onUpdate);
    this.layout?.kill();
    this.layout = null;
  }

  /** Spreads apart nodes whose dots overlap on screen (deterministic; graphs up to NOVERLAP_MAX_NODES). */
  removeOverlaps(): void {
    if (this.graph.order > NOVERLAP_MAX_NODES || this.graph.order === 0) return;
    const units = this.options.unitsPerPixel();
    noverlap.assign(this.graph, {
      maxIterations: 60,
      settings: { ratio: 1, margin: 3 * units },
      inputReducer: (node, attrs) => ({ x: attrs.x, y: attrs.y, size: this.options.sizeOf(node) * units }),
    });
  }

  private checkSettled(): void {
    if (!this.autoStop) return;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let moved = 0;
    const first = this.previous.size === 0;
    this.graph.forEachNode((node, a) => {
      const x = a.x ?? 0;
      const y = a.y ?? 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      const before = this.previous.get(node);
      if (before) {
        moved += Math.hypot(x - before.x, y - before.y);
        before.x = x;
        before.y = y;
      } else this.previous.set(node, { x, y });
    });
    if (first) return;
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    const meanMove = moved / Math.max(1, this.graph.order) / extent;
    this.quiet = meanMove < SETTLED_MOVE ? this.quiet + 1 : 0;
    if (this.quiet === SETTLED_UPDATES) {
      // Not from inside the supervisor's message handler, which still uses its buffers.
      const run = this.run;
      setTimeout(() => {
        if (run === this.run) this.stop(true);
      }, 0);
    }
  }
}
