import type { Lang } from '../types.ts';
import type { BenchResult, TypeScores } from './bench-ner.ts';
import type { PublishedFile } from './published.ts';
import { BENCH_TYPES, type BenchType, type ErrorClassSummary } from './types.ts';

export interface ReportContext {
  lang: Lang;
  published?: PublishedFile | undefined;
  /** For files without document markers: how they were cut. */
  sentencesPerDocument?: number;
  /** Print the frequent texts and examples of each error class. */
  showErrors?: boolean;
}

const int = (n: number) => n.toLocaleString('en-US');
const num = (n: number | undefined) => (n === undefined ? '    –' : n.toFixed(3));
const pct = (part: number, whole: number) => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`);
const ROWS: ReadonlyArray<BenchType | 'micro'> = [...BENCH_TYPES, 'micro'];

/** The plain-text report of `kg bench ner`. */
export function formatBenchReport(r: BenchResult, ctx: ReportContext): string {
  const out: string[] = [];
  const sum = (rec: Record<BenchType, number>) => BENCH_TYPES.reduce((s, t) => s + rec[t], 0);
  const perType = (rec: Record<BenchType, number>) => BENCH_TYPES.map((t) => `${t} ${int(rec[t])}`).join(', ');
  out.push(`${r.file} (${r.format === 'hipe' ? 'CLEF-HIPE TSV' : 'CoNLL/IOB2'}, ${ctx.lang})`);
  if (ctx.published) out.push(`  ${ctx.published.dataset}`);
  const cut = r.pseudoDocuments
    ? ` (no -DOCSTART-: cut every ${ctx.sentencesPerDocument ?? '?'} sentences)`
    : '';
  out.push(`  ${int(r.documents)} documents${cut}, ${int(r.sentences)} sentences, ${int(r.tokens)} tokens`);
  const ignored = Object.entries(r.ignoredGold)
    .sort((a, b) => b[1] - a[1])
    .map(([label, n]) => `${label} ${int(n)}`)
    .join(', ');
  out.push(`  gold: ${int(sum(r.gold))} scored (${perType(r.gold)}); ignored: ${ignored || 'none'}`);
  const preds = sum(r.predictions);
  out.push(
    `  predicted: ${int(preds)} spans (${perType(r.predictions)}); ${int(r.unaligned)} (${pct(r.unaligned, preds)}) do not start and end on gold token boundaries` +
      (r.invalidMentions ? `; ${int(r.invalidMentions)} invalid mentions dropped (outside the text or blank)` : ''),
  );
  out.push('');
  out.push(scoreTable(r));
  if (ctx.published) out.push('', publishedTable(ctx.published));
  else out.push('', '  published: no figures recorded for this file name.');
  out.push('', errorSummary(r));
  if (ctx.showErrors) out.push('', errorDetails(r));
  return out.join('\n');
}

function scoreTable(r: BenchResult): string {
  const lines = [
    '                      strict: exact span and type      overlap: same type, shares a character (one to one)',
    '  type           gold   pred      P      R     F1          P      R     F1',
  ];
  const gold = (t: BenchType | 'micro') => (t === 'micro' ? BENCH_TYPES.reduce((s, x) => s + r.gold[x], 0) : r.gold[t]);
  const pred = (t: BenchType | 'micro') => (t === 'micro' ? BENCH_TYPES.reduce((s, x) => s + r.predictions[x], 0) : r.predictions[t]);
  const cells = (s: TypeScores, t: BenchType | 'micro') => `${num(s[t].precision)}  ${num(s[t].recall)}  ${num(s[t].f1)}`;
  for (const t of ROWS) {
    lines.push(`  ${t.padEnd(12)} ${String(gold(t)).padStart(6)} ${String(pred(t)).padStart(6)}  ${cells(r.strict, t)}      ${cells(r.overlap, t)}`);
  }
  const u = r.untyped;
  const distinct = u.strict.tp + u.strict.fp;
  lines.push(
    `  ${'any type'.padEnd(12)} ${String(gold('micro')).padStart(6)} ${String(distinct).padStart(6)}  ${num(u.strict.precision)}  ${num(u.strict.recall)}  ${num(u.strict.f1)}      ${num(u.overlap.precision)}  ${num(u.overlap.recall)}  ${num(u.overlap.f1)}   (spans only, type ignored)`,
  );
  return lines.join('\n');
}

function publishedTable(p: PublishedFile): string {
  if (p.systems.length === 0) return `  published: none for this file. ${p.note}`;
  const width = Math.max(...p.systems.map((s) => s.system.length));
  const lines = ['  published on this file (strict; see the note):', `  ${'system'.padEnd(width)}      P      R     F1   person    org  place  src`];
  for (const s of p.systems) {
    const t = s.perType ?? {};
    lines.push(
      `  ${s.system.padEnd(width)}  ${num(s.precision)}  ${num(s.recall)}  ${num(s.f1)}   ${num(t.person)}  ${num(t.organization)}  ${num(t.place)}  ${s.source}`,
    );
  }
  lines.push(`  note: ${p.note}`);
  for (const [key, ref] of Object.entries(p.sources)) lines.push(`  ${key}: ${ref}`);
  return lines.join('\n');
}

function classCounts<C extends string>(classes: Array<ErrorClassSummary<C>>): string {
  return classes
    .filter((c) => c.count > 0)
    .map((c) => `${c.cls} ${int(c.count)}`)
    .join(', ');
}

function errorSummary(r: BenchResult): string {
  const fp = r.falsePositives.reduce((s, c) => s + c.count, 0);
  const fn = r.falseNegatives.reduce((s, c) => s + c.count, 0);
  const lines = [
    `  strict errors: ${int(fp)} false positives (${classCounts(r.falsePositives) || 'none'})`,
    `                 ${int(fn)} false negatives (${classCounts(r.falseNegatives) || 'none'})`,
    `  by type: ${r.confusions.slice(0, 10).map((c) => `${c.key} ${int(c.count)}`).join('; ') || 'no errors'}`,
  ];
  return lines.join('\n');
}

function errorDetails(r: BenchResult): string {
  const lines: string[] = [];
  const block = <C extends string>(kind: string, classes: Array<ErrorClassSummary<C>>) => {
    for (const c of classes) {
      if (c.count === 0) continue;
      lines.push(`  ${kind}, ${c.cls} (${int(c.count)})`);
      lines.push(`    frequent: ${c.top.map((t) => `"${t.text}" ×${t.count}`).join(', ')}`);
      for (const e of c.examples) {
        const other = e.other.length ? `   [${kind === 'false positive' ? 'gold' : 'pred'} ${e.other.join(' | ')}]` : '';
        lines.push(`    ${e.type.padEnd(12)} …${e.before}⟦${e.text}⟧${e.after}…${other}   (${e.doc})`);
      }
    }
  };
  block('false positive', r.falsePositives);
  block('false negative', r.falseNegatives);
  return lines.join('\n');
}
