import { InputError } from './errors.ts';
import { splitPhrase, type Lexicon, type LexiconKey } from './lexicon.ts';
import { normWord } from './tokenize.ts';
import type { DependencyNodeSpec } from './dependency/patterns.ts';
import type { EntityType, RelationName } from './types.ts';
import { ENTITY_TYPES, RELATION_NAMES } from './types.ts';

/** A relation rule as written in a rules file. */
export interface RuleSpec {
  id: string;
  relation: RelationName;
  /** A surface pattern (see the rules file's "about"); or `dep`, a pattern over the dependency parse. */
  pattern?: string;
  dep?: DependencyNodeSpec[];
  /** "speaker": the source is the organisation of the person speaking. */
  source?: 'speaker';
  /** [sentence, expected source label, expected target label]; empty labels: needs the document's context. */
  examples?: [string, string, string][];
  /** Sentences the rule is meant for but does not handle yet: known misses, kept in view. */
  gaps?: [string, string, string][];
}

export interface RulesFile {
  about?: string;
  classes?: Record<string, string[]>;
  rules?: RuleSpec[];
  /** Extra lexicon entries: list name → words. */
  lexicon?: Partial<Record<LexiconKey, string[]>>;
}

export type PatternElement =
  | { t: 'slot'; role: 's' | 't' | 'g'; types: Set<EntityType | 'any'> }
  | { t: 'words'; phrases: string[][]; optional: boolean }
  | { t: 'list'; name: string; optional: boolean; /** the list's phrase index (`Lexicon.phraseIndex`) */ index: ReadonlyMap<string, string[][]> }
  | { t: 'prefix'; prefix: string; optional: boolean }
  | { t: 'gap'; max: number; any: boolean };

type ElementFields = { role: 's' | 't' | 'g'; types: Set<EntityType | 'any'>; phrases: string[][]; name: string; index: ReadonlyMap<string, string[][]>; prefix: string; optional: boolean; max: number; any: boolean };

/**
 * A pattern element with the fields of every kind, in one order: the matcher reads elements of
 * all kinds at the same place, and one object shape keeps that code fast.
 */
function element(t: PatternElement['t'], fields: Partial<ElementFields>): PatternElement {
  const { role, types, phrases, name, index, prefix, optional = false, max = 0, any = false } = fields;
  return { t, role, types, phrases, name, index, prefix, optional, max, any } as PatternElement;
}

export interface CompiledRule {
  id: string;
  relation: RelationName;
  source?: 'speaker';
  elements: PatternElement[];
  /**
   * First words of one mandatory word element: a sentence without any of them
   * cannot match, so the rule is not tried there. Undefined when every element is optional.
   */
  anchors?: Set<string>;
  /** The pattern opens with an entity slot: only entity positions can start a match. */
  startsWithSlot: boolean;
  /** The pattern opens with a mandatory word element: only these words can start a match. */
  startWords?: Set<string>;
  /** "$s:person , … $t": an apposition that ends on its target (see findRelations). */
  appositionToTarget: boolean;
  /** A gap comes right before the source slot: "… au Sénat et $s" must not reach a coordinated name. */
  gapBeforeSource: boolean;
}

const entityTypes = new Set<string>(ENTITY_TYPES);
const relationNames = new Set<string>(RELATION_NAMES);

function splitPattern(pattern: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === ' ') {
      i++;
      continue;
    }
    if (pattern[i] === '(') {
      // the group ends at the first ")" that no backslash escapes: "(\\))" is a closing bracket
      let close = pattern.indexOf(')', i);
      while (close > 0 && pattern[close - 1] === '\\') close = pattern.indexOf(')', close + 1);
      if (close < 0) throw new Error(`unbalanced "(" at column ${i + 1}`);
      let end = close + 1;
      if (pattern[end] === '?') end++;
      parts.push(pattern.slice(i, end));
      i = end;
      continue;
    }
    let end = pattern.indexOf(' ', i);
    if (end < 0) end = pattern.length;
    parts.push(pattern.slice(i, end));
    i = end;
  }
  return parts;
}

/** Compiles one rule; throws InputError naming the rule and the bad element. */
export function compileRule(spec: RuleSpec, classes: Map<string, unknown>, lexicon: Lexicon, origin: string): CompiledRule {
  const fail = (what: string): never => {
    throw new InputError(`${origin}: rule "${spec.id ?? '?'}": ${what}`);
  };
  if (!spec || typeof spec.id !== 'string' || !spec.id) fail('every rule needs a string "id"');
  if (!relationNames.has(spec.relation)) fail(`unknown relation "${spec.relation}" (known: ${RELATION_NAMES.join(', ')})`);
  if (typeof spec.pattern !== 'string') fail('"pattern" must be a string');
  const elements: PatternElement[] = [];
  let parts: string[] = [];
  try {
    parts = splitPattern(spec.pattern!);
  } catch (error) {
    fail((error as Error).message);
  }
  for (const part of parts) {
    const optional = part.endsWith('?') && part.length > 1;
    const body = optional ? part.slice(0, -1) : part;
    if (/^\$[stg]:/.test(body)) {
      const types = body.slice(3).split('|');
      for (const type of types) if (type !== 'any' && !entityTypes.has(type)) fail(`unknown entity type "${type}" in "${part}"`);
      elements.push(element('slot', { role: body[1] as 's' | 't' | 'g', types: new Set(types as EntityType[]) }));
    } else if (/^\*\*?\d+$/.test(body)) {
      elements.push(element('gap', { max: Number(body.replace(/\*/g, '')), any: body.startsWith('**') }));
    } else if (body.startsWith('@')) {
      const name = body.slice(1);
      if (!classes.has(name) && !lexicon.has(name as LexiconKey, '\u0000') && !isLexiconList(name)) fail(`unknown list "@${name}"`);
      elements.push(element('list', { name, optional, index: lexicon.phraseIndex(name as LexiconKey) }));
    } else if (body.startsWith('(') && body.endsWith(')')) {
      const phrases = body
        .slice(1, -1)
        .split('|')
        .map((p) => splitPhrase(normWord(p.trim().replace(/\\(.)/g, '$1'))));
      elements.push(element('words', { phrases, optional }));
    } else if (body.endsWith('*') && body.length > 1) {
      elements.push(element('prefix', { prefix: normWord(body.slice(0, -1)), optional }));
    } else {
      elements.push(element('words', { phrases: [splitPhrase(normWord(body))], optional }));
    }
  }
  const slots = elements.filter((e) => e.t === 'slot').map((e) => (e as { role: string }).role);
  const hasGroup = slots.includes('g');
  if (hasGroup ? slots.length !== 1 : !(slots.includes('t') && (slots.includes('s') || spec.source === 'speaker'))) {
    fail('a pattern needs $s and $t slots (or a single $g, or "source": "speaker" with $t)');
  }
  const [opening, comma] = elements;
  const closing = elements[elements.length - 1];
  const appositionToTarget =
    opening?.t === 'slot' && opening.role === 's' && comma?.t === 'words' && comma.phrases.some((p) => p.length === 1 && p[0] === ',') && closing?.t === 'slot' && closing.role === 't';
  const sourceAt = elements.findIndex((e) => e.t === 'slot' && e.role === 's');
  const gapBeforeSource = sourceAt > 0 && elements[sourceAt - 1]!.t === 'gap';
  // every field set here, so that all rules share one object shape
  const rule: CompiledRule = { id: spec.id, relation: spec.relation, source: spec.source, elements, anchors: undefined, startsWithSlot: elements[0]?.t === 'slot', startWords: undefined, appositionToTarget, gapBeforeSource };
  // the mandatory word element with the fewest first words makes the best anchor
  let best: Set<string> | undefined;
  for (const el of elements) {
    let words: Set<string> | undefined;
    if (el.t === 'words' && !el.optional) words = new Set(el.phrases.map((p) => p[0]!));
    else if (el.t === 'list' && !el.optional) words = lexicon.firstWords(el.name as LexiconKey);
    else if (el.t === 'prefix' && !el.optional) words = undefined;
    if (words && words.size > 0 && (!best || words.size < best.size)) best = words;
  }
  if (best) rule.anchors = best;
  const first = elements[0];
  if (first && first.t === 'words' && !first.optional) rule.startWords = new Set(first.phrases.map((p) => p[0]!));
  if (first && first.t === 'list' && !first.optional) rule.startWords = lexicon.firstWords(first.name as LexiconKey);
  return rule;
}

const LEXICON_LISTS = new Set<string>([
  'honorifics', 'leaderTitles', 'workTitles', 'deputyWords', 'departmentWords', 'professions', 'founderTitles', 'orgHeads', 'soleInstitutions', 'orgSuffixes', 'facilityNouns', 'placeHeads',
  'placeOpeners', 'placeAdjectives', 'adjectiveEndings', 'programmeHeads', 'programmeNamedHeads', 'programmeBareHeads', 'programmeGenericComplements',
  'launchableNouns', 'determiners', 'nameConnectors', 'personParticles', 'commonAcronyms', 'nonEntities', 'commonWords',
  'speechVerbs', 'personOnlySpeechVerbs', 'dativeVerbs', 'placePrepositions', 'orgContextBefore', 'personContextBefore', 'firstPerson',
  'possessives', 'orgAnaphors', 'groupAnaphors', 'firstNamesExtra', 'placesExtra', 'orgsExtra', 'distributorNouns', 'productContextBefore', 'demonyms', 'placeOfNouns', 'streetHeads', 'programmeAdjectiveStop', 'lowerOrgHeads', 'transparentWords', 'electedTitles', 'titleInstitutions', 'managementHeads', 'programmeAnaphors',
]);

export function isLexiconList(name: string): name is LexiconKey {
  return LEXICON_LISTS.has(name);
}
