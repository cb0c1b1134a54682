import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSyntaxAnalyzer } from '../../src/cli/syntax-models.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { parseSentenceTokens, spanWords } from '../../src/extract/syntax/sentence-parse.ts';
import { sentenceWords } from '../../src/extract/syntax/words.ts';
import { splitSentences, tokenize } from '../../src/extract/tokenize.ts';

const fr = loadSyntaxAnalyzer('fr');
const en = loadSyntaxAnalyzer('en');
const words = (text: string, lang: 'fr' | 'en') => sentenceWords(tokenize(text), lang, lang === 'fr' ? fr : en).forms;

describe('the words the parser reads', () => {
  it.each([
    ['Il parle du projet au ministre.', ['Il', 'parle', 'de', 'le', 'projet', 'à', 'le', 'ministre', '.']],
    ["L'aide aux entreprises qu'il a votée.", ["L'", 'aide', 'à', 'les', 'entreprises', "qu'", 'il', 'a', 'votée', '.']],
    ['Du pain.', ['De', 'le', 'pain', '.']],
    ['Le siège des entreprises.', ['Le', 'siège', 'de', 'les', 'entreprises', '.']],
    ['Des salariés ont manifesté.', ['Des', 'salariés', 'ont', 'manifesté', '.']],
    ['Que fait-il ?', ['Que', 'fait', '-il', '?']],
    ['Dit-elle.', ['Dit', '-elle', '.']],
    ['Va-t-il partir ?', ['Va', '-t-il', 'partir', '?']],
    ['Jean-Pierre est à Saint-Nazaire.', ['Jean-Pierre', 'est', 'à', 'Saint-Nazaire', '.']],
  ] as const)('French: %s', (text, expected) => {
    expect(words(text, 'fr')).toEqual(expected);
  });

  it.each([
    ["We don't know, it's late and I can't stay.", ['We', 'do', "n't", 'know', ',', 'it', "'s", 'late', 'and', 'I', 'ca', "n't", 'stay', '.']],
  ] as const)('English: %s', (text, expected) => {
    expect(words(text, 'en')).toEqual(expected);
  });

  it('keeps the token of every word', () => {
    const tokens = tokenize('Il parle du projet.');
    const w = sentenceWords(tokens, 'fr', fr);
    expect([...w.tokenOf]).toEqual([0, 1, 2, 2, 3, 4]);
    expect([...w.firstWord]).toEqual([0, 1, 2, 4, 5]);
    expect([...w.lastWord]).toEqual([0, 1, 3, 4, 5]);
  });
});

describe('the parse in the pipeline', () => {
  const docs = [
    ...readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => ({ id: f, text: readFileSync(join('seeds', f), 'utf8') })),
    ...readFileSync('tests/fixtures/dev-news.jsonl', 'utf8').trim().split('\n').slice(0, 5).map((l) => JSON.parse(l) as { id: string; text: string }),
  ];

  it.each(docs.map((d) => [d.id, d] as const))('%s: every sentence with a mention is parsed; mentions fall on words; offsets point into the text', (_id, doc) => {
    const x = extractDocument(doc, { parses: true });
    const parses = x.parses!;
    expect(parses.length).toBeGreaterThan(0);
    const mentions = x.entities.flatMap((e) => e.mentions);
    // every mention lies in a parsed sentence
    for (const m of mentions) expect(parses.some((p) => m.start >= p.start && m.end <= p.end)).toBe(true);
    for (const p of parses) {
      const inside = mentions.filter((m) => m.start >= p.start && m.end <= p.end);
      // every word: a tag, a head inside the sentence, a relation; one root
      expect(p.words.filter((w) => w.head === -1)).toHaveLength(1);
      for (const w of p.words) {
        expect(w.upos).toMatch(/^[A-Z]+$/);
        expect(w.head).toBeGreaterThanOrEqual(-1);
        expect(w.head).toBeLessThan(p.words.length);
        expect(w.deprel).toMatch(/^[a-z]+(:[a-z]+)?$/);
        // the word's offsets are its token's in the original text
        expect(doc.text.slice(w.start, w.end).length).toBeGreaterThan(0);
      }
      // a mention starts on a word's start and ends on a word's end
      for (const m of inside) {
        expect(p.words.some((w) => w.start === m.start)).toBe(true);
        expect(p.words.some((w) => w.end === m.end)).toBe(true);
      }
    }
    // every relation's sentence was parsed
    for (const r of x.relations) expect(parses.some((p) => p.start === r.evidence.start && p.end === r.evidence.end)).toBe(true);
    // the words of a sentence are its text's: each word's token text is found at its offsets
    for (const p of parses) expect(p.words.map((w) => doc.text.slice(w.start, w.end)).join(' ').length).toBeGreaterThan(0);
  });

  it('extracts the same graph with and without returning the parses', () => {
    const doc = docs[0]!;
    const a = extractDocument(doc);
    const { parses, ...b } = extractDocument(doc, { parses: true });
    expect(parses!.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});

describe('mentions on the parse', () => {
  it('maps a span of tokens onto its words and its head word', () => {
    const tokens = tokenize('Le directeur général du groupe a démissionné.');
    const p = parseSentenceTokens(fr, tokens, 0, tokens.length, 'fr');
    // "du groupe" is one token, two words: "de" "le"
    const span = spanWords(p, 3, 5);
    expect(p.words.forms.slice(span.first, span.last + 1)).toEqual(['de', 'le', 'groupe']);
    expect(p.words.forms[span.head]).toBe('groupe');
    // the subject phrase is headed by its noun, which depends on the verb
    const subject = spanWords(p, 0, 5);
    expect(p.words.forms[subject.head]).toBe('directeur');
    expect(p.deprels[subject.head]).toBe('nsubj');
    expect(p.words.forms[p.heads[subject.head]!]).toBe('démissionné');
  });
});
