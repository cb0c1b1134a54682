/**
 * A small Cypher subset, so that queries carry over to Neo4j (where a node's label is
 * its entity type, its `name` or `label` property its label, a relationship's type the
 * relation). Labels and relationship types are read case-insensitively and `:Entity`
 * means any type, so the spellings of `kg export --format cypher` (`:Entity:Person`,
 * `{label: …}`, `WORKS_FOR`) work too.
 * Each form maps onto a query of the kg language:
 *
 *     MATCH p=shortestPath((a {name:'X'})-[*..4]-(b {name:'Y'})) RETURN p       → path X -- Y max 4
 *     MATCH p=allShortestPaths((a {name:'X'})-[:funds|owns*]->(b {name:'Y'})) RETURN p → allshortest X -> Y via funds,owns
 *     MATCH p=(a {name:'X'})-[*..3]-(b {name:'Y'}) RETURN p LIMIT 10             → paths X -- Y max 3 limit 10
 *     MATCH (a {name:'X'})-[:works_for*1..2]-(b:person) RETURN b                 → neighbors X depth 2 via works_for type person
 *     MATCH (a {name:'X'})-[r:funds]->(b) RETURN a, r, b                           → relations funds from X
 *     MATCH (n:organization) WHERE n.name CONTAINS 'micro' RETURN n               → find type:organization name~micro
 *
 * Anything else (several patterns, WHERE on other properties, aggregations, writes)
 * is refused with a QuerySyntaxError pointing at it.
 */
import { ENTITY_TYPES, RELATION_NAMES } from '../../extract/types.ts';
import { bounds, defaultLimits, defaultPathsMax } from './defaults.ts';
import { QuerySyntaxError } from './errors.ts';
import { didYouMean } from './similar.ts';
import type { Direction, EntityType, NameRef, Query, RelationName } from './types.ts';

interface Token {
  kind: 'word' | 'string' | 'number' | 'punct';
  text: string;
  column: number;
  length: number;
}

const PUNCT = ['<-', '->', '..', '(', ')', '[', ']', '{', '}', ':', ',', '|', '*', '=', '-', '.'];

function tokenizeCypher(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
      if (i >= text.length)
        throw new QuerySyntaxError(`unbalanced quote: the string opened with ${c} at column ${start + 1} is never closed.`, text, start + 1, text.length - start);
      i++;
      tokens.push({ kind: 'string', text: value, column: start + 1, length: i - start });
    } else if (/\d/.test(c)) {
      while (i < text.length && /\d/.test(text[i]!)) i++;
      tokens.push({ kind: 'number', text: text.slice(start, i), column: start + 1, length: i - start });
    } else if (/[\p{L}_`]/u.test(c)) {
      if (c === '`') {
        const end = text.indexOf('`', i + 1);
        if (end < 0) throw new QuerySyntaxError(`unbalanced backquote at column ${start + 1}.`, text, start + 1);
        i = end + 1;
        tokens.push({ kind: 'word', text: text.slice(start + 1, end), column: start + 1, length: i - start });
      } else {
        while (i < text.length && /[\p{L}\p{N}_]/u.test(text[i]!)) i++;
        tokens.push({ kind: 'word', text: text.slice(start, i), column: start + 1, length: i - start });
      }
    } else {
      const punct = PUNCT.find((p) => text.startsWith(p, i));
      if (!punct) throw new QuerySyntaxError(`unexpected "${c}" (column ${start + 1}) in a Cypher query.`, text, start + 1);
      i += punct.length;
      tokens.push({ kind: 'punct', text: punct, column: start + 1, length: punct.length });
    }
  }
  return tokens;
}

interface NodePattern {
  variable: string | null;
  type: EntityType | null;
  name: NameRef | null;
  column: number;
}

interface RelPattern {
  variable: string | null;
  relations: RelationName[] | null;
  /** null: no `*`, exactly one hop. */
  minHops: number | null;
  maxHops: number | null;
  variableLength: boolean;
  direction: Direction;
  column: number;
}

const SUBSET = 'See "help cypher" for the supported subset.';

/** True when the query (after an optional `explain`) starts with MATCH. */
export function isCypher(text: string): boolean {
  return /^\s*(explain\s+)?match\b/i.test(text);
}

/** Parses the Cypher subset into a kg query. `explain` may precede MATCH. */
export function parseCypher(text: string): Query {
  const explainMatch = /^\s*explain\s+/i.exec(text);
  const tokens = tokenizeCypher(text, explainMatch ? explainMatch[0].length : 0);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (reason: string, token = peek()): never => {
    throw new QuerySyntaxError(`${reason} ${SUBSET}`, text, token ? token.column : text.trimEnd().length + 1, token ? token.length : 1);
  };
  const describe = (token = peek()) => (token ? `"${token.text}" (column ${token.column})` : 'the end of the query');
  const isPunct = (p: string, token = peek()) => token?.kind === 'punct' && token.text === p;
  const isWord = (w: string, token = peek()) => token?.kind === 'word' && token.text.toLowerCase() === w;
  const expectPunct = (p: string) => {
    if (!isPunct(p)) fail(`expected "${p}", got ${describe()}.`);
    pos++;
  };
  const expectWord = (w: string) => {
    if (!isWord(w)) fail(`expected ${w.toUpperCase()}, got ${describe()}.`);
    pos++;
  };
  const variable = (): string | null => {
    const token = peek();
    if (token?.kind === 'word' && !['where', 'return'].includes(token.text.toLowerCase())) {
      pos++;
      return token.text;
    }
    return null;
  };
  /** A node label: an entity type in any case (Person, person), or Entity for any type (null). */
  const entityType = (): EntityType | null => {
    const token = peek();
    if (token?.kind !== 'word') fail(`expected an entity type after ":", got ${describe()}.`);
    if (token!.text.toLowerCase() === 'entity') {
      pos++;
      return null;
    }
    const type = ENTITY_TYPES.find((t) => t === token!.text.toLowerCase());
    if (!type) fail(`unknown node label "${token!.text}" (column ${token!.column}): labels are entity types. ${didYouMean(token!.text, ENTITY_TYPES)}Types: ${ENTITY_TYPES.join(', ')}.`, token);
    pos++;
    return type!;
  };
  const relationName = (): RelationName => {
    const token = peek();
    if (token?.kind !== 'word') fail(`expected a relationship type, got ${describe()}.`);
    const name = token!.text.toLowerCase();
    const relation = RELATION_NAMES.find((r) => r === name);
    if (!relation) fail(`unknown relationship type "${token!.text}" (column ${token!.column}). ${didYouMean(name, RELATION_NAMES)}Relations: ${RELATION_NAMES.join(', ')}.`, token);
    pos++;
    return relation!;
  };
  const integer = (what: string, range: readonly [number, number]): number => {
    const token = peek();
    if (token?.kind !== 'number') fail(`expected a number for ${what}, got ${describe()}.`);
    const value = Number(token!.text);
    if (value < range[0] || value > range[1]) fail(`${what} must be between ${range[0]} and ${range[1]}, got ${value} (column ${token!.column}).`, token);
    pos++;
    return value;
  };

  const node = (): NodePattern => {
    const open = peek();
    expectPunct('(');
    const pattern: NodePattern = { variable: variable(), type: null, name: null, column: open!.column };
    // Labels may be chained (:Entity:Person), as `kg export --format cypher` writes them.
    while (isPunct(':')) {
      pos++;
      pattern.type = entityType() ?? pattern.type;
    }
    if (isPunct('{')) {
      pos++;
      const key = peek();
      if (!isWord('name') && !isWord('label')) fail(`only the name property can be matched, got ${describe(key)}.`, key);
      pos++;
      expectPunct(':');
      const value = peek();
      if (value?.kind !== 'string') fail(`expected a quoted name, got ${describe()}.`);
      pattern.name = { text: value!.text, column: value!.column };
      pos++;
      expectPunct('}');
    }
    expectPunct(')');
    return pattern;
  };

  const relationship = (): RelPattern => {
    const start = peek();
    let incoming = false;
    if (isPunct('<-')) {
      incoming = true;
      pos++;
    } else expectPunct('-');
    const rel: RelPattern = { variable: null, relations: null, minHops: null, maxHops: null, variableLength: false, direction: 'both', column: start!.column };
    if (isPunct('[')) {
      pos++;
      rel.variable = variable();
      if (isPunct(':')) {
        pos++;
        rel.relations = [relationName()];
        while (isPunct('|')) {
          pos++;
          if (isPunct(':')) pos++;
          rel.relations.push(relationName());
        }
      }
      if (isPunct('*')) {
        pos++;
        rel.variableLength = true;
        if (peek()?.kind === 'number') rel.minHops = integer('the minimum length', [0, 50]);
        if (isPunct('..')) {
          pos++;
          if (peek()?.kind === 'number') rel.maxHops = integer('the maximum length', [1, 50]);
        } else if (rel.minHops !== null) rel.maxHops = rel.minHops;
      }
      expectPunct(']');
    }
    let outgoing = false;
    if (isPunct('->')) {
      outgoing = true;
      pos++;
    } else expectPunct('-');
    if (incoming && outgoing) fail('a relationship cannot point both ways; write -[...]- for either direction.', start);
    rel.direction = outgoing ? 'out' : incoming ? 'in' : 'both';
    if (rel.minHops !== null && rel.minHops > 1) fail(`a minimum length above 1 (*${rel.minHops}..) is not supported.`, start);
    return rel;
  };

  expectWord('match');
  let pathVariable: string | null = null;
  type PathFunction = 'shortestpath' | 'allshortestpaths';
  let fn: PathFunction | null = null;
  if (peek()?.kind === 'word' && isPunct('=', tokens[pos + 1])) {
    pathVariable = peek()!.text;
    pos += 2;
  }
  if (isWord('shortestpath') || isWord('allshortestpaths')) {
    fn = peek()!.text.toLowerCase() as PathFunction;
    pos++;
    expectPunct('(');
  }
  const left = node();
  let rel: RelPattern | null = null;
  let right: NodePattern | null = null;
  if (isPunct('-') || isPunct('<-')) {
    rel = relationship();
    right = node();
  }
  if (fn) expectPunct(')');
  if (isPunct(',')) fail('only one pattern per MATCH is supported.');

  let contains: string | null = null;
  if (isWord('where')) {
    pos++;
    const variableToken = peek();
    if (variableToken?.kind !== 'word' || variableToken.text !== left.variable) fail(`WHERE can only test the name of ${left.variable ?? 'the matched node'}, got ${describe()}.`);
    pos++;
    expectPunct('.');
    if (!isWord('name')) fail(`WHERE can only test the name property, got ${describe()}.`);
    pos++;
    if (isWord('contains')) pos++;
    else if (isPunct('=')) pos++;
    else fail(`expected CONTAINS or = after ${variableToken!.text}.name, got ${describe()}.`);
    const value = peek();
    if (value?.kind !== 'string') fail(`expected a quoted string, got ${describe()}.`);
    contains = value!.text;
    pos++;
  }
  expectWord('return');
  const returned: string[] = [];
  const returnToken = peek();
  do {
    const token = peek();
    if (token?.kind !== 'word') fail(`expected a variable after RETURN, got ${describe()}.`);
    returned.push(token!.text);
    pos++;
  } while (isPunct(',') && ++pos);
  let limit: number | null = null;
  if (isWord('limit')) {
    pos++;
    limit = integer('LIMIT', bounds.limit);
  }
  if (peek()) fail(`unexpected ${describe()}.`);

  const base = { text, explain: Boolean(explainMatch) };
  const via = rel?.relations ?? null;
  const cooccur = via?.includes('co_occurs') ?? false;

  if (!rel || !right) {
    // MATCH (n:type) [WHERE n.name CONTAINS 'x'] RETURN n
    if (left.name) contains = left.name.text;
    return { ...base, command: 'find', types: left.type ? [left.type] : null, name: contains, doc: null, limit: limit ?? defaultLimits.find };
  }
  if (contains !== null) fail('WHERE is supported only with a single node pattern: MATCH (n) WHERE n.name CONTAINS \'x\' RETURN n.');
  const maxOf = (fallback: number | null) => (rel.variableLength ? (rel.maxHops ?? fallback) : 1);

  if (left.name && right.name && (fn || pathVariable)) {
    const command = fn === 'shortestpath' ? 'path' : fn === 'allshortestpaths' ? 'allshortest' : 'paths';
    return {
      ...base,
      command,
      from: left.name,
      to: right.name,
      direction: rel.direction,
      via,
      cooccur,
      avoid: [],
      max: command === 'paths' ? Math.min(maxOf(defaultPathsMax)!, bounds.pathsMax[1]) : maxOf(null),
      limit: command === 'path' ? 1 : (limit ?? defaultLimits[command]),
    };
  }
  const named = left.name ? left : right.name ? right : null;
  const other = named === left ? right : left;
  const returnsEdges = rel.variable !== null && returned.includes(rel.variable);
  if (returnsEdges || !named) {
    if (rel.variableLength) fail('returning a relationship works for one hop only: drop the "*".', tokens.find((t) => t.text === '*'));
    // (a)-[r]->(b): from a to b; (a)<-[r]-(b): from b to a.
    const from = rel.direction === 'in' ? right : left;
    const to = rel.direction === 'in' ? left : right;
    return {
      ...base,
      command: 'relations',
      relations: via,
      cooccur,
      from: rel.direction === 'both' ? (named?.name ?? null) : from.name,
      to: rel.direction === 'both' ? null : to.name,
      limit: limit ?? defaultLimits.relations,
    };
  }
  if (other.variable === null || !returned.includes(other.variable))
    fail(
      `RETURN ${returned.join(', ')} names nothing this subset can return: return the unnamed node (${other.variable ?? 'give it a variable'}), the path, or the relationship.`,
      returnToken,
    );
  // Neighbours of the named node; the direction is seen from it.
  const direction: Direction = named === left ? rel.direction : rel.direction === 'out' ? 'in' : rel.direction === 'in' ? 'out' : 'both';
  const depth = maxOf(1)!;
  if (depth > bounds.depth[1]) fail(`the maximum length of a neighbourhood must be at most ${bounds.depth[1]}, got ${depth}.`);
  return {
    ...base,
    command: 'neighbors',
    node: named.name!,
    depth,
    direction,
    via,
    cooccur,
    types: other.type ? [other.type] : null,
    limit: limit ?? defaultLimits.neighbors,
  };
}
