import { cac } from 'cac';
import { isKgError } from '../extract/errors.ts';
import { VERSION } from '../graph/version.ts';
import { commands } from './commands/index.ts';
import { installSyntaxModels } from './syntax-models.ts';

/**
 * Parses argv, runs the command, and maps errors to exit codes:
 * 0 success, 1 a query with no result (set by the command), 2 a user mistake.
 * Anything that is not a KgError is a bug: its stack is printed.
 */
export async function main(argv: string[]): Promise<number> {
  installSyntaxModels();
  const cli = cac('kg');
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  for (const register of commands) register(cli, setExitCode);
  cli.help();
  cli.version(VERSION);
  try {
    cli.parse(argv, { run: false });
    if (!cli.matchedCommand) {
      if (cli.args.length > 0) {
        process.stderr.write(`kg: unknown command "${cli.args[0]}". Run "kg --help" for the list of commands.\n`);
        return 2;
      }
      if (!cli.options.help && !cli.options.version) cli.outputHelp();
      return 0;
    }
    await cli.runMatchedCommand();
    return exitCode;
  } catch (error) {
    if (isKgError(error) || (error instanceof Error && error.name === 'CACError')) {
      process.stderr.write(`kg: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
