/**
 * The explicit list of sub-commands. Each factory receives the IO to print to and a function
 * to set the exit status.
 */
import type { Command } from 'commander';
import type { CommandIO } from '../command-io.ts';
import type { ExitCode } from '../exit-codes.ts';
import { benchCommand } from './bench.ts';
import { checkCommand } from './check.ts';
import { trainCommand } from './train.ts';
import { verifyCommand } from './verify.ts';
import { docsCommand } from './docs.ts';
import { gradcheckCommand } from './gradcheck.ts';
import { landscapeCommand } from './landscape.ts';
import { gradeCommand } from './grade.ts';

/** Makes one sub-command. */
export type CommandFactory = (io: CommandIO, setExit: (code: ExitCode) => void) => Command;

export const COMMANDS: readonly CommandFactory[] = [
  verifyCommand,
  checkCommand,
  trainCommand,
  benchCommand,
  docsCommand,
  gradcheckCommand,
  landscapeCommand,
  gradeCommand,
];
