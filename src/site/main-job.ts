/**
 * The main job (`npm start`, `gradproof docs build --experiments`): the whole chain on the
 * embedded default — verify the catalog and the source document's claims, run the source
 * document's experiments on the embedded MNIST digits (the Q3 sweep, Q2 BCE vs MSE, the Q1 output
 * landscape), and build the site from all of it. Each step writes into `runsDir`; an interrupted
 * job resumes where it stopped (finished runs are kept, a sweep continues its remaining runs).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifyCatalog, writeJsonAtomic, type Catalog, type VerifyReport } from '../symbolic/index.ts';
import { renderLandscape, runBceVsMse, runSweep, type SweepProgress } from '../train/index.ts';
import { buildSite, type BuiltSite } from './build-site.ts';

/** Options of {@link runMainJob}; every field has a default. */
export interface MainJobOptions {
  /** Site folder. Default `site`. */
  readonly out?: string;
  /** Folder for the verification report and the experiments' runs. Default `runs/main`. */
  readonly runsDir?: string;
  /** Catalog to verify. Default the built-in one. */
  readonly catalog?: Catalog;
  /** Worker threads for the sweep. Default one per core. */
  readonly workers?: number;
  /** One line per step and per finished run. Default silent. */
  readonly log?: (line: string) => void;
  /** Every batch of every sweep run, for a progress display. */
  readonly onSweepProgress?: (event: SweepProgress) => void;
}

/** What the main job produced. */
export interface MainJobResult {
  readonly report: VerifyReport;
  /** The folder holding verify.json and the experiments (given to the site as `--runs`). */
  readonly runsDir: string;
  readonly site: BuiltSite;
  /** Seconds per step. */
  readonly seconds: Readonly<Record<'verify' | 'q3' | 'q2' | 'landscape' | 'site', number>>;
}

/** Sub-folders of `runsDir`, one per experiment. */
export const MAIN_JOB_DIRS = { q3: 'q3-sweep', q2: 'q2-bce-vs-mse', landscape: 'q1-landscape' } as const;

/**
 * Runs the whole chain and returns where everything is.
 * @example const { site } = await runMainJob({ log: console.error }); // site.out/index.html
 */
export async function runMainJob(options: MainJobOptions = {}): Promise<MainJobResult> {
  const log = options.log ?? (() => {});
  const runsDir = resolve(options.runsDir ?? join('runs', 'main'));
  const seconds = { verify: 0, q3: 0, q2: 0, landscape: 0, site: 0 };
  const timed = async <T>(step: keyof typeof seconds, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[step] = (performance.now() - started) / 1000;
    return result;
  };

  log('1/5 verifying the catalog and the source document\'s claims');
  const report = await timed('verify', () => verifyCatalog(options.catalog ? { catalog: options.catalog } : {}));
  writeJsonAtomic(join(runsDir, 'verify.json'), report);
  const derivatives = report.functions.flatMap((f) => f.derivatives);
  log(`    ${derivatives.filter((d) => d.proof.status === 'proved').length}/${derivatives.length} derivatives proved, ${report.claims.length} claims evaluated`);

  log('2/5 Q3: LeakyReLU α sweep and PReLU on embedded MNIST + inverted (resumable)');
  const sweep = await timed('q3', () => runSweep({
    preset: 'seed-q3', data: 'embedded', outDir: join(runsDir, MAIN_JOB_DIRS.q3),
    ...(options.workers ? { workers: options.workers } : {}),
    onProgress: (event) => {
      options.onSweepProgress?.(event);
      if (event.type === 'run-done') log(`    ${event.id} done (${event.index + 1}/${event.total})`);
    },
  }));
  log(`    sweep written to ${sweep.dir}`);

  log('3/5 Q2: BCE vs MSE on a binary task');
  const q2Dir = join(runsDir, MAIN_JOB_DIRS.q2);
  if (existsSync(join(q2Dir, 'q2.json'))) log('    already done, kept');
  else await timed('q2', () => runBceVsMse({ data: 'embedded', outDir: q2Dir }));

  log('4/5 Q1: output landscapes of a random MLP');
  const landscapeDir = join(runsDir, MAIN_JOB_DIRS.landscape);
  if (existsSync(join(landscapeDir, 'landscape.json'))) log('    already done, kept');
  else await timed('landscape', () => renderLandscape({ outDir: landscapeDir }));

  log('5/5 building the site');
  const site = await timed('site', () => buildSite({ out: options.out ?? 'site', runs: [runsDir], report, ...(options.catalog ? { catalog: options.catalog } : {}) }));
  writeJsonAtomic(join(runsDir, 'timings.json'), { schemaVersion: 1, seconds });
  return { report, runsDir, site, seconds };
}
