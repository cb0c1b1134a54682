/**
 * Text output of results: chains for paths, tables for lists, evidence quotes under
 * `explain`. Pure string building: the terminal prints it, the page may show it in a
 * <pre> through textContent (never as HTML: labels and quotes come from documents).
 */
import { SYMMETRIC_RELATIONS } from '../../extract/types.ts';
import type { EdgeRef, Evidence, FormatOptions, NodeRef, PathStep, QueryResult, ResultTable } from './types.ts';

const DEFAULT_QUOTE_WIDTH = 160;
const TITLE_WIDTH = 60;

/**
 * `-works_for->`, `<-distributes-`, or `-partners_with-` for a symmetric relation;
 * `-funds(+2)->` when two more edges join the same two entities.
 */
export function linkText(relation: EdgeRef['relation'], forward: boolean, others = 0): string {
  const name = others > 0 ? `${relation}(+${others})` : relation;
  if (SYMMETRIC_RELATIONS.has(relation)) return `-${name}-`;
  return forward ? `-${name}->` : `<-${name}-`;
}

/** `Jeanne Martin -works_for-> Danone -partners_with- Alpro` */
export function chainText(nodes: NodeRef[], steps: PathStep[]): string {
  let text = nodes[0]?.label ?? '';
  steps.forEach((step, i) => {
    text += ` ${linkText(step.edges[0]!.relation, step.forward[0]!, step.edges.length - 1)} ${nodes[i + 1]!.label}`;
  });
  return text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `« sentence »  (doc: title)`, the sentence cut to `width` characters. */
export function quoteText(evidence: Evidence, width = DEFAULT_QUOTE_WIDTH): string {
  const title = evidence.title ? oneLine(evidence.title) : '';
  const where = title ? `${evidence.doc}: ${title.length > TITLE_WIDTH ? `${title.slice(0, TITLE_WIDTH - 1)}…` : title}` : evidence.doc;
  if (evidence.text === null) return `[${where}, characters ${evidence.start}-${evidence.end}; the graph keeps no texts]`;
  let sentence = oneLine(evidence.text);
  if (sentence.length > width) sentence = `${sentence.slice(0, width - 1)}…`;
  return `"${sentence}"  [${where}]`;
}

function evidenceLines(edge: EdgeRef, indent: string, width: number): string[] {
  if (!edge.evidence.length) return [`${indent}(no evidence recorded)`];
  const lines = edge.evidence.map((e) => `${indent}${quoteText(e, width)}`);
  if (edge.evidenceCount > edge.evidence.length) lines.push(`${indent}… ${edge.evidenceCount - edge.evidence.length} more sentences`);
  return lines;
}

function edgeLine(edge: EdgeRef, labels: Map<string, string>): string {
  return `${labels.get(edge.source) ?? edge.source} ${linkText(edge.relation, true)} ${labels.get(edge.target) ?? edge.target}`;
}

function formatScore(value: number, measure: string): string {
  if (measure === 'degree') return String(value);
  if (measure === 'pagerank') return value.toPrecision(3);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A result as a table of text cells: what `formatResult` prints, and what a UI table can show. */
export function resultTable(result: QueryResult): ResultTable {
  const table: ResultTable = { columns: [], rows: [], rowKeys: [] };
  const add = (cells: (string | number)[], nodes: string[], edges: string[] = []) => {
    table.rows.push(cells.map(String));
    table.rowKeys.push({ nodes, edges });
  };
  switch (result.kind) {
    case 'paths':
      table.columns = ['#', 'path', 'hops', 'cost'];
      result.paths.forEach((p, i) =>
        add([i + 1, chainText(p.nodes, p.steps), p.steps.length, p.cost], p.nodes.map((n) => n.key), p.steps.flatMap((s) => s.edges.map((e) => e.key))),
      );
      break;
    case 'nodes':
      if (result.query.command === 'neighbors') {
        table.columns = ['depth', 'name', 'type', 'reached by'];
        for (const r of result.rows) {
          const link = r.via && r.from ? `${r.from.label} ${linkText(r.via.relation, r.forward ?? true)}` : '';
          add([r.depth ?? '', r.node.label, r.node.type, link], [r.node.key], r.via ? [r.via.key] : []);
        }
      } else {
        table.columns = ['name', 'type', 'mentions', 'documents', 'key'];
        for (const r of result.rows) add([r.node.label, r.node.type, r.mentions, r.docs.length, r.node.key], [r.node.key]);
      }
      break;
    case 'edges':
      table.columns = ['source', 'relation', 'target', 'sentences'];
      for (const r of result.rows)
        add([r.source.label, linkText(r.edge.relation, true), r.target.label, r.edge.evidenceCount], [r.source.key, r.target.key], [r.edge.key]);
      break;
    case 'ranking':
      table.columns = ['#', 'name', 'type', result.measure];
      result.rows.forEach((r, i) => add([i + 1, r.node.label, r.node.type, formatScore(r.score, result.measure)], [r.node.key]));
      break;
    case 'communities':
      table.columns = ['#', 'size', 'members'];
      for (const c of result.communities) {
        const rest = c.size - c.members.length;
        add([c.id, c.size, c.members.map((m) => m.label).join(', ') + (rest > 0 ? `, … and ${rest} more` : '')], c.members.map((m) => m.key));
      }
      break;
    case 'help':
      table.columns = ['help'];
      for (const line of result.text.split('\n')) add([line], []);
      break;
  }
  return table;
}

/** Aligned columns with a header rule. The last column is not padded. */
export function tableText(table: ResultTable): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(table.columns), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map(line)].join('\n');
}

function moreLine(result: QueryResult): string | null {
  if (!result.more) return null;
  const what = result.kind === 'paths' ? 'paths' : result.kind === 'communities' ? 'communities' : result.kind === 'edges' ? 'relations' : 'entities';
  const count = result.moreIsLowerBound ? `at least ${result.more}` : String(result.more);
  const how = result.moreIsLowerBound ? ' (counting stopped: too many to count)' : '';
  return `… ${count} more ${what}${how}. Raise "limit" to see more.`;
}

/**
 * The result as text: notes first (names taken for others, why nothing was found),
 * then chains or a table, then how many more rows exist. With `explain`, every hop
 * or edge is followed by its evidence sentences and their documents.
 */
export function formatResult(result: QueryResult, options: FormatOptions = {}): string {
  const explain = options.explain ?? result.query.explain;
  const width = options.quoteWidth ?? DEFAULT_QUOTE_WIDTH;
  const out: string[] = [...result.notes];
  if (result.kind === 'help') return [...out, result.text].join('\n');
  if (result.kind === 'paths' && result.paths.length) {
    result.paths.forEach((p, i) => {
      const hops = p.steps.length;
      const cost = `${hops} hop${hops === 1 ? '' : 's'}${p.cost !== hops ? `, cost ${p.cost}` : ''}`;
      const number = result.paths.length > 1 || result.query.command !== 'path' ? `${i + 1}. ` : '';
      out.push(`${number}${chainText(p.nodes, p.steps)}  (${cost})`);
      if (!explain) return;
      const labels = new Map(p.nodes.map((n) => [n.key, n.label]));
      for (const step of p.steps)
        for (const edge of step.edges) {
          out.push(`   ${edgeLine(edge, labels)}`);
          out.push(...evidenceLines(edge, '       ', width));
        }
    });
  } else if (explain && (result.kind === 'edges' || (result.kind === 'nodes' && result.query.command === 'neighbors'))) {
    const items =
      result.kind === 'edges'
        ? result.rows.map((r) => ({ edge: r.edge, labels: new Map([[r.source.key, r.source.label], [r.target.key, r.target.label]]) }))
        : result.rows.flatMap((r) =>
            r.via && r.from ? [{ edge: r.via, labels: new Map([[r.node.key, r.node.label], [r.from.key, r.from.label]]), depth: r.depth }] : [],
          );
    for (const item of items) {
      out.push(`${'depth' in item ? `[${item.depth}] ` : ''}${edgeLine(item.edge, item.labels)}`);
      out.push(...evidenceLines(item.edge, '    ', width));
    }
  } else if (result.kind !== 'paths' && (result.kind === 'communities' ? result.communities.length : result.rows.length)) {
    out.push(tableText(resultTable(result)));
    if (result.kind === 'communities') out.push(`modularity ${result.modularity.toFixed(3)}`);
  }
  const more = moreLine(result);
  if (more) out.push(more);
  return out.join('\n');
}
