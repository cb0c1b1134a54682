/**
 * The linear models of the tagger and the parser: hashed features, one weight per (feature, class).
 *
 * `LinearModelData` is what ships: sparse rows (only the classes a feature has a weight for), weights
 * quantised to 16-bit integers under one scale. `LinearModel` reads it into an open-addressing hash
 * table from feature hash to weights. Scores are sums of integers, so the best class is the same as
 * with the unquantised weights up to rounding. Training (the averaged perceptron) lives in `train/`.
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
  private readonly mask: number;
  /**
   * Dense models (few classes): one slot per row, [key, weights…] in one stretch of memory (key as
   * 32 bits, weights as 16), so a lookup touches one cache line. Sparse models: [key, first pair,
   * number of pairs] slots over (class, weight) pairs. An empty slot holds key 0.
   */
  private readonly slots32: Int32Array;
  private readonly slots16: Int16Array;
  /** Slot size in 32-bit units. */
  private readonly stride32: number;
  private readonly dense: boolean;
  private readonly pairs: Int16Array;

  constructor(data: LinearModelData) {
    this.nClasses = data.nClasses;
    const rows = data.keys.length;
    let size = 16;
    while (size < rows * 1.5) size <<= 1;
    this.mask = size - 1;
    this.dense = data.nClasses <= DENSE_MAX_CLASSES;
    const { keys, offsets, classes, weights } = data;
    // dense: the key, then one 16-bit weight per class, padded to 32 bits
    this.stride32 = this.dense ? 1 + Math.ceil(data.nClasses / 2) : 3;
    const buffer = new ArrayBuffer(size * this.stride32 * 4);
    this.slots32 = new Int32Array(buffer);
    this.slots16 = new Int16Array(buffer);
    this.pairs = new Int16Array(this.dense ? 0 : weights.length * 2);
    for (let r = 0; r < rows; r++) {
      // a feature whose hash is 0 (one in four billion) is left out: 0 marks an empty slot
      if (keys[r] === 0) continue;
      let slot = keys[r]! & this.mask;
      while (this.slots32[slot * this.stride32] !== 0) slot = (slot + 1) & this.mask;
      const base = slot * this.stride32;
      this.slots32[base] = keys[r]! | 0;
      if (this.dense) {
        for (let e = offsets[r]!; e < offsets[r + 1]!; e++) this.slots16[2 * base + 2 + classes[e]!] = weights[e]!;
      } else {
        this.slots32[base + 1] = offsets[r]!;
        this.slots32[base + 2] = offsets[r + 1]! - offsets[r]!;
      }
    }
    // sparse rows: (class, weight) pairs side by side, so that a row is one stretch of memory
    for (let e = 0; e < this.pairs.length / 2; e++) {
      this.pairs[2 * e] = classes[e]!;
      this.pairs[2 * e + 1] = weights[e]!;
    }
  }

  /** Where a feature's slot starts (in 32-bit units), or -1 when the model does not have it. */
  private find(key: number): number {
    const { mask, slots32, stride32 } = this;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const k = slots32[slot * stride32]!;
      if (k === key) return key === 0 ? -1 : slot * stride32;
      if (k === 0) return -1;
    }
  }

  /** Adds the weights of `n` features to `scores` (which the caller zeroes). */
  score(features: Uint32Array, n: number, scores: Float64Array): void {
    const { slots32, slots16, pairs } = this;
    const C = this.nClasses;
    if (this.dense && C === 3) {
      // the parser's transitions: three classes, summed in registers (about a sixth faster)
      let s0 = 0, s1 = 0, s2 = 0;
      for (let f = 0; f < n; f++) {
        const base = this.find(features[f]! | 0);
        if (base < 0) continue;
        s0 += slots16[2 * base + 2]!;
        s1 += slots16[2 * base + 3]!;
        s2 += slots16[2 * base + 4]!;
      }
      scores[0] += s0;
      scores[1] += s1;
      scores[2] += s2;
      return;
    }
    for (let f = 0; f < n; f++) {
      const base = this.find(features[f]! | 0);
      if (base < 0) continue;
      if (this.dense) {
        const from = 2 * base + 2;
        for (let c = 0; c < C; c++) scores[c] += slots16[from + c]!;
      } else {
        const from = 2 * slots32[base + 1]!;
        const to = from + 2 * slots32[base + 2]!;
        for (let e = from; e < to; e += 2) scores[pairs[e]!] += pairs[e + 1]!;
      }
    }
  }
}

/** Index of the highest score among the first `n`; -1 when n is 0. */
export function argmax(scores: Float64Array, n: number): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}
