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
const DENSE_MAX_CLASSES = 20;

export class LinearModel {
  readonly nClasses: number;
  readonly data: LinearModelData;
  private readonly mask: number;
  /**
   * Dense models (few classes): one slot per row, [key, weights…] in one stretch of memory (key as
   * 32 bits, weights as 16), so a lookup touches one cache line. Sparse models: [key, first pair,
   * number of pairs] slots over (class, weight) pairs.
   */
  private readonly slots32: Int32Array;
  private readonly slots16: Int16Array;
  /** Slot size in 16-bit units (dense) or 32-bit units (sparse: 3). */
  private readonly stride: number;
  private readonly dense: boolean;
  private readonly pairs: Int16Array;

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
    this.stride = this.dense ? 2 + data.nClasses + (data.nClasses % 2) : 3;
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
        this.slots32[slot * 3] = keys[r]! | 0;
        this.slots32[slot * 3 + 1] = offsets[r]!;
        this.slots32[slot * 3 + 2] = offsets[r + 1]! - offsets[r]!;
      }
    }
    // sparse rows: (class, weight) pairs side by side, so that a row is one stretch of memory
    this.pairs = new Int16Array(this.dense ? 0 : weights.length * 2);
    if (!this.dense) {
      for (let e = 0; e < weights.length; e++) {
        this.pairs[2 * e] = classes[e]!;
        this.pairs[2 * e + 1] = weights[e]!;
      }
    }
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float64Array): void {
    const { mask, slots32, slots16, stride } = this;
    const C = this.nClasses;
    if (this.dense && C === 3) {
      // the parser's transitions: three classes, summed in registers
      let s0 = 0, s1 = 0, s2 = 0;
      for (let f = 0; f < n; f++) {
        const key = features[f]! | 0;
        for (let slot = key & mask; ; slot = (slot + 1) & mask) {
          const base = slot * stride;
          const k = slots32[base >> 1]!;
          if (k === key) {
            s0 += slots16[base + 2]!;
            s1 += slots16[base + 3]!;
            s2 += slots16[base + 4]!;
            break;
          }
          if (k === 0) break;
        }
      }
      scores[0] += s0;
      scores[1] += s1;
      scores[2] += s2;
      return;
    }
    if (this.dense) {
      for (let f = 0; f < n; f++) {
        const key = features[f]! | 0;
        for (let slot = key & mask; ; slot = (slot + 1) & mask) {
          const base = slot * stride;
          const k = slots32[base >> 1]!;
          if (k === key) {
            const from = base + 2;
            for (let c = 0; c < C; c++) scores[c] += slots16[from + c]!;
            break;
          }
          if (k === 0) break;
        }
      }
      return;
    }
    const pairs = this.pairs;
    for (let f = 0; f < n; f++) {
      const key = features[f]! | 0;
      for (let slot = key & mask; ; slot = (slot + 1) & mask) {
        const base = slot * 3;
        const k = slots32[base]!;
        if (k === key) {
          // an empty slot (key 0) has no pairs
          const from = 2 * slots32[base + 1]!;
          const to = from + 2 * slots32[base + 2]!;
          for (let e = from; e < to; e += 2) scores[pairs[e]!] += pairs[e + 1]!;
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
