/** Plain data produced by extraction. No graphology, no DOM, no Node APIs. */

export type EntityType = 'person' | 'organization' | 'programme' | 'place' | 'figure' | 'product';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'organization',
  'programme',
  'place',
  'figure',
  'product',
];

export type RelationName =
  | 'leads'
  | 'works_for'
  | 'owns'
  | 'founded'
  | 'acquires'
  | 'funds'
  | 'partners_with'
  | 'distributes'
  | 'launches'
  | 'offers'
  | 'benefits_from'
  | 'located_in'
  | 'certified_by'
  | 'part_of'
  | 'has_figure'
  | 'interviews'
  | 'co_occurs';

export const RELATION_NAMES: readonly RelationName[] = [
  'leads',
  'works_for',
  'owns',
  'founded',
  'acquires',
  'funds',
  'partners_with',
  'distributes',
  'launches',
  'offers',
  'benefits_from',
  'located_in',
  'certified_by',
  'part_of',
  'has_figure',
  'interviews',
  'co_occurs',
];

/** Relations that hold both ways; stored once, compared in either direction. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationName> = new Set(['partners_with', 'co_occurs']);

export type Lang = 'fr' | 'en';

/** A span of the original text of a document: JS string indices, end exclusive. */
export interface Mention {
  doc: string;
  start: number;
  end: number;
}

/** A document as it arrives: already decoded to a JS string. */
export interface SourceDocument {
  /** File base name, or the JSONL id. Used as `doc` in every mention. */
  id: string;
  path?: string;
  title?: string;
  text: string;
}

export interface DocumentInfo {
  id: string;
  path: string;
  title: string;
  lang: Lang;
  chars: number;
}

export interface ExtractedEntity {
  /** Unique inside its document. */
  id: string;
  type: EntityType;
  label: string;
  aliases: string[];
  mentions: Mention[];
  /** Figures only. */
  value?: number;
  value_max?: number;
  unit?: string;
  /**
   * A common-noun phrase rather than a name ("plan social", "plan d'économies"): it means this
   * document's own plan, so the graph does not merge it with the same words in other documents.
   */
  local?: boolean;
}

export interface ExtractedRelation {
  source: string;
  target: string;
  relation: RelationName;
  /** The sentence span the relation was read from. */
  evidence: Mention;
  /** Id of the rule that produced it. */
  pattern: string;
}

export interface DocumentExtraction {
  doc: DocumentInfo;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  warnings: string[];
  /** The parses of the sentences the relation step read (with a mention, or in an interview turn), when asked for (`ExtractOptions.parses`). */
  parses?: ParsedSentence[];
}

/** A sentence as the tagger and parser saw it: offsets are into the original text. */
export interface ParsedSentence {
  doc: string;
  start: number;
  end: number;
  words: ParsedWord[];
}

/** A syntactic word. A contraction's words ("du" = "de" "le") share their token's offsets. */
export interface ParsedWord {
  form: string;
  upos: string;
  /** Gender, Number, Person, VerbForm and Voice, as UD writes them ("_" when none). */
  feats: string;
  /** Index of the head word in the sentence, -1 for the root. */
  head: number;
  deprel: string;
  start: number;
  end: number;
}
