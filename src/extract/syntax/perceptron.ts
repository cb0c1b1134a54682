/**
 * The linear models of the tagger and the parser: hashed features, one weight per (feature, class).
 *
 * `LinearModel` is what ships: sparse rows (only the classes a feature has a weight for), weights
 * quantised to 16-bit integers under one scale, and an open-addressing table from feature hash to
 * row. Scores are sums of integers, so the best class is the same as with the unquantised weights
 * up to rounding. Training (the averaged perceptron) lives in `../syntax-train/`.
 */

export interface LinearModelData {
  nClasses: number;
  /** Feature hashes, one per row. */
  keys: Uint32Array;
  /** Row r's entries are [offsets[r], offsets[r + 1]). */
  offsets: Uint32Array;
  /** Class of each entry. */
  classes: Uint16Array;
  /** Weight of each entry, quantised. */
  weights: Int16Array;
}

export class LinearModel {
  readonly nClasses: number;
  readonly data: LinearModelData;
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(data: LinearModelData) {
    this.data = data;
    this.nClasses = data.nClasses;
    let size = 16;
    while (size < data.keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    const { keys } = data;
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r]! & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = r;
    }
  }

  /** The row of a feature hash, or -1. */
  row(key: number): number {
    const { table, mask } = this;
    const keys = this.data.keys;
    let slot = key & mask;
    for (;;) {
      const r = table[slot]!;
      if (r === -1 || keys[r] === key) return r;
      slot = (slot + 1) & mask;
    }
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float64Array): void {
    const { offsets, classes, weights } = this.data;
    for (let f = 0; f < n; f++) {
      const r = this.row(features[f]!);
      if (r < 0) continue;
      const end = offsets[r + 1]!;
      for (let e = offsets[r]!; e < end; e++) scores[classes[e]!] += weights[e]!;
    }
  }

  /** Number of rows and entries: the model's size. */
  get size(): { rows: number; entries: number } {
    return { rows: this.data.keys.length, entries: this.data.weights.length };
  }
}

/** Index of the highest score among the classes `allowed` accepts (all when omitted); -1 when none. */
export function argmax(scores: Float64Array, n: number, allowed?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}
