/**
 * Search over node labels and aliases, folding accents and case with the same
 * `normalizeName` that entity resolution uses ("fergui", "universite" find
 * "El Amrani", "Université"). Ranks exact names, then prefixes, then word
 * starts, then any substring; ties go to the most connected node.
 */
import { normalizeName } from '../../extract/normalize-name.ts';
import type { EntityType } from '../../extract/types.ts';
import type { KgGraph } from '../../graph/types.ts';

interface Entry {
  key: string;
  label: string;
  type: EntityType;
  degree: number;
  /** Display names (label first, then aliases) and their folded forms. */
  names: string[];
  folded: string[];
}

export interface SearchIndex {
  entries: Entry[];
}

export interface SearchHit {
  key: string;
  label: string;
  type: EntityType;
  /** The alias that matched, when it was not the label. */
  alias: string | null;
  /** 0 exact, 1 prefix, 2 word start, 3 substring. */
  rank: number;
}

/** Search form of a name: normalizeName, with hyphens and apostrophes read as spaces. */
export function foldForSearch(text: string): string {
  return normalizeName(text)
    .replace(/[-‐‑–—'_./]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildSearchIndex(graph: KgGraph): SearchIndex {
  const entries: Entry[] = [];
  graph.forEachNode((key, a) => {
    const names = [a.label, ...a.aliases.filter((alias) => alias !== a.label)];
    entries.push({ key, label: a.label, type: a.type, degree: graph.degree(key), names, folded: names.map(foldForSearch) });
  });
  return { entries };
}

function rankName(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(` ${q}`)) return 2;
  if (name.includes(q)) return 3;
  return -1;
}

export function searchNodes(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  const q = foldForSearch(query);
  if (q === '') return [];
  const hits: (SearchHit & { degree: number })[] = [];
  for (const entry of index.entries) {
    let best = -1;
    let bestName = 0;
    for (let i = 0; i < entry.folded.length; i++) {
      const r = rankName(entry.folded[i]!, q);
      if (r >= 0 && (best < 0 || r < best)) {
        best = r;
        bestName = i;
      }
    }
    if (best < 0) continue;
    hits.push({
      key: entry.key,
      label: entry.label,
      type: entry.type,
      alias: bestName === 0 ? null : entry.names[bestName]!,
      rank: best,
      degree: entry.degree,
    });
  }
  hits.sort((a, b) => a.rank - b.rank || b.degree - a.degree || a.label.length - b.label.length || a.label.localeCompare(b.label));
  return hits.slice(0, limit).map(({ degree: _degree, ...hit }) => hit);
}
