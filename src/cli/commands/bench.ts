/**
 * `gradproof bench [NAME...]`: runs the benchmarks in `bench/` (files `*.bench.ts`), one after
 * another, each in its own process so timings do not disturb each other. Peers (PyTorch, SymPy)
 * run side by side inside each benchmark where they are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { GradproofError } from '../../symbolic/error.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { runAction } from '../run-action.ts';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function benchCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('bench')
    .description('run the benchmarks (bench/*.bench.ts), with side-by-side peers where installed')
    .argument('[names...]', 'run only benchmarks whose file name contains one of these')
    .option('--json', 'print a JSON summary of which benchmarks ran')
    .action(async (names: string[], flags: { json?: boolean }) => {
      setExit(await runAction(io, Boolean(flags.json), () => {
        const dir = join(PROJECT_ROOT, 'bench');
        if (!existsSync(dir)) throw new GradproofError('GP_NOT_FOUND', `benchmarks: expected a bench/ folder at ${dir}`);
        const files = readdirSync(dir, { recursive: true }).map(String)
          .filter((f) => f.endsWith('.bench.ts') && (names.length === 0 || names.some((n) => f.includes(n))))
          .sort();
        if (files.length === 0) throw new GradproofError('GP_NOT_FOUND', `benchmarks: none matches ${names.join(', ')}`);
        const results = files.map((file) => {
          io.err(`\n=== bench/${file}`);
          const run = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
          return { file, status: run.status ?? 1 };
        });
        const failed = results.filter((r) => r.status !== 0);
        if (flags.json) io.out(JSON.stringify({ schemaVersion: 1, results }, null, 2));
        io.err(`\nbenchmarks: ${results.length - failed.length} ran, ${failed.length} failed`);
        return failed.length === 0 ? EXIT.ok : EXIT.failed;
      }));
    });
}
