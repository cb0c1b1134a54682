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

/** Models with at most this many classes keep each row's weights inline in their hash table. */
const DENSE_MAX_CLASSES = 32;

export class LinearModel {
  readonly nClasses: number;
  readonly data: LinearModelData;
  private readonly mask: number;
  /**
   * Dense models (few classes): one slot per row, [key, weights…] in one stretch of memory (key as
   * 32 bits, weights as 16), so a lookup touches one cache line. Sparse models: [key, row] pairs.
   */
  private readonly slots32: Int32Array;
  private readonly slots16: Int16Array;
  /** Slot size in 16-bit units (dense) or 32-bit units (sparse). */
  private readonly stride: number;
  private readonly dense: boolean;

  constructor(data: LinearModelData) {
    this.data = data;
    this.nClasses = data.nClasses;
    const rows = data.keys.length;
    let size = 16;
    while (size < rows * 1.5) size <<= 1;
    this.mask = size - 1;
    this.dense = data.nClasses <= DENSE_MAX_CLASSES;
    const { keys, offsets, classes, weights } = data;
    // an empty slot holds key 0: a feature whose hash is 0 (one in four billion) is left out
    this.stride = this.dense ? 2 + data.nClasses + (data.nClasses % 2) : 2;
    const buffer = new ArrayBuffer(size * this.stride * (this.dense ? 2 : 4));
    this.slots32 = new Int32Array(buffer);
    this.slots16 = new Int16Array(buffer);
    const used = new Uint8Array(size);
    for (let r = 0; r < rows; r++) {
      if (keys[r] === 0) continue;
      let slot = keys[r]! & this.mask;
      while (used[slot]) slot = (slot + 1) & this.mask;
      used[slot] = 1;
      if (this.dense) {
        const base = slot * this.stride;
        this.slots32[base >> 1] = keys[r]! | 0;
        for (let e = offsets[r]!; e < offsets[r + 1]!; e++) this.slots16[base + 2 + classes[e]!] = weights[e]!;
      } else {
        this.slots32[slot * 2] = keys[r]! | 0;
        this.slots32[slot * 2 + 1] = r + 1;
      }
    }
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float64Array): void {
    const { mask, slots32, slots16, stride } = this;
    const C = this.nClasses;
    if (this.dense) {
      for (let f = 0; f < n; f++) {
        const key = features[f]! | 0;
        if (key === 0) continue;
        for (let slot = key & mask; ; slot = (slot + 1) & mask) {
          const base = slot * stride;
          const k = slots32[base >> 1]!;
          if (k === key) {
            for (let c = 0; c < C; c++) scores[c] += slots16[base + 2 + c]!;
            break;
          }
          if (k === 0) break;
        }
      }
      return;
    }
    const { offsets, classes, weights } = this.data;
    for (let f = 0; f < n; f++) {
      const key = features[f]! | 0;
      if (key === 0) continue;
      for (let slot = key & mask; ; slot = (slot + 1) & mask) {
        const k = slots32[slot * 2]!;
        if (k === key) {
          const r = slots32[slot * 2 + 1]! - 1;
          const end = offsets[r + 1]!;
          for (let e = offsets[r]!; e < end; e++) scores[classes[e]!] += weights[e]!;
          break;
        }
        if (k === 0) break;
      }
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
