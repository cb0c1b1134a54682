import type { CAC } from 'cac';
import { registerBench } from './bench.ts';
import { registerBuild } from './build.ts';
import { registerConsole } from './console.ts';
import { registerBuildWeb } from './build-web.ts';
import { registerEval } from './eval.ts';
import { registerExport } from './export.ts';
import { registerQuery } from './query.ts';
import { registerServe } from './serve.ts';
import { registerTrain } from './train.ts';

/** Each command file exports one register function; add yours here. */
export type RegisterCommand = (cli: CAC, setExitCode: (code: number) => void) => void;

export const commands: RegisterCommand[] = [registerBuild, registerBench, registerEval, registerExport, registerQuery, registerConsole, registerServe, registerBuildWeb, registerTrain];
