/**
 * The query engine shared by `kg query`, `kg console` and the page.
 *
 *     const query = parseQuery('explain path "Jeanne Martin" -- Microsoft'); // throws QuerySyntaxError
 *     const result = runQuery(graph, query, { signal });   // or runQuery(graph, text)
 *     result.nodes, result.edges                           // keys to highlight
 *     console.log(formatResult(result));                   // text; the result itself is JSON data
 *
 * Pure TypeScript: no DOM, no Node APIs. See types.ts for the Query and QueryResult unions.
 */
export type * from './types.ts';
export { AmbiguousNameError, QueryCancelledError, QuerySyntaxError, UnknownNameError, caretLines } from './errors.ts';
export { COMMANDS, KEYWORDS, MEASURES, parseQuery } from './parse.ts';
export { isEmptyResult, resolveOptions, runQuery } from './run.ts';
export { chainText, formatResult, linkText, quoteText, resultTable, tableText } from './format.ts';
export { bounds, defaultLimits, queryOptionDefaults } from './defaults.ts';
export { indexGraph, invalidateQueryIndex } from './graph-index.ts';
export type { QueryGraph } from './graph-index.ts';
export { completeQuery, entityNames } from './complete.ts';
