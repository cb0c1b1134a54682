/** `find` (entities by type, name, document) and `relations` (edges by relation and ends). */
import { normalizeName } from '../../extract/normalize-name.ts';
import { NotFoundError } from '../../extract/errors.ts';
import type { Budget } from './budget.ts';
import { SYMMETRIC_MASK } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { containsWords, nameIndex } from './names.ts';
import { topK } from './neighbors.ts';
import type { EntityType } from './types.ts';

export interface FindFilter {
  types: EntityType[] | null;
  name: string | null;
  doc: string | null;
}

/** Document ids a `doc:` filter stands for: the id itself, else ids starting with it, else titles containing it. */
export function matchDocuments(index: GraphIndex, doc: string): Set<string> {
  const ids = [...index.documents.keys()];
  if (index.documents.has(doc)) return new Set([doc]);
  const byPrefix = ids.filter((id) => id.startsWith(doc));
  if (byPrefix.length) return new Set(byPrefix);
  const wanted = normalizeName(doc);
  const byTitle = ids.filter((id) => wanted && normalizeName(index.documents.get(id)!.title ?? '').includes(wanted));
  if (byTitle.length) return new Set(byTitle);
  const known = ids.slice(0, 8).join(', ');
  throw new NotFoundError(`no document "${doc}" in the graph: doc: takes a document id, a prefix of one or words of a title. Documents: ${known}${ids.length > 8 ? ', …' : ''}.`);
}

/**
 * Entities matching every filter. Name matches rank node key > exact > word for word >
 * anywhere, then by number of mentions.
 */
export function findNodes(index: GraphIndex, filter: FindFilter, limit: number, budget: Budget): { ids: number[]; total: number } {
  const names = nameIndex(index);
  const wanted = filter.name ? normalizeName(filter.name) : null;
  const docs = filter.doc ? matchDocuments(index, filter.doc) : null;
  const types = filter.types ? new Set(filter.types) : null;
  const matched: number[] = [];
  const rank = new Float64Array(index.n);
  for (let id = 0; id < index.n; id++) {
    budget.tick();
    if (types && !types.has(names.types[id]!)) continue;
    let nameRank = 0;
    if (wanted !== null) {
      for (const name of names.names[id]!) {
        if (name === wanted) nameRank = Math.max(nameRank, 3);
        else if (containsWords(name, wanted)) nameRank = Math.max(nameRank, 2);
        else if (name.includes(wanted)) nameRank = Math.max(nameRank, 1);
      }
      if (filter.name === index.keys[id]) nameRank = 4;
      if (!nameRank) continue;
    }
    const mentions = index.nodeAttributes(id).mentions;
    const list = Array.isArray(mentions) ? mentions : [];
    if (docs && !list.some((m) => docs.has(m.doc))) continue;
    matched.push(id);
    // Name rank first, mentions second: 1e9 apart.
    rank[id] = nameRank * 1e9 + list.length;
  }
  return { ids: topK(matched, limit, (id) => rank[id]!), total: matched.length };
}

export interface EdgeFilter {
  mask: number;
  from: number | null;
  to: number | null;
}

/**
 * Edges whose relation is allowed, from `from` and to `to` when given (a symmetric
 * relation matches either way round), heaviest first.
 */
export function findEdges(index: GraphIndex, filter: EdgeFilter, limit: number, budget: Budget): { ids: number[]; total: number } {
  const { rel, src, tgt, outStart, outEdges, inStart, inEdges, m } = index;
  const { mask, from, to } = filter;
  const candidates: number[] = [];
  const ends = (e: number): boolean => {
    const s = src[e]!;
    const t = tgt[e]!;
    const straight = (from === null || s === from) && (to === null || t === to);
    const turned = ((SYMMETRIC_MASK >> rel[e]!) & 1) === 1 && (from === null || t === from) && (to === null || s === to);
    return straight || turned;
  };
  const consider = (e: number) => {
    budget.tick();
    if ((mask >> rel[e]!) & 1 && ends(e)) candidates.push(e);
  };
  const anchor = from ?? to;
  if (anchor !== null) {
    // Edges touching the anchor, each once (a self-loop is both out and in).
    for (let k = outStart[anchor]!; k < outStart[anchor + 1]!; k++) consider(outEdges[k]!);
    for (let k = inStart[anchor]!; k < inStart[anchor + 1]!; k++) if (src[inEdges[k]!] !== anchor) consider(inEdges[k]!);
  } else {
    for (let e = 0; e < m; e++) consider(e);
  }
  const weight = (e: number) => index.edgeWeight(e) || 0;
  // topK breaks ties by smaller id first, i.e. by order of insertion.
  return { ids: topK(candidates, limit, weight), total: candidates.length };
}
