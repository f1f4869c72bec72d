#!/usr/bin/env node
/**
 * The `annotkit` executable (the package's `bin`): binds `runCli` to the process. The shebang
 * line above is kept by the build so that `dist/cli.js` runs directly.
 */
/// <reference types="node" />
import { runCli } from './run.js';

// A closed pipe (`annotkit formats | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
  columns: process.stderr.columns,
});
