/**
 * The `gradproof` command: parses flags, calls the library, prints. One file per sub-command
 * under `commands/`; each exports a factory `(io, setExit) => Command`.
 */
import { Command, CommanderError } from 'commander';
import { commanderOutput, processIO, type CommandIO } from './command-io.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit status.
 * @example await main(['verify', 'mish', '--json'])
 */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  let exit: ExitCode = EXIT.ok;
  const setExit = (code: ExitCode) => {
    exit = code;
  };
  const program = new Command('gradproof')
    .description('Prove derivatives, check gradients, judge formulas, and train with what was proved.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(commanderOutput(io))
    .exitOverride();
  for (const make of COMMANDS) program.addCommand(make(io, setExit).exitOverride().configureOutput(commanderOutput(io)));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return helpOrVersion ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exit;
}
