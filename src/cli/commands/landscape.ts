/**
 * `gradproof landscape`: the output landscape of a random network (SEED Q1, the Mish paper's
 * figure) for any catalog activations — PNG images plus smoothness numbers.
 */
import { Command } from 'commander';
import { GradproofError } from '../../symbolic/error.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { integerFlag, listFlag } from '../parse-flag.ts';
import { runAction } from '../run-action.ts';

interface LandscapeFlags {
  activations?: string;
  seed?: string;
  size?: string;
  samples?: string;
  out?: string;
  json?: boolean;
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
        const activations = flags.activations === undefined ? undefined : listFlag(flags.activations);
        // Loaded on use (TensorFlow.js is heavy); help texts above repeat the library's defaults.
        const { formatLandscapeMarkdown, renderLandscape } = await import('../../train/index.ts');
        const result = await renderLandscape({
          outDir: flags.out,
          ...(activations === undefined ? {} : { activations }),
          seed: flags.seed === undefined ? undefined : integerFlag('--seed', flags.seed),
          size: flags.size === undefined ? undefined : integerFlag('--size', flags.size),
          samples: flags.samples === undefined ? undefined : integerFlag('--samples', flags.samples),
        });
        if (flags.json) io.out(JSON.stringify(result, null, 2));
        else io.out(formatLandscapeMarkdown(result).trimEnd());
        return EXIT.ok;
      }));
    });
}
