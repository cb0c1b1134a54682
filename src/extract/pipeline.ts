import { cleanText, toOriginalSpan } from './clean.ts';
import rulesEn from './data/rules.en.json';
import rulesFr from './data/rules.fr.json';
import { findMentions, type DocContext, type MentionSpan } from './entities.ts';
import { compileDependencyRule, findDependencyRelations, type DependencyRule } from './dependency/index.ts';
import { InputError } from './errors.ts';
import { detectLanguageOfTokens } from './lang.ts';
import { getLexicon, Lexicon, type LexiconData, type LexiconKey } from './lexicon.ts';
import { findRelations, findSpeakers, type FoundRelation } from './relations.ts';
import { resolveMentions, type Cluster } from './resolve.ts';
import { compileRule, isLexiconList, type CompiledRule, type RulesFile } from './rules.ts';
import { getSyntaxAnalyzer } from './syntax/index.ts';
import { parseSentenceTokens } from './syntax/sentence-parse.ts';
import { normWord, splitSentences, tokenize, type Sentence, type Token } from './tokenize.ts';
import lexiconFr from './data/lexicon.fr.json';
import lexiconEn from './data/lexicon.en.json';
import type { DocumentExtraction, ExtractedEntity, ExtractedRelation, Lang, SourceDocument } from './types.ts';

export interface ExtractOptions {
  /** Force the language instead of detecting it. */
  lang?: Lang;
  /** User rule files (already parsed), added to the built-in rules and lexicons. */
  rules?: { file: string; content: RulesFile }[];
  /** Return the parses of the sentences the relation step read. */
  parses?: boolean;
}

export const extractDefaults: Required<Pick<ExtractOptions, 'rules'>> = { rules: [] };

interface Engine {
  lexicon: Lexicon;
  rules: CompiledRule[];
  /** Patterns over the dependency parse. */
  dependencyRules: DependencyRule[];
}

const engines = new Map<string, Engine>();

function builtInRules(lang: Lang): RulesFile {
  return (lang === 'fr' ? rulesFr : rulesEn) as unknown as RulesFile;
}

/** The lexicon and compiled rules of a language, with the user's rule files on top. */
export function getEngine(lang: Lang, userRules: ExtractOptions['rules'] = []): Engine {
  const cacheKey = `${lang}:${userRules.map((r) => r.file).join('|')}`;
  let engine = engines.get(cacheKey);
  if (engine) return engine;
  const lexicon = userRules.length ? new Lexicon(lang, (lang === 'fr' ? lexiconFr : lexiconEn) as unknown as LexiconData) : getLexicon(lang);
  const files = [{ file: `built-in rules (${lang})`, content: builtInRules(lang) }, ...userRules];
  const classes = new Map<string, unknown>();
  for (const { file, content } of files) {
    for (const [name, words] of Object.entries(content.classes ?? {})) {
      if (!Array.isArray(words)) throw new InputError(`${file}: class "${name}" must be a list of words`);
      lexicon.add(name as LexiconKey, words);
      classes.set(name, true);
    }
    for (const [name, words] of Object.entries(content.lexicon ?? {})) {
      if (!isLexiconList(name)) throw new InputError(`${file}: unknown lexicon list "${name}"`);
      if (!Array.isArray(words)) throw new InputError(`${file}: lexicon list "${name}" must be a list of words`);
      lexicon.add(name, words);
    }
  }
  const rules: CompiledRule[] = [];
  const dependencyRules: DependencyRule[] = [];
  const ids = new Set<string>();
  for (const { file, content } of files) {
    for (const spec of content.rules ?? []) {
      if (spec && spec.dep !== undefined && spec.pattern !== undefined) throw new InputError(`${file}: rule "${spec.id}": give either "pattern" (surface) or "dep" (dependency), not both`);
      const rule = spec && spec.dep !== undefined ? compileDependencyRule(spec, lexicon, file) : compileRule(spec, classes, lexicon, file);
      if (ids.has(rule.id)) throw new InputError(`${file}: rule id "${rule.id}" is used twice; give each rule its own id`);
      ids.add(rule.id);
      if ('nodes' in rule) dependencyRules.push(rule);
      else rules.push(rule);
    }
  }
  engine = { lexicon, rules, dependencyRules };
  engines.set(cacheKey, engine);
  return engine;
}

/**
 * Two capitalised words in a row seen inside a sentence ("versée par Action Logement"): the same
 * pair opening a sentence is that name too, not a capitalised common word ("Action Logement est …").
 */
function findCapPairs(tokens: Token[], sentences: Sentence[]): Set<string> {
  const pairs = new Set<string>();
  for (const s of sentences) {
    for (let i = s.from + 1; i + 1 < s.to; i++) {
      const a = tokens[i]!;
      const b = tokens[i + 1]!;
      if (a.kind === 'word' && b.kind === 'word' && a.cap && b.cap && !a.upper && tokens[i - 1]!.kind === 'word') pairs.add(`${a.norm} ${b.norm}`);
    }
  }
  return pairs;
}

/** What `tokenize(…, { possessives: true })` splits differently: "Corp's", "Leeds-based". */
const ENGLISH_SPLITS = /\p{L}['’][sS](?![\p{L}\p{M}\p{N}])|-(?:based|headquartered)(?![\p{L}\p{M}\p{N}])/u;

/**
 * "plan social", "plans d'économies", "projet de loi": a programme named by a bare head ("plan",
 * "projet", "programme"…) and lower-case words only is a description, not a name ("plan Marshall",
 * "programme Erasmus+" and "chômage partiel" are names).
 */
function isCommonNounProgramme(label: string, lexicon: Lexicon): boolean {
  if (/\p{Lu}|\d/u.test(label)) return false;
  const head = normWord(label.split(/[\s']/)[0] ?? '');
  return lexicon.has('programmeBareHeads', head) || (head.endsWith('s') && lexicon.has('programmeBareHeads', head.slice(0, -1)));
}

/** Extracts the entities and relations of one document. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): DocumentExtraction {
  const warnings: string[] = [];
  const original = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  const clean = cleanText(original);
  let { tokens, sentences } = splitSentences(tokenize(clean.text));
  const guess = detectLanguageOfTokens(tokens);
  const lang = options.lang ?? guess.lang;
  // English possessives are tokens of their own: "Acme Corp's chairman" names "Acme Corp" (tokenised again
  // only when the text has one, or a "Leeds-based": otherwise the tokens would be the same)
  const english = lang === 'en' || (!options.lang && guess.unsure);
  if (english && ENGLISH_SPLITS.test(clean.text)) ({ tokens, sentences } = splitSentences(tokenize(clean.text, { possessives: true })));
  if (!options.lang && guess.unsure) warnings.push(`${doc.id}: language is neither French nor English as far as can be told; English rules were used.`);
  const engineLang: Lang = options.lang ?? (guess.unsure ? 'en' : lang);
  const { lexicon, rules, dependencyRules } = getEngine(engineLang, options.rules ?? []);
  const lowerWords = new Set<string>();
  const midCaps = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    if (!t.cap) lowerWords.add(t.norm);
    else if (tokens[k - 1]?.kind === 'word' && tokens[k - 1]!.sentence === t.sentence) midCaps.add(t.norm);
  }
  const ctx: DocContext = { text: clean.text, tokens, sentences, lexicon, lowerWords, midCaps, capPairs: findCapPairs(tokens, sentences), norms: tokens.map((t) => t.norm) };

  const mentions = findMentions(ctx);
  const clusters = resolveMentions(ctx, mentions, lexicon.countries);
  const clusterOf = new Map<MentionSpan, Cluster>();
  for (const c of clusters) for (const m of c.mentions) clusterOf.set(m, c);
  const bySentence = new Map<number, MentionSpan[]>();
  for (const m of [...mentions].sort((a, b) => a.from - b.from)) {
    if (!clusterOf.has(m)) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  // the relation step reads every sentence with a name (one name is enough for a link through "nous"
  // or "son") and every sentence of an interview turn or quotation: each of those carries its parse
  const speakers = findSpeakers(ctx, bySentence, clusterOf);
  const analyzer = getSyntaxAnalyzer(engineLang);
  if (analyzer) {
    ctx.parses = new Map();
    for (const s of sentences) {
      if (!bySentence.has(s.index) && !speakers[s.from] && !speakers[s.to - 1]) continue;
      ctx.parses.set(s.index, parseSentenceTokens(analyzer, tokens, s.from, s.to, engineLang));
    }
  }
  const syntax = ctx.parses ? findDependencyRelations(ctx, dependencyRules, lexicon, bySentence, clusterOf) : undefined;
  // links of the dependency patterns first: where a surface pattern finds the same link in the same sentence, the evidence names the dependency pattern
  const found = [...(syntax?.found ?? []), ...findRelations({ ctx, clusters, rules, figureOwners: syntax?.figureOwners }, bySentence, clusterOf, speakers)];

  // "nous" is the organisation of the person speaking
  const employer = new Map<Cluster, Cluster>();
  for (const r of found) {
    if ((r.relation === 'leads' || r.relation === 'works_for') && !('speaker' in r.source) && !('speaker' in r.target)) {
      if (!employer.has(r.source) || r.relation === 'leads') employer.set(r.source, r.target);
    }
  }
  const resolveEnd = (end: FoundRelation['source']): Cluster | undefined => ('speaker' in end ? employer.get(end.speaker) : end);

  const entities: ExtractedEntity[] = clusters.map((c) => {
    const e: ExtractedEntity = {
      id: c.id,
      type: c.type,
      label: c.label,
      aliases: [...c.aliases],
      mentions: c.mentions.map((m) => {
        const [start, end] = toOriginalSpan(clean, tokens[m.from]!.start, tokens[m.to - 1]!.end);
        return { doc: doc.id, start, end };
      }),
    };
    if (c.value !== undefined) e.value = c.value;
    if (c.value_max !== undefined) e.value_max = c.value_max;
    if (c.unit !== undefined) e.unit = c.unit;
    if (c.type === 'programme' && isCommonNounProgramme(c.label, lexicon)) e.local = true;
    return e;
  });
  const relations: ExtractedRelation[] = [];
  const seen = new Set<string>();
  for (const r of found) {
    const source = resolveEnd(r.source);
    const target = resolveEnd(r.target);
    if (!source || !target || source === target) continue;
    const s = sentences[r.sentence]!;
    const [start, end] = toOriginalSpan(clean, s.start, s.end);
    const k = `${source.id}|${r.relation}|${target.id}|${start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    relations.push({ source: source.id, target: target.id, relation: r.relation, evidence: { doc: doc.id, start, end }, pattern: r.pattern });
  }
  // a pair with a typed relation in a sentence does not also co-occur there
  const pairKey = (r: ExtractedRelation) => (r.source < r.target ? `${r.evidence.start}|${r.source}|${r.target}` : `${r.evidence.start}|${r.target}|${r.source}`);
  const typed = new Set<string>();
  for (const r of relations) if (r.relation !== 'co_occurs') typed.add(pairKey(r));
  // "chief executive" reads as a role and as a leader title: leading a place implies working there
  const leads = new Set(relations.filter((r) => r.relation === 'leads').map((r) => `${r.source}|${r.target}`));
  const kept = relations.filter((r) => (r.relation !== 'co_occurs' || !typed.has(pairKey(r))) && !(r.relation === 'works_for' && leads.has(`${r.source}|${r.target}`)));
  const result: DocumentExtraction = {
    doc: { id: doc.id, path: doc.path ?? doc.id, title: doc.title ?? firstLine(original), lang, chars: original.length },
    entities,
    relations: kept,
    warnings,
  };
  if (options.parses && ctx.parses) {
    result.parses = [...ctx.parses].sort((a, b) => a[0] - b[0]).map(([index, p]) => {
      const s = sentences[index]!;
      const [start, end] = toOriginalSpan(clean, s.start, s.end);
      const words = p.words.forms.map((form, w) => {
        const t = tokens[p.tokenFrom + p.words.tokenOf[w]!]!;
        const [ws, we] = toOriginalSpan(clean, t.start, t.end);
        return { form, upos: p.upos[w]!, feats: p.feats[w]!, head: p.heads[w]!, deprel: p.deprels[w]!, start: ws, end: we };
      });
      return { doc: doc.id, start, end, words };
    });
  }
  return result;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 120);
}

/** Extracts many documents; `onProgress(done, total)` is called after each. */
export function extractDocuments(docs: SourceDocument[], options: ExtractOptions = {}, onProgress?: (done: number, total: number) => void): DocumentExtraction[] {
  const out: DocumentExtraction[] = [];
  docs.forEach((d, i) => {
    out.push(extractDocument(d, options));
    onProgress?.(i + 1, docs.length);
  });
  return out;
}
