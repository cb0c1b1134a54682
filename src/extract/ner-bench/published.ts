import data from './published.json' with { type: 'json' };
import type { BenchType } from './types.ts';

export interface PublishedSystem {
  system: string;
  precision?: number;
  recall?: number;
  f1?: number;
  perType?: Partial<Record<BenchType, number>>;
  /** Key into the sources of published.json. */
  source: string;
}

export interface PublishedFile {
  dataset: string;
  note: string;
  systems: PublishedSystem[];
  /** The sources cited by the systems, key → reference. */
  sources: Record<string, string>;
}

const sources: Record<string, string> = data.sources;
const files = data.files as Record<string, { dataset: string; note: string; systems: PublishedSystem[] }>;

/** Published scores for a benchmark file, by its base name (any folder), or undefined. */
export function publishedScores(path: string): PublishedFile | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  const entry = files[name];
  if (!entry) return undefined;
  const cited = new Set(entry.systems.map((s) => s.source));
  return {
    ...entry,
    sources: Object.fromEntries(Object.entries(sources).filter(([key]) => cited.has(key))),
  };
}
