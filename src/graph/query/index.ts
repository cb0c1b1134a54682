/**
 * The query engine shared by `kg query`, `kg console` and the page.
 *
 *     const query = parseQuery('explain path "Patrice Foliard" -- Microsoft');
 *     const result = runQuery(graph, query, { signal });   // or runQuery(graph, text)
 *     console.log(formatResult(result));                  // text; result itself is JSON data
 *
 * Pure TypeScript: no DOM, no Node APIs.
 */
export type * from './types.ts';
export { AmbiguousNameError, QueryCancelledError, QuerySyntaxError, UnknownNameError, caretLines } from './errors.ts';
