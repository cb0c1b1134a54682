/**
 * Tab completion of queries: commands, option words, relations, types, measures and
 * entity names. Pure, so the terminal console and a browser console share it.
 */
import { normalizeName } from '../../extract/normalize-name.ts';
import { ENTITY_TYPES, RELATION_NAMES } from '../../extract/types.ts';
import { degreeOf, indexGraph } from './graph-index.ts';
import type { QueryGraph } from './graph-index.ts';
import { COMMANDS, KEYWORDS, MEASURES } from './parse.ts';
import type { QueryCommand } from './types.ts';

const MAX_COMPLETIONS = 50;

/** Entity labels of a graph, best connected first, without duplicates (what completion offers). */
export function entityNames(graph: QueryGraph): string[] {
  const index = indexGraph(graph);
  const ids = Array.from({ length: index.n }, (_, i) => i).sort((a, b) => degreeOf(index, b) - degreeOf(index, a) || a - b);
  return [...new Set(ids.map((id) => String(index.nodeAttributes(id).label)))];
}

/** A name as it must be written: bare when it is one plain word, else quoted. */
function written(name: string): string {
  return /^[\p{L}\p{N}_.&-]+$/u.test(name) && !name.includes('--') ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Completions for the end of `line`, in the shape node:readline's completer returns:
 * [candidates, the fragment at the end of the line they replace].
 */
export function completeQuery(line: string, names: readonly string[]): [string[], string] {
  // An unclosed quote: complete the name inside it.
  const quotes = [...line.matchAll(/(?<!\\)["']/g)];
  if (quotes.length % 2 === 1) {
    const open = quotes[quotes.length - 1]!.index!;
    const fragment = line.slice(open);
    return [matchNames(names, fragment.slice(1)).map((n) => `${fragment[0]}${n.replace(/["\\]/g, '\\$&')}${fragment[0]}`), fragment];
  }
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const before = words.slice(0, -1).filter(Boolean).map((w) => w.toLowerCase());
  if (before[0] === 'explain') before.shift();
  const prefixed = (choices: readonly string[], fragment = last) => choices.filter((c) => c.startsWith(fragment.toLowerCase()));
  if (!before.length) return [prefixed([...COMMANDS, 'explain']), last];
  const command = before[0] as QueryCommand;
  const previous = before[before.length - 1]!;
  if (last.includes(',') || previous === 'via' || (command === 'relations' && before.length === 1)) {
    const head = last.slice(0, last.lastIndexOf(',') + 1);
    const tail = last.slice(head.length);
    const relations = prefixed(RELATION_NAMES, tail).map((r) => head + r);
    if (previous === 'via' || last.includes(',') || relations.length) return [relations, last];
  }
  if (previous === 'type' || previous === 'type:') return [prefixed(ENTITY_TYPES), last];
  if (/^type:/i.test(last)) return [prefixed(ENTITY_TYPES, last.slice(5)).map((t) => `type:${t}`), last];
  if (command === 'top' && before.length === 1) return [prefixed(MEASURES), last];
  if (command === 'help') return [prefixed([...COMMANDS, 'explain', 'names', 'cypher']), last];
  const keywords = prefixed(KEYWORDS[command] ?? []);
  // A bare name may span several words: try the longest run of trailing words that starts a name.
  const keywordSet = new Set<string>([...(KEYWORDS[command] ?? []), command, 'explain']);
  const run: string[] = [];
  for (let i = words.length - 2; i >= 0 && words[i] && !keywordSet.has(words[i]!.toLowerCase()) && !/^(->|<-|--)$/.test(words[i]!); i--) run.unshift(words[i]!);
  for (let k = run.length; k >= 0; k--) {
    const fragment = [...run.slice(run.length - k), last].join(' ');
    if (!fragment) continue;
    const found = matchNames(names, fragment);
    if (found.length) return [[...(k === 0 ? keywords : []), ...found.map(written)], fragment];
  }
  return [keywords, last];
}

/** Names whose normalised form starts with the normalised fragment (or one of whose words does). */
function matchNames(names: readonly string[], fragment: string): string[] {
  const wanted = normalizeName(fragment);
  if (!wanted) return [];
  const starts: string[] = [];
  const words: string[] = [];
  for (const name of names) {
    const norm = normalizeName(name);
    if (norm.startsWith(wanted)) starts.push(name);
    else if (norm.includes(` ${wanted}`) || norm.includes(`-${wanted}`)) words.push(name);
    if (starts.length >= MAX_COMPLETIONS) break;
  }
  return [...starts, ...words].slice(0, MAX_COMPLETIONS);
}
