import type { CAC } from 'cac';
import type { EntityType, RelationName } from '../../extract/types.ts';
import { runBuild } from '../build.ts';
import type { RegisterCommand } from './index.ts';

export const registerBuild: RegisterCommand = (cli: CAC) => {
  cli
    .command('build [...paths]', 'Extract a knowledge graph from texts (.txt/.md files, folders, or JSONL {id, title?, text})')
    .option('--out <dir>', 'Output folder for graph.json', { default: 'out' })
    .option('--rules <file>', 'Add your own rules and lexicon entries (JSON; repeatable)')
    .option('--workers <n>', 'Worker threads (default: one per extra core for inputs over 300 KB)')
    .option('--no-layout', 'Skip the ForceAtlas2 layout')
    .example('kg build seeds --out out')
    .example('kg build ../shared/corpora/orangesum/orangesum_economy_subset.jsonl --out out/orangesum')
    .action(async (paths: string[], flags: { out: string; rules?: string | string[]; workers?: string; layout?: boolean }) => {
      const rules = flags.rules === undefined ? [] : Array.isArray(flags.rules) ? flags.rules : [flags.rules];
      const summary = await runBuild({
        paths: paths.length ? paths : ['seeds'],
        out: String(flags.out),
        rules,
        ...(flags.workers !== undefined ? { workers: Number(flags.workers) } : {}),
        layout: flags.layout !== false,
        progress: true,
      });
      const { graph } = summary;
      const byType = new Map<EntityType, number>();
      graph.forEachNode((_, a) => byType.set(a.type, (byType.get(a.type) ?? 0) + 1));
      const byRelation = new Map<RelationName, number>();
      graph.forEachEdge((_, a) => byRelation.set(a.relation, (byRelation.get(a.relation) ?? 0) + 1));
      const fmt = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
      const mb = summary.chars / 1e6;
      process.stderr.write(
        `kg build: ${summary.documents} documents, ${mb.toFixed(2)} M characters in ${summary.seconds.toFixed(2)} s (${(mb / Math.max(summary.seconds, 1e-9)).toFixed(2)} MB/s; extraction ${summary.phases.extract.toFixed(1)} s, layout ${summary.phases.layout.toFixed(1)} s, writing ${summary.phases.write.toFixed(1)} s)\n` +
          `  entities ${graph.order}: ${fmt(byType)}\n` +
          `  relations ${graph.size}: ${fmt(byRelation)}\n` +
          `  wrote ${summary.outFile}\n`,
      );
    });
};
