/**
 * The explicit list of sub-commands. Each factory receives the IO to print to and a function
 * to set the exit status.
 */
import type { Command } from 'commander';
import type { CommandIO } from '../command-io.ts';
import type { ExitCode } from '../exit-codes.ts';

/** Makes one sub-command. */
export type CommandFactory = (io: CommandIO, setExit: (code: ExitCode) => void) => Command;

export const COMMANDS: readonly CommandFactory[] = [];
