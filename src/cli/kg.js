#!/usr/bin/env node
// Entry point of the `kg` command: loads the CLI (see load.js), then runs it.
import v8 from 'node:v8';
import { loadCli } from './load.js';

// Extraction and graph loading allocate millions of short-lived objects: a larger young
// generation halves the time spent in scavenges (measured on graph loading).
v8.setFlagsFromString('--max-semi-space-size=64');
// Optimise functions after more type feedback: the large extraction functions were optimised
// early, then dropped and recompiled many times (measured: 30 % less CPU time for a build).
v8.setFlagsFromString('--interrupt-budget=1000000');
const { main } = await loadCli();
process.exitCode = await main(process.argv);
