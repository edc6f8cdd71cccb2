/**
 * `gradproof docs build [--runs DIR...] [--out site] [--catalog FILE] [--report FILE] [--bank FILE] [--json]`
 * verifies the catalog (or reads a saved `verify --json` report) and writes the static site;
 * `gradproof docs serve [--dir site] [--port N]` serves it on 127.0.0.1 until interrupted.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { VerifyReport } from '../../symbolic/index.ts';
import { GradproofError } from '../../symbolic/error.ts';
import { commanderOutput, type CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { positiveIntegerFlag } from '../parse-flag.ts';
import { runAction } from '../run-action.ts';

/** Default port of `docs serve`; `--port 0` picks any free one. */
const DEFAULT_PORT = 8080;

function readReport(file: string): VerifyReport {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GradproofError('GP_INPUT', `--report ${file}: expected the JSON of 'gradproof verify --json', got ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const report = value as Partial<VerifyReport> | null;
  if (!report || !Array.isArray(report.functions) || !Array.isArray(report.claims) || typeof report.schemaVersion !== 'number') {
    throw new GradproofError('GP_CORRUPT', `--report ${file}: expected {schemaVersion, functions: [...], claims: [...]}, got ${JSON.stringify(value)?.slice(0, 60)}`);
  }
  return { millis: 0, ...report } as VerifyReport;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new GradproofError('GP_INPUT', `--port: expected an integer from 0 to 65535, got '${text}'`);
  return port;
}

interface DocsBuildFlags {
  runs?: string[];
  out: string;
  catalog?: string;
  report?: string;
  bank?: string;
  experiments?: boolean;
  runsDir: string;
  workers?: string;
  json?: boolean;
}

function buildCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('build')
    .description('verify the catalog and write the static documentation site')
    .option('--runs <dirs...>', 'training run directories for the Experiments page')
    .option('--out <dir>', 'output folder (replaced atomically)', 'site')
    .option('--catalog <file>', 'add entries from a YAML catalog file')
    .option('--report <file>', "use a saved 'gradproof verify --json' report instead of verifying again")
    .option('--bank <file>', 'question bank (YAML) for the instructor page (default: examples/seed-homework/bank.yaml)')
    .option('--experiments', 'the main job: first run the source document\'s experiments on the embedded data (Q3 sweep, Q2, Q1 landscape) into --runs-dir, then build with them; resumable')
    .option('--runs-dir <dir>', 'with --experiments: where the verification report and the runs go', 'runs/main')
    .option('--workers <n>', 'with --experiments: worker threads for the sweep (default: one per core)')
    .option('--json', 'print a JSON summary')
    .action(async (flags: DocsBuildFlags) => {
      setExit(await runAction(io, Boolean(flags.json), async () => {
        // Loaded on use, so `gradproof --help` and other commands start fast.
        const { builtinCatalog, loadCatalogFile, verifyCatalog } = await import('../../symbolic/index.ts');
        const { buildSite, runMainJob } = await import('../../site/index.ts');
        const catalog = flags.catalog ? builtinCatalog().with(loadCatalogFile(flags.catalog)) : builtinCatalog();
        if (flags.experiments && (flags.report || flags.runs)) {
          throw new GradproofError('GP_INPUT', '--experiments: expected no --report or --runs with it (it makes both)');
        }
        const site = flags.experiments
          ? (await runMainJob({
              out: flags.out, runsDir: flags.runsDir, catalog, log: (line) => io.err(line),
              ...(flags.workers ? { workers: positiveIntegerFlag('--workers', flags.workers) } : {}),
            })).site
          : await buildSite({ out: flags.out, runs: flags.runs ?? [], report: flags.report ? readReport(flags.report) : verifyCatalog({ catalog }), catalog, bank: flags.bank });
        if (site.nodeOnlyImports.length) {
          const files = [...new Set(site.nodeOnlyImports.map((n) => n.importer))].join(', ');
          io.err(`gradproof: note: the instructor bundle stubs ${site.nodeOnlyImports.length} Node-only import(s), unused in the browser (from ${files})`);
        }
        if (flags.json) {
          io.out(JSON.stringify({ schemaVersion: 1, out: site.out, pages: site.pages, instructorBytes: site.instructorBytes, nodeOnlyImports: site.nodeOnlyImports, millis: Math.round(site.millis) }, null, 2));
        } else {
          io.out(`site: ${site.pages.length} pages written to ${site.out} in ${(site.millis / 1000).toFixed(1)} s`);
          io.out(`open ${site.out}/index.html, or run: gradproof docs serve --dir ${flags.out}`);
        }
        return EXIT.ok;
      }));
    });
}

function serveCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('serve')
    .description('serve the built site on 127.0.0.1 (local connections only) until interrupted')
    .option('--dir <dir>', 'the built site folder', 'site')
    .option('--port <n>', 'port to listen on (0: any free port)', String(DEFAULT_PORT))
    .option('--json', 'print the URL as JSON')
    .action(async (flags: { dir: string; port: string; json?: boolean }) => {
      setExit(await runAction(io, Boolean(flags.json), async () => {
        const { serveSite } = await import('../../site/index.ts');
        const server = await serveSite({ dir: flags.dir, port: parsePort(flags.port) });
        if (flags.json) io.out(JSON.stringify({ url: server.url }));
        else io.out(`serving ${flags.dir} at ${server.url} (Ctrl+C to stop)`);
        await new Promise<void>((done) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void server.close().then(done);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return EXIT.ok;
      }));
    });
}

/** The `docs` command with its `build` and `serve` sub-commands. */
export function docsCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  const forward = (c: Command) => c.exitOverride().configureOutput(commanderOutput(io));
  return new Command('docs')
    .description('build (or serve) the documentation site')
    .addCommand(forward(buildCommand(io, setExit)))
    .addCommand(forward(serveCommand(io, setExit)));
}
