import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProjective, readConllu, treeProblem } from '../../src/extract/syntax/conllu.ts';
import { LEFT, N_ACTIONS, ParseState, RIGHT, SHIFT } from '../../src/extract/syntax/transitions.ts';

/** Follows the cheapest legal transition (preferring SHIFT, then LEFT, then RIGHT) to the end; returns the heads. */
function oracleParse(gold: number[]): { heads: number[]; cost: number } {
  const n = gold.length;
  const st = new ParseState(n);
  let cost = 0;
  let steps = 0;
  while (!st.done) {
    let best = -1;
    let bestCost = Infinity;
    for (let a = 0; a < N_ACTIONS; a++) {
      if (!st.isLegal(a)) continue;
      const c = st.cost(a, gold);
      if (c < bestCost) {
        bestCost = c;
        best = a;
      }
    }
    cost += bestCost;
    st.apply(best, 0);
    if (++steps > 2 * n + 2) throw new Error('the transition system did not end');
  }
  return { heads: [...st.heads], cost };
}

const TREEBANK = '../shared/treebanks/fr-sequoia/fr_sequoia-ud-train.conllu';

describe('arc-hybrid transitions', () => {
  it('handles the empty sentence and a single word', () => {
    expect(new ParseState(0).done).toBe(true);
    const st = new ParseState(1);
    expect(st.isLegal(LEFT)).toBe(false);
    expect(st.isLegal(RIGHT)).toBe(false);
    st.apply(SHIFT, -1);
    expect(st.isLegal(LEFT)).toBe(true);
    st.apply(LEFT, 0);
    expect(st.done).toBe(true);
    expect(st.heads[0]).toBe(1); // the root is n
  });

  it('gives the root one dependent only: LEFT onto the root needs a stack of one word', () => {
    const st = new ParseState(2);
    st.apply(SHIFT, -1);
    st.apply(SHIFT, -1);
    expect(st.isLegal(SHIFT)).toBe(false);
    expect(st.isLegal(LEFT)).toBe(false);
    expect(st.isLegal(RIGHT)).toBe(true);
  });

  it('the dynamic oracle reproduces every projective training tree at zero cost', () => {
    const sentences = readConllu(readFileSync(TREEBANK, 'utf8'), { file: TREEBANK });
    let checked = 0;
    for (const s of sentences) {
      const heads = s.words.map((w) => w.head);
      if (treeProblem(heads) || !isProjective(heads)) continue;
      const n = heads.length;
      const gold = heads.map((h) => (h === 0 ? n : h - 1));
      const { heads: got, cost } = oracleParse(gold);
      expect(cost).toBe(0);
      expect(got).toEqual(gold);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('the oracle counts the arcs a wrong move loses', () => {
    // "a b c": b heads a and c, b is the root
    const gold = [1, 3, 1];
    const st = new ParseState(3);
    st.apply(SHIFT, -1);
    // a on the stack, b in front: RIGHT is illegal, SHIFT loses a ← b
    expect(st.cost(SHIFT, gold)).toBe(1);
    expect(st.cost(LEFT, gold)).toBe(0);
  });
});
