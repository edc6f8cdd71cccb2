/**
 * `gradproof landscape`: the output landscape of a random network (SEED Q1, the Mish paper's
 * figure) for any catalog activations — PNG images plus smoothness numbers.
 */
import { Command } from 'commander';
import { GradproofError } from '../../symbolic/error.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { runAction } from '../run-action.ts';

interface LandscapeFlags {
  activations?: string;
  seed?: string;
  size?: string;
  samples?: string;
  out?: string;
  json?: boolean;
}

/** Parses a whole number flag, naming it in the error. */
function integerFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new GradproofError('GP_INPUT', `${name}: expected an integer, got '${text}' (at position 0)`, { position: { offset: 0 } });
  return Number(text);
}

export function landscapeCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('landscape')
    .description('output landscape of a randomly initialised MLP 2→64→32→16→1: PNG images and smoothness numbers per activation')
    .option('--activations <names>', 'comma-separated catalog activations (default relu,mish,swish)')
    .option('--seed <n>', 'seed of the first random network (default 0)')
    .option('--size <n>', 'grid side in points (default 400)')
    .option('--samples <n>', 'random networks the numbers are averaged over (default 5); images show the first')
    .option('--out <dir>', 'folder for <activation>.png, landscape.png, landscape.json and landscape.md')
    .option('--json', 'print the result as JSON')
    .action(async (flags: LandscapeFlags) => {
      setExit(await runAction(io, Boolean(flags.json), async () => {
        if (flags.out === undefined) throw new GradproofError('GP_INPUT', 'landscape: expected --out DIR');
        const activations = flags.activations?.split(',').map((s) => s.trim()).filter((s) => s !== '');
        // Loaded on use (TensorFlow.js is heavy); help texts above repeat the library's defaults.
        const { formatLandscapeMarkdown, renderLandscape } = await import('../../train/index.ts');
        const result = await renderLandscape({
          outDir: flags.out,
          ...(activations === undefined ? {} : { activations }),
          seed: integerFlag('--seed', flags.seed),
          size: integerFlag('--size', flags.size),
          samples: integerFlag('--samples', flags.samples),
        });
        if (flags.json) io.out(JSON.stringify(result, null, 2));
        else io.out(formatLandscapeMarkdown(result).trimEnd());
        return EXIT.ok;
      }));
    });
}
