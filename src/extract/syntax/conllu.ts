import { InputError } from '../errors.ts';

/** One syntactic word of a CoNLL-U sentence (multiword tokens are expanded, empty nodes skipped). */
export interface UdWord {
  form: string;
  lemma: string;
  upos: string;
  /** FEATS as written ("Gender=Fem|Number=Sing"), "_" when none. */
  feats: string;
  /** 0 for the root, else the 1-based index of the head word. */
  head: number;
  deprel: string;
}

/** A multiword token ("du" = "de le"): its surface form and the words it covers, 1-based, inclusive. */
export interface UdMultiword {
  from: number;
  to: number;
  form: string;
}

export interface UdSentence {
  /** `# sent_id`, else the line number of its first line. */
  id: string;
  /** `# text`, when given. */
  text?: string;
  words: UdWord[];
  multiwords: UdMultiword[];
  /** Line of the sentence's first line in its file (1-based). */
  line: number;
}

/** Reading CoNLL-U: where `line` and `file` appear in messages. */
export interface ReadConlluOptions {
  file?: string;
}

const UPOS = new Set(['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X']);

/**
 * Parses CoNLL-U text. Comment lines and empty nodes (`8.1`) are skipped; multiword token lines
 * (`3-4`) are kept as `multiwords` beside the words. A line that is not CoNLL-U throws an InputError
 * naming the file, the line and what is wrong.
 */
export function readConllu(text: string, options: ReadConlluOptions = {}): UdSentence[] {
  const file = options.file ?? 'CoNLL-U input';
  const sentences: UdSentence[] = [];
  let words: UdWord[] = [];
  let multiwords: UdMultiword[] = [];
  let comments: Record<string, string> = {};
  let startLine = 0;
  const fail = (line: number, what: string): never => {
    throw new InputError(`${file}, line ${line}: ${what}. A CoNLL-U line has 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC).`);
  };
  const close = (line: number) => {
    if (words.length) {
      for (let k = 0; k < words.length; k++) {
        if (words[k]!.head > words.length) fail(startLine + k, `head ${words[k]!.head} points past the sentence's ${words.length} words`);
      }
      sentences.push({ id: comments['sent_id'] ?? `line ${startLine}`, text: comments['text'], words, multiwords, line: startLine });
    } else if (multiwords.length) fail(line, 'a multiword token with no words after it');
    words = [];
    multiwords = [];
    comments = {};
    startLine = 0;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (raw.trim() === '') {
      close(n);
      continue;
    }
    if (!startLine) startLine = n;
    if (raw.startsWith('#')) {
      const m = /^#\s*([\w-]+)\s*=\s?(.*)$/.exec(raw);
      if (m) comments[m[1]!] = m[2]!;
      continue;
    }
    const cols = raw.split('\t');
    if (cols.length !== 10) fail(n, `${cols.length} column${cols.length === 1 ? '' : 's'} instead of 10`);
    const id = cols[0]!;
    if (/^\d+\.\d+$/.test(id)) continue; // empty node of enhanced dependencies
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from !== words.length + 1 || to <= from) fail(n, `multiword token "${id}" does not cover the next words`);
      multiwords.push({ from, to, form: cols[1]! });
      continue;
    }
    if (!/^\d+$/.test(id)) fail(n, `ID "${id}" is not a number, a range (3-4) or an empty node (8.1)`);
    if (Number(id) !== words.length + 1) fail(n, `word ${id} where word ${words.length + 1} was expected`);
    const upos = cols[3]!;
    if (!UPOS.has(upos) && upos !== '_') fail(n, `"${upos}" is not a universal part of speech`);
    const headText = cols[6]!;
    if (!/^\d+$/.test(headText) && headText !== '_') fail(n, `HEAD "${headText}" is not a number`);
    words.push({ form: cols[1]!, lemma: cols[2]!, upos, feats: cols[5]!, head: headText === '_' ? -1 : Number(headText), deprel: cols[7]! });
  }
  close(lines.length);
  return sentences;
}

/** Why a gold tree cannot be used (a cycle, no root, a word without a head), or undefined when it is a tree. */
export function treeProblem(heads: readonly number[]): string | undefined {
  const n = heads.length;
  let roots = 0;
  for (let i = 0; i < n; i++) {
    const h = heads[i]!;
    if (h < 0) return `word ${i + 1} has no head`;
    if (h === i + 1) return `word ${i + 1} is its own head`;
    if (h === 0) roots++;
  }
  if (roots === 0) return 'no word is the root';
  for (let i = 0; i < n; i++) {
    let steps = 0;
    for (let h = heads[i]!; h !== 0; h = heads[h - 1]!) {
      if (++steps > n) return `word ${i + 1} is in a cycle`;
    }
  }
  return undefined;
}

/** Whether the tree (heads 1-based, 0 = root) has crossing arcs. */
export function isProjective(heads: readonly number[]): boolean {
  const n = heads.length;
  for (let i = 0; i < n; i++) {
    const a = Math.min(i + 1, heads[i]!);
    const b = Math.max(i + 1, heads[i]!);
    for (let j = i + 1; j < n; j++) {
      const c = Math.min(j + 1, heads[j]!);
      const d = Math.max(j + 1, heads[j]!);
      if ((c > a && c < b && d > b) || (d > a && d < b && c < a)) return false;
    }
  }
  return true;
}

/** The surface tokens of a sentence: multiword tokens as one, with the words each covers. */
export function surfaceTokens(sentence: UdSentence): { form: string; words: number[] }[] {
  const out: { form: string; words: number[] }[] = [];
  let m = 0;
  for (let i = 1; i <= sentence.words.length; ) {
    const mw = sentence.multiwords[m];
    if (mw && mw.from === i) {
      const covered: number[] = [];
      for (let k = mw.from; k <= mw.to; k++) covered.push(k - 1);
      out.push({ form: mw.form, words: covered });
      i = mw.to + 1;
      m++;
    } else {
      out.push({ form: sentence.words[i - 1]!.form, words: [i - 1] });
      i++;
    }
  }
  return out;
}
