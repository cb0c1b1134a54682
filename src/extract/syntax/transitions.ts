/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the root at the
 * end of the buffer (Ballesteros and Nivre 2013), and its dynamic oracle (Goldberg and Nivre 2013).
 *
 * Words are 0 … n-1 and the root is n. SHIFT moves the front of the buffer onto the stack; LEFT
 * makes the top of the stack a dependent of the front of the buffer and pops it; RIGHT makes it a
 * dependent of the word below it and pops it. The root only takes a dependent by LEFT when the
 * stack holds one word, so every parse has exactly one root word, and each transition creates an
 * arc whose dependent is complete: it has all its dependents already.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_ACTIONS = 3;
export const ACTION_NAMES = ['SHIFT', 'LEFT', 'RIGHT'];

export class ParseState {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** Front of the buffer; the root (n) when every word has been shifted. */
  b = 0;
  /** Head of each word (n for the root), -1 before it has one. */
  readonly heads: Int32Array;
  /** Label index of each word's arc, -1 before it has one. */
  readonly labels: Int32Array;
  /** Leftmost and second leftmost, rightmost and second rightmost dependents (n + 1 entries: the root too). */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  readonly inStack: Uint8Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n).fill(-1);
    this.labels = new Int32Array(n).fill(-1);
    this.lc1 = new Int32Array(n + 1).fill(-1);
    this.lc2 = new Int32Array(n + 1).fill(-1);
    this.rc1 = new Int32Array(n + 1).fill(-1);
    this.rc2 = new Int32Array(n + 1).fill(-1);
    this.nLeft = new Int32Array(n + 1);
    this.nRight = new Int32Array(n + 1);
    this.inStack = new Uint8Array(n + 1);
  }

  get done(): boolean {
    return this.sp === 0 && this.b >= this.n;
  }

  /** The i-th item from the top of the stack, or -1. */
  s(i: number): number {
    return this.sp > i ? this.stack[this.sp - 1 - i]! : -1;
  }

  /** The i-th item of the buffer (the root counts as its last), or -1. */
  buf(i: number): number {
    return this.b + i <= this.n ? this.b + i : -1;
  }

  isLegal(action: number): boolean {
    if (action === SHIFT) return this.b < this.n;
    if (action === LEFT) return this.sp >= 1 && (this.b < this.n || this.sp === 1);
    return this.sp >= 2;
  }

  /** Applies an action; returns the dependent it attached (or -1 for SHIFT). */
  apply(action: number, label: number): number {
    if (action === SHIFT) {
      this.inStack[this.b] = 1;
      this.stack[this.sp++] = this.b++;
      return -1;
    }
    const d = this.stack[--this.sp]!;
    this.inStack[d] = 0;
    const h = action === LEFT ? this.b : this.stack[this.sp - 1]!;
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      this.lc2[h] = this.lc1[h]!;
      this.lc1[h] = d;
      this.nLeft[h]!++;
    } else {
      this.rc2[h] = this.rc1[h]!;
      this.rc1[h] = d;
      this.nRight[h]!++;
    }
    return d;
  }

  /** The head an action would give the top of the stack. */
  headFor(action: number): number {
    return action === LEFT ? this.b : this.stack[this.sp - 2]!;
  }

  /**
   * Gold arcs that an action makes unreachable (the dynamic oracle). `gold[d]` is the head of d
   * (n for the root). Arcs already lost do not count, so the cheapest legal action is always a
   * best one, for projective and non-projective trees alike.
   */
  cost(action: number, gold: ArrayLike<number>): number {
    const { n, b } = this;
    const s0 = this.s(0);
    const s1 = this.s(1);
    let cost = 0;
    if (action === SHIFT) {
      // b0 can no longer take a head from the stack below s0, nor dependents from the stack
      const gh = gold[b]!;
      if (gh !== s0 && gh <= n && this.inStack[gh]) cost++;
      for (let k = 0; k < this.sp; k++) if (gold[this.stack[k]!] === b) cost++;
      return cost;
    }
    // s0 is popped: its dependents still in the buffer are lost
    for (let d = b; d < n; d++) if (gold[d] === s0) cost++;
    const gh = gold[s0]!;
    if (action === LEFT) {
      if (gh !== b && (gh === s1 || gh > b)) cost++;
    } else if (gh !== s1 && gh >= b) cost++;
    return cost;
  }
}
