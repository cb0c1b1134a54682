import { describe, expect, it } from 'vitest';
import { evidenceSegments, mentionsWithin, type Mark } from '../../src/ui/core/evidence.ts';

const text = 'Intro. Microsoft funds Actebis with 5.000 euros. Outro.';
const sentence = { doc: 'd', start: 7, end: 48 };
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

describe('evidenceSegments', () => {
  it('returns the sentence as one plain segment without marks, and nothing for an empty span', () => {
    expect(evidenceSegments(text, sentence, [])).toEqual([{ text: 'Microsoft funds Actebis with 5.000 euros.', role: null }]);
    expect(evidenceSegments(text, { doc: 'd', start: 5, end: 5 }, [])).toEqual([]);
  });

  it('marks both entity spans', () => {
    const marks: Mark[] = [
      { ...at('Actebis'), role: 'target' },
      { ...at('Microsoft'), role: 'source' },
    ];
    expect(evidenceSegments(text, sentence, marks)).toEqual([
      { text: 'Microsoft', role: 'source' },
      { text: ' funds ', role: null },
      { text: 'Actebis', role: 'target' },
      { text: ' with 5.000 euros.', role: null },
    ]);
  });

  it('drops marks outside the sentence and overlapping ones', () => {
    const marks: Mark[] = [
      { ...at('Intro'), role: 'source' },
      { start: at('Microsoft').start, end: at('funds').end, role: 'source' },
      { ...at('funds'), role: 'target' },
    ];
    const segments = evidenceSegments(text, sentence, marks);
    expect(segments[0]).toEqual({ text: 'Microsoft funds', role: 'source' });
    expect(segments.map((s) => s.text).join('')).toBe(text.slice(7, 48));
  });

  it('clamps a span that runs past the text', () => {
    expect(evidenceSegments('short', { doc: 'd', start: 2, end: 99 }, [])).toEqual([{ text: 'ort', role: null }]);
  });

  it('keeps markup as plain text (the page inserts it as text)', () => {
    const evil = '<img src=x onerror=alert(1)> met "><script>alert(1)</script>';
    const segments = evidenceSegments(evil, { doc: 'd', start: 0, end: evil.length }, [{ start: 0, end: 28, role: 'source' }]);
    expect(segments.map((s) => s.text).join('')).toBe(evil);
  });
});

describe('mentionsWithin', () => {
  it('keeps the mentions of the same document inside the span', () => {
    const mentions = [
      { doc: 'd', ...at('Microsoft') },
      { doc: 'other', ...at('Microsoft') },
      { doc: 'd', ...at('Outro') },
    ];
    expect(mentionsWithin(mentions, sentence)).toEqual([{ doc: 'd', ...at('Microsoft') }]);
  });
});
