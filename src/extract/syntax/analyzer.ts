import { InputError } from '../errors.ts';
import { feat1, feat2, feat3, lexiconClasses, lowerForm, wordTable } from './features.ts';
import { hashString } from './hash.ts';
import { Lemmatizer } from './lemmatizer.ts';
import { decodeModelFile, type ModelHeader } from './model-file.ts';
import { Parser, type FeatureSet } from './parser.ts';
import { UPOS_TAGS } from './upos.ts';
import { argmax, LinearModel } from './perceptron.ts';
import { Tagger } from './tagger.ts';

export { UPOS_TAGS };

/** One analysed word: its part of speech, features, head (1-based, 0 = root) and relation. */
export interface AnalyzedSentence {
  forms: string[];
  upos: string[];
  feats: string[];
  /** Lemmas (lower case; names as written). */
  lemmas: string[];
  heads: Int32Array;
  deprels: string[];
}

export const MAX_MWT_FEATURES = 8;

/** Features of surface token i for whether it is a multiword token. */
export function multiwordFeatures(lower: readonly string[], i: number, out: Uint32Array): number {
  const at = (j: number) => (j < 0 ? -1 : j >= lower.length ? -2 : hashString(lower[j]!));
  const self = at(i);
  let k = 0;
  out[k++] = feat1(1, self);
  out[k++] = feat2(2, self, at(i - 1));
  out[k++] = feat2(3, self, at(i + 1));
  out[k++] = feat3(4, self, at(i - 2), at(i - 1));
  out[k++] = feat3(5, self, at(i + 1), at(i + 2));
  out[k++] = feat3(6, self, at(i - 1), at(i + 1));
  return k;
}

/** The feature set a model was trained with, from its header. */
function featureSetOf(header: ModelHeader): FeatureSet {
  return (header.meta['config'] as { features?: FeatureSet } | undefined)?.features === 'fast' ? 'fast' : 'full';
}

/** The tagger, the parser and the multiword rules of one language, read from their model files. */
export class SyntaxAnalyzer {
  readonly lang: string;
  readonly tagger: Tagger;
  readonly parser: Parser;
  readonly lemmatizer: Lemmatizer;
  readonly headers: { tagger: ModelHeader; parser: ModelHeader };
  private readonly expansions: Map<string, string[]>;
  private readonly ambiguous: Set<string>;
  private readonly multiword: LinearModel;
  private readonly buffer = new Uint32Array(MAX_MWT_FEATURES);
  private readonly scores = new Float64Array(2);

  constructor(taggerFile: { bytes: Uint8Array; name: string }, parserFile: { bytes: Uint8Array; name: string }) {
    const t = decodeModelFile(taggerFile.bytes, taggerFile.name);
    const p = decodeModelFile(parserFile.bytes, parserFile.name);
    const need = (file: string, header: ModelHeader, kind: string, models: string[], lists: string[]) => {
      if (header.kind !== kind) throw new InputError(`model file "${file}" is a ${header.kind} model where a ${kind} model was expected`);
      for (const m of models) if (!(m in header.models)) throw new InputError(`model file "${file}" lacks its "${m}" weights`);
      for (const l of lists) if (!Array.isArray(header.lists[l])) throw new InputError(`model file "${file}" lacks its "${l}" list`);
    };
    need(taggerFile.name, t.header, 'tagger', ['upos', 'morph', 'multiword'], ['upos', 'morph', 'ambiguous']);
    need(parserFile.name, p.header, 'parser', ['transitions', 'labels'], ['labels']);
    if (t.header.lang !== p.header.lang) throw new InputError(`model files "${taggerFile.name}" (${t.header.lang}) and "${parserFile.name}" (${p.header.lang}) are of different languages`);
    if (t.header.lists['upos']!.join() !== UPOS_TAGS.join()) throw new InputError(`model file "${taggerFile.name}" has tags of another version`);
    this.lang = t.header.lang;
    this.headers = { tagger: t.header, parser: p.header };
    this.tagger = new Tagger({
      upos: new LinearModel(t.models['upos']!),
      morph: new LinearModel(t.models['morph']!),
      uposNames: t.header.lists['upos']!,
      morphNames: t.header.lists['morph']!,
      featureSet: featureSetOf(t.header),
      lexicon: lexiconClasses(t.header.tables['lexicon']),
      featureless: t.header.lists['featureless'],
      tagDictionary: t.header.tables['tagDictionary'],
      morphDictionary: t.header.tables['morphDictionary'],
    });
    this.parser = new Parser(new LinearModel(p.models['transitions']!), new LinearModel(p.models['labels']!), p.header.lists['labels']!, featureSetOf(p.header), p.header.tables['labelDictionary']);
    this.expansions = new Map(Object.entries(t.header.tables['multiword'] ?? {}));
    this.ambiguous = new Set(t.header.lists['ambiguous']);
    this.multiword = new LinearModel(t.models['multiword']!);
    this.lemmatizer = new Lemmatizer(t.header.tables['lemmas'], t.header.tables['lemmaRules']);
  }

  /**
   * Which surface tokens are several words: for each token, its words ("du" → ["de", "le"]), or
   * undefined when it is one word. Case follows the token's first letter ("Du" → "De", "le").
   */
  expandTokens(tokens: readonly string[]): (string[] | undefined)[] {
    const lower = tokens.map((t) => lowerForm(t));
    return tokens.map((token, i) => {
      const words = this.expansions.get(lower[i]!);
      if (!words) return undefined;
      if (this.ambiguous.has(lower[i]!)) {
        const k = multiwordFeatures(lower, i, this.buffer);
        this.scores.fill(0);
        this.multiword.score(this.buffer, k, this.scores);
        if (argmax(this.scores, 2) === 0) return undefined;
      }
      const first = token.charAt(0);
      return first !== first.toLowerCase() ? [words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1), ...words.slice(1)] : [...words];
    });
  }

  /** Tags and parses one sentence of words (multiword tokens already expanded). */
  analyze(forms: readonly string[]): AnalyzedSentence {
    const n = forms.length;
    const words = wordTable(forms, this.tagger.lexicon);
    const tags = this.tagger.tagIndices(words, n);
    const morphIdx = this.tagger.morphIndices(words, n, tags);
    const morph = new Int32Array(n);
    const feats: string[] = [];
    for (let i = 0; i < n; i++) {
      const name = this.tagger.morphNames[morphIdx[i]!]!;
      feats.push(name);
      morph[i] = hashString(name) | 0;
    }
    const { heads, labels } = n ? this.parser.parse({ n, words, tags, morph }) : { heads: new Int32Array(0), labels: new Int32Array(0) };
    const upos = [...tags].map((t) => UPOS_TAGS[t]!);
    return {
      forms: [...forms],
      upos,
      lemmas: forms.map((f, i) => this.lemmatizer.lemma(f, upos[i]!)),
      feats,
      heads,
      deprels: [...labels].map((l) => this.parser.labelNames[l] ?? 'dep'),
    };
  }
}
