import { readFileSync } from 'node:fs';
import type { CAC } from 'cac';
import { NotFoundError, UsageError } from '../../extract/errors.ts';
import { evaluateGraph, formatReport, parseGold } from '../../graph/eval.ts';
import { readGraphFile } from '../io.ts';
import type { RegisterCommand } from './index.ts';

export const registerEval: RegisterCommand = (cli: CAC) => {
  cli
    .command('eval', 'Score a graph against a gold annotation (kg-gold/1): P/R/F1 per entity type and for relations')
    .option('--gold <file>', 'Gold file (kg-gold/1)')
    .option('--graph <file>', 'Graph to score', { default: 'out/graph.json' })
    .option('--verbose', 'List missed and spurious items per document')
    .option('--json', 'Print the report as JSON')
    .example('kg eval --gold ../shared/eval/seeds.gold.json --verbose')
    .action((flags: { gold?: string; graph: string; verbose?: boolean; json?: boolean }) => {
      if (!flags.gold) throw new UsageError('kg eval needs --gold FILE (a kg-gold/1 file such as ../shared/eval/seeds.gold.json).');
      let text: string;
      try {
        text = readFileSync(flags.gold, 'utf8');
      } catch {
        throw new NotFoundError(`gold file "${flags.gold}" not found.`);
      }
      const gold = parseGold(text, flags.gold);
      const report = evaluateGraph(readGraphFile(String(flags.graph)), gold);
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, !!flags.verbose)}\n`);
    });
};
