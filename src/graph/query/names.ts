/**
 * Resolving the names written in a query to nodes: through labels and aliases,
 * accent- and case-insensitively (normalizeName), with candidates when ambiguous and
 * suggestions when unknown.
 */
import { normalizeName } from '../../extract/normalize-name.ts';
import { ENTITY_TYPES } from '../../extract/types.ts';
import type { EntityType } from '../../extract/types.ts';
import { AmbiguousNameError, UnknownNameError } from './errors.ts';
import { degreeOf, memo } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { editDistance } from './similar.ts';
import type { NameRef, NodeRef } from './types.ts';

export interface NameIndex {
  /** Normalised label → node ids. */
  labels: Map<string, number[]>;
  /** Normalised alias → node ids. */
  aliases: Map<string, number[]>;
  /** Per node: its normalised label followed by its normalised aliases. */
  names: string[][];
  types: EntityType[];
}

export function nameIndex(index: GraphIndex): NameIndex {
  return memo(index, 'names', () => {
    const labels = new Map<string, number[]>();
    const aliases = new Map<string, number[]>();
    const names: string[][] = new Array(index.n);
    const types: EntityType[] = new Array(index.n);
    const add = (map: Map<string, number[]>, name: string, id: number) => {
      const list = map.get(name);
      if (!list) map.set(name, [id]);
      else if (!list.includes(id)) list.push(id);
    };
    for (let id = 0; id < index.n; id++) {
      const a = index.nodeAttributes(id);
      types[id] = a.type;
      const label = normalizeName(String(a.label ?? ''));
      const own = [label];
      add(labels, label, id);
      for (const alias of Array.isArray(a.aliases) ? a.aliases : []) {
        const name = normalizeName(String(alias));
        if (!name || own.includes(name)) continue;
        own.push(name);
        add(aliases, name, id);
      }
      names[id] = own;
    }
    return { labels, aliases, names, types };
  });
}

export function nodeRef(index: GraphIndex, id: number): NodeRef {
  const key = index.keys[id]!;
  const a = index.nodeAttributes(id);
  return { key, label: a.label, type: a.type };
}

/**
 * True when `needle` occurs in `haystack` starting at a word boundary and ending at
 * one (or anywhere, with `prefix`: "micro" is then in "ingram microsoft").
 */
export function containsWords(haystack: string, needle: string, prefix = false): boolean {
  if (!needle) return false;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    const before = i === 0 || !/[\p{L}\p{N}]/u.test(haystack[i - 1]!);
    const end = i + needle.length;
    const after = prefix || end === haystack.length || !/[\p{L}\p{N}]/u.test(haystack[end]!);
    if (before && after) return true;
  }
  return false;
}

export interface Resolution {
  id: number;
  /** Set when the name was not an exact label, alias or key: says what it was taken for. */
  note?: string;
}

const MAX_LISTED = 10;

function byImportance(index: GraphIndex, ids: number[]): number[] {
  return [...ids].sort((a, b) => degreeOf(index, b) - degreeOf(index, a) || a - b);
}

function listing(index: GraphIndex, ids: number[]): string {
  const refs = ids.slice(0, MAX_LISTED).map((id) => nodeRef(index, id));
  const width = Math.max(...refs.map((r) => r.label.length + r.type.length + 3));
  const shown = refs.map((r) => `  ${`${r.label} (${r.type})`.padEnd(width)}  ${r.key}`);
  if (ids.length > MAX_LISTED) shown.push(`  … and ${ids.length - MAX_LISTED} more`);
  return shown.join('\n');
}

/**
 * The node a name stands for. In order: an exact node key; `type:Name` restricting
 * the type; an exact label; an exact alias; the start of words of exactly one
 * entity's label or alias ("Martin" → "Jeanne Martin", "Dano" → "Danone"). Throws AmbiguousNameError
 * listing the candidates, or UnknownNameError suggesting the nearest names.
 */
export function resolveName(index: GraphIndex, ref: NameRef): Resolution {
  const raw = ref.text.trim();
  const exactKey = index.ids.get(raw);
  if (exactKey !== undefined) return { id: exactKey };
  let text = raw;
  let type: EntityType | undefined;
  const qualified = /^([a-z]+):(.+)$/i.exec(raw);
  if (qualified && (ENTITY_TYPES as readonly string[]).includes(qualified[1]!.toLowerCase())) {
    type = qualified[1]!.toLowerCase() as EntityType;
    text = qualified[2]!.trim();
  }
  const names = nameIndex(index);
  const wanted = normalizeName(text);
  const ofType = (ids: number[] | undefined) => (ids ?? []).filter((id) => !type || names.types[id] === type);
  const quoted = `"${raw}"`;
  for (const tier of [names.labels, names.aliases]) {
    const found = ofType(tier.get(wanted));
    if (found.length === 1) return { id: found[0]! };
    if (found.length > 1) throw ambiguous(index, raw, byImportance(index, found), `${quoted} names ${found.length} entities`);
  }
  if (wanted) {
    const partial: number[] = [];
    for (let id = 0; id < index.n; id++) {
      if (type && names.types[id] !== type) continue;
      if (names.names[id]!.some((name) => containsWords(name, wanted, true))) partial.push(id);
    }
    if (partial.length === 1) {
      const r = nodeRef(index, partial[0]!);
      return { id: partial[0]!, note: `${quoted} taken as "${r.label}" (${r.type}), the only entity with a name containing it.` };
    }
    if (partial.length > 1)
      throw ambiguous(index, raw, byImportance(index, partial), `${quoted} is part of ${partial.length} names`);
  }
  const suggestions = suggestNames(index, wanted, type);
  const refs = suggestions.map((id) => nodeRef(index, id));
  const hint = refs.length ? ` Nearest names: ${refs.map((r) => `"${r.label}"`).join(', ')}.` : ' Use "find NAME" to search the names.';
  const typed = type ? ` of type ${type}` : '';
  throw new UnknownNameError(`no entity${typed} is named ${quoted} (column ${ref.column}).${hint}`, raw, refs);
}

function ambiguous(index: GraphIndex, raw: string, ids: number[], what: string): AmbiguousNameError {
  return new AmbiguousNameError(
    `${what}; write one of them in quotes, or its key:\n${listing(index, ids)}`,
    raw,
    ids.slice(0, MAX_LISTED).map((id) => nodeRef(index, id)),
  );
}

/** Up to `count` nodes whose label or alias is nearest to `wanted` (edit distance), best connected first among ties. */
export function suggestNames(index: GraphIndex, wanted: string, type?: EntityType, count = 5): number[] {
  if (!wanted) return [];
  const names = nameIndex(index);
  const max = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { id: number; d: number }[] = [];
  for (let id = 0; id < index.n; id++) {
    if (type && names.types[id] !== type) continue;
    let best = max + 1;
    for (const name of names.names[id]!) {
      // A prefix of a longer name ("micro" for "microsoft") counts as close.
      const d = name.startsWith(wanted) ? 1 : editDistance(wanted, name, Math.min(best - 1, max));
      if (d < best) best = d;
    }
    if (best <= max) scored.push({ id, d: best });
  }
  scored.sort((a, b) => a.d - b.d || degreeOf(index, b.id) - degreeOf(index, a.id) || a.id - b.id);
  return scored.slice(0, count).map((s) => s.id);
}
