/**
 * The query language (see README, section "Querying"):
 *
 *     [explain] path A -> B | A <- B | A -- B  [via REL,…] [avoid NAME,…] [cooccur] [max N]
 *     [explain] paths A -- B [max N] [limit N] …same options
 *     [explain] allshortest A -- B [limit N] …same options
 *     [explain] neighbors A [-> | <- | --] [depth N] [via REL,…] [type T,…] [cooccur] [limit N]
 *     find [type:T,…] [name~TEXT] [doc:D] [limit N]      (a bare word is short for name~)
 *     [explain] relations [REL,…] [from A] [to B] [cooccur] [limit N]
 *     top degree|pagerank|betweenness [type T,…] [N] [via REL,…] [cooccur]
 *     communities [via REL,…] [cooccur] [min SIZE] [limit N]
 *     help [COMMAND]
 *
 * Names are quoted ("Jeanne Martin") or written bare: consecutive bare words form
 * one name, which ends at an arrow, a comma or an option keyword of the command.
 * Queries that start with MATCH are read as the Cypher subset (cypher.ts).
 */
import { ENTITY_TYPES, RELATION_NAMES } from '../../extract/types.ts';
import { isCypher, parseCypher } from './cypher.ts';
import { bounds, defaultLimits, defaultPathsMax } from './defaults.ts';
import { QuerySyntaxError } from './errors.ts';
import { didYouMean } from './similar.ts';
import { tokenize } from './tokenize.ts';
import type { Token } from './tokenize.ts';
import type {
  CommunitiesQuery,
  Direction,
  EntityType,
  FindQuery,
  HelpQuery,
  Measure,
  NameRef,
  NeighborsQuery,
  PathQuery,
  Query,
  QueryCommand,
  RelationName,
  RelationsQuery,
  TopQuery,
} from './types.ts';

export const COMMANDS: readonly QueryCommand[] = [
  'path',
  'paths',
  'allshortest',
  'neighbors',
  'find',
  'relations',
  'top',
  'communities',
  'help',
];

export const MEASURES: readonly Measure[] = ['degree', 'pagerank', 'betweenness'];

/** Option keywords of each command: they end a bare name. */
export const KEYWORDS: Record<QueryCommand, readonly string[]> = {
  // limit ends a name too, to say it does not apply to path.
  path: ['via', 'avoid', 'cooccur', 'max', 'limit'],
  paths: ['via', 'avoid', 'cooccur', 'max', 'limit'],
  allshortest: ['via', 'avoid', 'cooccur', 'max', 'limit'],
  neighbors: ['depth', 'via', 'type', 'cooccur', 'limit', 'in', 'out', 'both'],
  find: ['type', 'limit'],
  relations: ['from', 'to', 'cooccur', 'limit'],
  top: ['type', 'via', 'cooccur', 'limit'],
  communities: ['via', 'cooccur', 'min', 'limit'],
  help: [],
};

const ARROW_DIRECTION: Record<string, Direction> = { '->': 'out', '<-': 'in', '--': 'both' };
const COMMAND_ALIASES: Record<string, QueryCommand> = { neighbours: 'neighbors', shortest: 'path' };

/** `works-for`, `Works_For` → `works_for`; then checked against RELATION_NAMES. */
function relationOf(word: string): RelationName | undefined {
  const w = word.toLowerCase().replace(/-/g, '_');
  return (RELATION_NAMES as readonly string[]).includes(w) ? (w as RelationName) : undefined;
}

/** `person`, `persons`, `people`, `org` … → an EntityType. */
function entityTypeOf(word: string): EntityType | undefined {
  const w = word.toLowerCase();
  const aliases: Record<string, EntityType> = { people: 'person', org: 'organization', orgs: 'organization', organisation: 'organization', organisations: 'organization', program: 'programme', programs: 'programme' };
  if (aliases[w]) return aliases[w];
  const singular = w.endsWith('s') ? w.slice(0, -1) : w;
  for (const t of ENTITY_TYPES) if (t === w || t === singular) return t;
  return undefined;
}

/** Parses a query. Throws QuerySyntaxError (with the column) when it does not parse. */
export function parseQuery(text: string): Query {
  if (typeof text !== 'string') throw new QuerySyntaxError('the query must be a string.', String(text), 1);
  if (isCypher(text)) return parseCypher(text);
  return new Parser(text).parse();
}

class Parser {
  private tokens: Token[];
  private pos = 0;
  private command: QueryCommand = 'help';

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  // ----- token helpers -----

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): Token | undefined {
    return this.tokens[this.pos++];
  }

  private fail(reason: string, token?: Token): never {
    const column = token ? token.column : this.text.trimEnd().length + 1;
    throw new QuerySyntaxError(reason, this.text, column, token ? token.length : 1);
  }

  private describe(token: Token | undefined): string {
    if (!token) return 'the end of the query';
    const where = `(column ${token.column})`;
    if (token.kind === 'string') return `the name "${token.text}" ${where}`;
    return `"${token.text}" ${where}`;
  }

  private isWord(token: Token | undefined, ...words: string[]): boolean {
    return !!token && token.kind === 'word' && words.includes(token.text.toLowerCase());
  }

  private isKeyword(token: Token | undefined): boolean {
    return this.isWord(token, ...KEYWORDS[this.command]);
  }

  // ----- pieces -----

  /** A quoted name, or consecutive bare words up to an arrow, a comma or a keyword. */
  private name(what: string): NameRef {
    const first = this.peek();
    if (first?.kind === 'string') {
      this.pos++;
      if (!first.text.trim()) this.fail(`the name ${what} is empty (column ${first.column}). Write a name between the quotes.`, first);
      return { text: first.text, column: first.column };
    }
    const words: Token[] = [];
    while (this.peek()?.kind === 'word' && !this.isKeyword(this.peek())) words.push(this.next()!);
    if (!words.length) {
      const hint = this.isKeyword(first) ? ` "${first!.text}" is an option word here: quote the name if it is one ("${first!.text}").` : '';
      this.fail(`expected ${what}, got ${this.describe(first)}.${hint}`, first);
    }
    return { text: words.map((w) => w.text).join(' '), column: words[0]!.column };
  }

  private integer(keyword: string, range: readonly [number, number]): number {
    const token = this.next();
    if (!token || token.kind !== 'word' || !/^-?\d+$/.test(token.text))
      this.fail(`expected a number after "${keyword}", got ${this.describe(token)}.`, token);
    const value = Number(token.text);
    if (!Number.isSafeInteger(value) || value < range[0] || value > range[1])
      this.fail(`${keyword} must be between ${range[0]} and ${range[1]}, got ${token.text} (column ${token.column}).`, token);
    return value;
  }

  /** REL[,REL…] */
  private relationList(keyword: string): RelationName[] {
    const list: RelationName[] = [];
    do {
      const token = this.next();
      if (!token || token.kind !== 'word')
        this.fail(`expected a relation after "${keyword}", got ${this.describe(token)}. Relations: ${RELATION_NAMES.join(', ')}.`, token);
      const relation = relationOf(token.text);
      if (!relation)
        this.fail(
          `unknown relation "${token.text}" (column ${token.column}). ${didYouMean(token.text.replace(/-/g, '_'), RELATION_NAMES)}Relations: ${RELATION_NAMES.join(', ')}.`,
          token,
        );
      if (!list.includes(relation)) list.push(relation);
    } while (this.peek()?.kind === 'comma' && this.next());
    return list;
  }

  /** T[,T…], the first word possibly given already (type:person). */
  private typeList(keyword: string, first?: Token): EntityType[] {
    const list: EntityType[] = [];
    let token = first;
    for (;;) {
      token ??= this.next();
      if (!token || token.kind !== 'word' || !token.text)
        this.fail(`expected an entity type after "${keyword}", got ${this.describe(token)}. Types: ${ENTITY_TYPES.join(', ')}.`, token);
      const type = entityTypeOf(token.text);
      if (!type)
        this.fail(`unknown entity type "${token.text}" (column ${token.column}). ${didYouMean(token.text, ENTITY_TYPES)}Types: ${ENTITY_TYPES.join(', ')}.`, token);
      if (!list.includes(type)) list.push(type);
      if (this.peek()?.kind !== 'comma') return list;
      this.pos++;
      token = undefined;
    }
  }

  private unexpected(token: Token): never {
    const options = KEYWORDS[this.command];
    const known = options.length ? ` ${this.command} takes: ${options.join(', ')}.` : ` ${this.command} takes no options.`;
    const near = token.kind === 'word' ? didYouMean(token.text, options) : '';
    this.fail(`unexpected ${this.describe(token)}. ${near}${known}`.replace(/\s+/g, ' ').trim(), token);
  }

  private limitOf(seen: { limit?: number }): number {
    return seen.limit ?? defaultLimits[this.command];
  }

  // ----- commands -----

  parse(): Query {
    let explain = false;
    if (this.isWord(this.peek(), 'explain')) {
      explain = true;
      this.pos++;
    }
    const first = this.next();
    if (!first) this.fail(explain ? 'expected a query after "explain".' : 'empty query. Type "help" for the list of commands.', first);
    const word = first.kind === 'word' ? first.text.toLowerCase() : '';
    const command = (COMMANDS as readonly string[]).includes(word) ? (word as QueryCommand) : COMMAND_ALIASES[word];
    if (!command)
      this.fail(
        first.kind === 'word'
          ? `unknown command "${first.text}" (column ${first.column}). ${didYouMean(first.text, COMMANDS)}Commands: ${COMMANDS.join(', ')}.`
          : `expected a command, got ${this.describe(first)}. Commands: ${COMMANDS.join(', ')}.`,
        first,
      );
    this.command = command;
    const base = { text: this.text, explain };
    switch (command) {
      case 'path':
      case 'paths':
      case 'allshortest':
        return this.path(command, base);
      case 'neighbors':
        return this.neighbors(base);
      case 'find':
        return this.find(base);
      case 'relations':
        return this.relations(base);
      case 'top':
        return this.top(base);
      case 'communities':
        return this.communities(base);
      case 'help':
        return this.help(base);
    }
  }

  private path(command: PathQuery['command'], base: { text: string; explain: boolean }): PathQuery {
    const from = this.name('a name after "' + command + '"');
    const arrow = this.next();
    if (!arrow || arrow.kind !== 'arrow')
      this.fail(`expected an arrow (-> <- or --) after "${from.text}", got ${this.describe(arrow)}.`, arrow);
    const to = this.name(`a name after "${arrow.text}"`);
    const query: PathQuery = {
      ...base,
      command,
      from,
      to,
      direction: ARROW_DIRECTION[arrow.text]!,
      via: null,
      cooccur: false,
      avoid: [],
      max: command === 'paths' ? defaultPathsMax : null,
      limit: 0,
    };
    const seen: { limit?: number } = {};
    for (let token = this.peek(); token; token = this.peek()) {
      if (this.isWord(token, 'via')) {
        this.pos++;
        query.via = this.relationList('via');
      } else if (this.isWord(token, 'avoid')) {
        this.pos++;
        do query.avoid.push(this.name('a name after "avoid"'));
        while (this.peek()?.kind === 'comma' && this.next());
      } else if (this.isWord(token, 'cooccur')) {
        this.pos++;
        query.cooccur = true;
      } else if (this.isWord(token, 'max')) {
        this.pos++;
        query.max = this.integer('max', command === 'paths' ? bounds.pathsMax : bounds.pathMax);
      } else if (this.isWord(token, 'limit') && command !== 'path') {
        this.pos++;
        seen.limit = this.integer('limit', bounds.limit);
      } else if (this.isWord(token, 'limit')) {
        this.fail(`"limit" (column ${token.column}) applies to "paths" and "allshortest"; "path" finds one shortest path.`, token);
      } else this.unexpected(token);
    }
    if (query.via?.includes('co_occurs')) query.cooccur = true;
    query.limit = this.limitOf(seen);
    return query;
  }

  private neighbors(base: { text: string; explain: boolean }): NeighborsQuery {
    const node = this.name('a name after "neighbors"');
    const query: NeighborsQuery = { ...base, command: 'neighbors', node, depth: 1, direction: 'both', via: null, cooccur: false, types: null, limit: 0 };
    const seen: { limit?: number } = {};
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'arrow') {
        this.pos++;
        query.direction = ARROW_DIRECTION[token.text]!;
      } else if (this.isWord(token, 'in', 'out', 'both')) {
        this.pos++;
        query.direction = token.text.toLowerCase() as Direction;
      } else if (this.isWord(token, 'depth')) {
        this.pos++;
        query.depth = this.integer('depth', bounds.depth);
      } else if (this.isWord(token, 'via')) {
        this.pos++;
        query.via = this.relationList('via');
      } else if (this.isWord(token, 'type')) {
        this.pos++;
        query.types = this.typeList('type');
      } else if (this.isWord(token, 'cooccur')) {
        this.pos++;
        query.cooccur = true;
      } else if (this.isWord(token, 'limit')) {
        this.pos++;
        seen.limit = this.integer('limit', bounds.limit);
      } else this.unexpected(token);
    }
    if (query.via?.includes('co_occurs')) query.cooccur = true;
    query.limit = this.limitOf(seen);
    return query;
  }

  /** The value of `key:VALUE` / `key~VALUE`, written glued or as a quoted string right after. */
  private gluedValue(token: Token, prefix: string): string {
    const rest = token.text.slice(prefix.length);
    if (rest) return rest;
    const string = this.peek();
    if (string?.kind === 'string' && string.glued) {
      this.pos++;
      return string.text;
    }
    this.fail(`expected a value right after "${prefix}" (column ${token.column}), as in ${prefix}Microsoft or ${prefix}"Tech Data".`, token);
  }

  private find(base: { text: string; explain: boolean }): FindQuery {
    const query: FindQuery = { ...base, command: 'find', types: null, name: null, doc: null, limit: 0 };
    const seen: { limit?: number } = {};
    const nameParts: string[] = [];
    for (let token = this.peek(); token; token = this.peek()) {
      const lower = token.kind === 'word' ? token.text.toLowerCase() : '';
      if (lower.startsWith('type:')) {
        this.pos++;
        const value = this.gluedValue(token, token.text.slice(0, 5));
        const first: Token = { ...token, text: value, column: token.column + 5, length: value.length };
        query.types = [...(query.types ?? []), ...this.typeList('type:', first)];
      } else if (lower.startsWith('name~') || lower.startsWith('name:')) {
        this.pos++;
        nameParts.push(this.gluedValue(token, token.text.slice(0, 5)));
      } else if (lower.startsWith('doc:')) {
        this.pos++;
        query.doc = this.gluedValue(token, token.text.slice(0, 4));
      } else if (this.isWord(token, 'type')) {
        this.pos++;
        query.types = [...(query.types ?? []), ...this.typeList('type')];
      } else if (this.isWord(token, 'limit')) {
        this.pos++;
        seen.limit = this.integer('limit', bounds.limit);
      } else if (token.kind === 'word' || token.kind === 'string') {
        this.pos++;
        nameParts.push(token.text);
      } else this.unexpected(token);
    }
    if (nameParts.length) query.name = nameParts.join(' ');
    query.limit = this.limitOf(seen);
    return query;
  }

  private relations(base: { text: string; explain: boolean }): RelationsQuery {
    const query: RelationsQuery = { ...base, command: 'relations', relations: null, cooccur: false, from: null, to: null, limit: 0 };
    const seen: { limit?: number } = {};
    if (this.peek()?.kind === 'word' && !this.isKeyword(this.peek())) query.relations = this.relationList('relations');
    for (let token = this.peek(); token; token = this.peek()) {
      if (this.isWord(token, 'from')) {
        this.pos++;
        query.from = this.name('a name after "from"');
      } else if (this.isWord(token, 'to')) {
        this.pos++;
        query.to = this.name('a name after "to"');
      } else if (this.isWord(token, 'cooccur')) {
        this.pos++;
        query.cooccur = true;
      } else if (this.isWord(token, 'limit')) {
        this.pos++;
        seen.limit = this.integer('limit', bounds.limit);
      } else this.unexpected(token);
    }
    if (query.relations?.includes('co_occurs')) query.cooccur = true;
    query.limit = this.limitOf(seen);
    return query;
  }

  private top(base: { text: string; explain: boolean }): TopQuery {
    const token = this.next();
    const measure = token?.kind === 'word' ? (token.text.toLowerCase() as Measure) : undefined;
    if (!token || !measure || !MEASURES.includes(measure))
      this.fail(
        `expected a measure after "top", got ${this.describe(token)}. ${token?.kind === 'word' ? didYouMean(token.text, MEASURES) : ''}Measures: ${MEASURES.join(', ')}.`,
        token,
      );
    const query: TopQuery = { ...base, command: 'top', measure, types: null, via: null, cooccur: false, limit: 0 };
    const seen: { limit?: number } = {};
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.kind === 'word' && /^\d+$/.test(t.text)) {
        seen.limit = this.integer('top', bounds.limit);
      } else if (this.isWord(t, 'limit')) {
        this.pos++;
        seen.limit = this.integer('limit', bounds.limit);
      } else if (this.isWord(t, 'type')) {
        this.pos++;
        query.types = this.typeList('type');
      } else if (this.isWord(t, 'via')) {
        this.pos++;
        query.via = this.relationList('via');
      } else if (this.isWord(t, 'cooccur')) {
        this.pos++;
        query.cooccur = true;
      } else this.unexpected(t);
    }
    if (query.via?.includes('co_occurs')) query.cooccur = true;
    query.limit = this.limitOf(seen);
    return query;
  }

  private communities(base: { text: string; explain: boolean }): CommunitiesQuery {
    const query: CommunitiesQuery = { ...base, command: 'communities', via: null, cooccur: false, minSize: 2, limit: 0 };
    const seen: { limit?: number } = {};
    for (let t = this.peek(); t; t = this.peek()) {
      if (this.isWord(t, 'via')) {
        this.pos++;
        query.via = this.relationList('via');
      } else if (this.isWord(t, 'cooccur')) {
        this.pos++;
        query.cooccur = true;
      } else if (this.isWord(t, 'min')) {
        this.pos++;
        query.minSize = this.integer('min', bounds.minSize);
      } else if (this.isWord(t, 'limit')) {
        this.pos++;
        seen.limit = this.integer('limit', bounds.limit);
      } else this.unexpected(t);
    }
    if (query.via?.includes('co_occurs')) query.cooccur = true;
    query.limit = this.limitOf(seen);
    return query;
  }

  private help(base: { text: string; explain: boolean }): HelpQuery {
    const token = this.next();
    let topic: string | null = null;
    if (token) {
      const word = token.text.toLowerCase();
      const command = (COMMANDS as readonly string[]).includes(word) ? word : COMMAND_ALIASES[word];
      if (!command && !['explain', 'cypher', 'names'].includes(word))
        this.fail(`no help on "${token.text}" (column ${token.column}). ${didYouMean(token.text, COMMANDS)}Commands: ${COMMANDS.join(', ')}.`, token);
      topic = command ?? word;
    }
    const extra = this.peek();
    if (extra) this.fail(`unexpected ${this.describe(extra)}: "help" takes at most one command name.`, extra);
    return { ...base, command: 'help', topic, limit: 1 };
  }
}
