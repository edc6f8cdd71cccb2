/**
 * Runs a command's action and turns what it throws into the CLI contract: a GradproofError
 * about the input becomes exit 2 with its message (and `{error}` JSON under --json); anything
 * else is a bug, reported as such with exit 1... never a silent crash.
 */
import { isGradproofError } from '../symbolic/error.ts';
import type { CommandIO } from './command-io.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

/** Error codes that mean "bad usage or bad input" (exit 2). */
const INPUT_ERROR_CODES = new Set(['GP_PARSE', 'GP_INPUT', 'GP_LIMIT', 'GP_CATALOG', 'GP_NOT_FOUND', 'GP_CORRUPT', 'GP_ENGINE']);

/** Calls `action`, returning its exit code, or the code for what it threw. */
export async function runAction(io: CommandIO, json: boolean, action: () => Promise<ExitCode> | ExitCode): Promise<ExitCode> {
  try {
    return await action();
  } catch (error) {
    if (isGradproofError(error)) {
      const exit = INPUT_ERROR_CODES.has(error.code) ? EXIT.usage : EXIT.failed;
      if (json) io.out(JSON.stringify({ error: { code: error.code, message: error.message, position: error.position ?? null } }));
      io.err(`gradproof: ${error.message} [${error.code}]`);
      return exit;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`gradproof: internal error (please report it): ${message}`);
    return EXIT.failed;
  }
}
