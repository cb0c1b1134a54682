import type { LinearModelData } from '../perceptron.ts';

/**
 * The averaged perceptron being trained (Collins 2002, with the lazy averaging of Daumé III):
 * each feature's row keeps its weights, their running totals and when each last changed. `compact`
 * averages, prunes the weights that round to nothing and quantises the rest to 16-bit integers.
 */
function bump(row: Float64Array, C: number, c: number, delta: number, now: number): void {
  row[C + c] += (now - row[2 * C + c]!) * row[c]!;
  row[2 * C + c] = now;
  row[c] += delta;
}

export class AveragedPerceptron {
  readonly nClasses: number;
  /** Per feature: weights, totals and time stamps, nClasses each, then the number of updates it took part in. */
  private readonly rows = new Map<number, Float64Array>();
  /** Examples seen (the clock of the averaging). */
  private instances = 0;

  constructor(nClasses: number) {
    this.nClasses = nClasses;
  }

  score(features: Uint32Array, n: number, scores: Float64Array): void {
    scores.fill(0, 0, this.nClasses);
    for (let f = 0; f < n; f++) {
      const row = this.rows.get(features[f]!);
      if (!row) continue;
      for (let c = 0; c < this.nClasses; c++) scores[c] += row[c]!;
    }
  }

  /** Counts one example, whether or not it needs an update. */
  tick(): void {
    this.instances++;
  }

  /** Moves the weights towards `truth` and away from `guess`. */
  update(truth: number, guess: number, features: Uint32Array, n: number): void {
    if (truth === guess) return;
    const C = this.nClasses;
    const now = this.instances;
    for (let f = 0; f < n; f++) {
      const key = features[f]!;
      let row = this.rows.get(key);
      if (!row) {
        row = new Float64Array(3 * C + 1);
        for (let c = 0; c < C; c++) row[2 * C + c] = now;
        this.rows.set(key, row);
      }
      row[3 * C]!++;
      bump(row, C, truth, 1, now);
      bump(row, C, guess, -1, now);
    }
  }

  /**
   * The averaged weights as a shipping model: features that took part in fewer than `minUpdates`
   * updates are dropped (rare features cost memory and time and add little), and weights whose
   * average is below `prune` of the largest; the rest are quantised to 16 bits under one scale.
   */
  compact(prune = 0, minUpdates = 1): LinearModelData {
    const C = this.nClasses;
    const now = Math.max(1, this.instances);
    const keys = [...this.rows.keys()].sort((a, b) => a - b);
    const averaged = new Map<number, Float64Array>();
    let max = 0;
    for (const key of keys) {
      const row = this.rows.get(key)!;
      if (row[3 * C]! < minUpdates) continue;
      const avg = new Float64Array(C);
      for (let c = 0; c < C; c++) {
        const total = row[C + c]! + (now - row[2 * C + c]!) * row[c]!;
        avg[c] = total / now;
        if (Math.abs(avg[c]!) > max) max = Math.abs(avg[c]!);
      }
      averaged.set(key, avg);
    }
    const scale = max > 0 ? 32767 / max : 1;
    const threshold = Math.max(0.5, prune * 32767);
    const outKeys: number[] = [];
    const offsets: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    for (const key of keys) {
      const avg = averaged.get(key);
      if (!avg) continue;
      let any = false;
      for (let c = 0; c < C; c++) {
        const q = Math.round(avg[c]! * scale);
        if (Math.abs(q) < threshold) continue;
        classes.push(c);
        weights.push(q);
        any = true;
      }
      if (any) {
        outKeys.push(key);
        offsets.push(weights.length);
      }
    }
    return {
      nClasses: C,
      keys: Uint32Array.from(outKeys),
      offsets: Uint32Array.from(offsets),
      classes: Uint16Array.from(classes),
      weights: Int16Array.from(weights),
    };
  }

  get features(): number {
    return this.rows.size;
  }
}
