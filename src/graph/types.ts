import type { MultiDirectedGraph } from 'graphology';
import type { DocumentInfo, EntityType, Mention, RelationName } from '../extract/types.ts';

export type { DocumentInfo, EntityType, Mention, RelationName };

export interface NodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[];
  /** Every occurrence, in every document. */
  mentions: Mention[];
  /** Figures only. */
  value?: number;
  value_max?: number;
  unit?: string;
  /** Layout and appearance, when computed. */
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface EdgeAttributes {
  relation: RelationName;
  /** Number of evidence sentences. */
  weight: number;
  /** Sentence spans the relation was read from. */
  evidence: Mention[];
  /** Rule id (the first rule that found it). */
  pattern: string;
}

export interface GraphAttributes {
  documents: DocumentInfo[];
  /** ISO date of the build. */
  builtAt: string;
  /** Version of kg that built it. */
  version: string;
  /** Original texts, keyed by document id, when kept (the page shows evidence from them). */
  texts?: Record<string, string>;
}

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
