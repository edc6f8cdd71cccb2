/**
 * Builds the static site: home, one page per catalog function and per claim, experiments (from
 * run directories), the instructor page with its bundled checker, and the hand-written docs.
 * Everything is written into a temporary folder beside `out`, then renamed into place, so a
 * failed build (a formula KaTeX cannot render, say) leaves the previous site untouched.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalog, toTex, type Catalog, type CatalogEntry, type VerifyReport } from '../symbolic/index.ts';
import { bundleInstructor, type NodeOnlyImport } from './bundle-instructor.ts';
import { copyKatexAssets } from './copy-katex-assets.ts';
import { docsPages, DEFAULT_DOCS_DIR } from './docs-pages.ts';
import { functionCurves, type NodeCompiler } from './function-curves.ts';
import type { FunctionEvidence } from './function-evidence.ts';
import { layout, type NavLink } from './layout.ts';
import { gradcheckEvidence } from './gradcheck-evidence.ts';
import { float64Compiler, measureAccuracy, stepErrorCurve } from './numeric-evidence.ts';
import { claimPage } from './pages/claim-page.ts';
import { experimentsPage } from './pages/experiments-page.ts';
import { functionPage } from './pages/function-page.ts';
import { homePage } from './pages/home-page.ts';
import { derivativeTargets, instructorPage, INSTRUCTOR_SCRIPT } from './pages/instructor-page.ts';
import { DEFAULT_BANK, questionTargets } from './question-targets.ts';
import { readRuns } from './runs/read-runs.ts';
import { rootOf, type SitePage } from './site-page.ts';

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Output folder (replaced atomically). Default `site`. */
  readonly out?: string;
  /** Training run directories for the Experiments page. Default none (the page says so). */
  readonly runs?: readonly string[];
  /** The verification report. Required until the library computes one by default. */
  readonly report: VerifyReport;
  /** Catalog the report was made from (domains and defaults for plots). Default the built-in one. */
  readonly catalog?: Catalog;
  /** Float64 compiler for the plots. Default the numeric layer's compiler (stable rewrites on). */
  readonly compile?: NodeCompiler;
  /** Measure kernel accuracy (vs the 50-digit reference), the step-size error curve and run the gradient checks. Default true. */
  readonly measure?: boolean;
  /** Extra numerical evidence per function name (accuracy, gradcheck, property suites). */
  readonly evidence?: (name: string) => Omit<FunctionEvidence, 'curves'> | undefined;
  /**
   * Question bank (YAML) offered on the instructor page, graded in the browser by its response
   * trees. Default the repository's `examples/seed-homework/bank.yaml` when present; `null` for none.
   */
  readonly bank?: string | null;
  /** Hand-written pages. Default the repository's `docs/`. */
  readonly docsDir?: string;
}

/** What {@link buildSite} wrote. */
export interface BuiltSite {
  /** Absolute path of the site folder. */
  readonly out: string;
  /** Site-root-relative paths of the HTML pages, in build order. */
  readonly pages: readonly string[];
  /** Size of the instructor bundle in bytes. */
  readonly instructorBytes: number;
  /** Node built-ins the instructor bundle's imports touched (stubbed; should be empty). */
  readonly nodeOnlyImports: readonly NodeOnlyImport[];
  readonly millis: number;
  /** Where the time went (ms): numerical measurements, page rendering (KaTeX, plots, writing), waiting for the bundle. */
  readonly timings: { readonly measure: number; readonly render: number; readonly bundleWait: number };
}

const SITE_CSS = fileURLToPath(new URL('./assets/site.css', import.meta.url));

function writePage(dir: string, page: SitePage, nav: readonly NavLink[]): void {
  const file = join(dir, page.path);
  mkdirSync(dirname(file), { recursive: true });
  const doc = layout({ title: page.title, root: rootOf(page.path), path: page.path, body: page.body, nav, scripts: page.scripts });
  writeFileSync(file, doc.value);
}

/** TeX of each alternative form's auxiliary definitions, by form id. */
function formWhereTex(entry: CatalogEntry | undefined): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const form of entry?.forms ?? []) {
    if (form.where) out[form.id] = Object.fromEntries(Object.entries(form.where).map(([name, node]) => [name, toTex(node)]));
  }
  return out;
}

/** Replaces `out` by `built` with renames only (the old site is removed after the swap). */
function swapInto(built: string, out: string): void {
  const old = existsSync(out) ? `${out}.old-${process.pid}-${Date.now()}` : undefined;
  if (old) renameSync(out, old);
  renameSync(built, out);
  if (old) rmSync(old, { recursive: true, force: true });
}

/**
 * Builds the site.
 * @example await buildSite({ out: 'site', report: await verifyCatalog(), runs: ['runs/seed-q3'] })
 * @throws GradproofError GP_INTERNAL when one of our formulas does not render or the bundle fails.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const started = performance.now();
  const out = resolve(options.out ?? 'site');
  const catalog = options.catalog ?? builtinCatalog();
  const report = options.report;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = mkdtempSync(join(dirname(out), `.${basename(out)}-build-`));
  // esbuild bundles in its own process: start it first so it overlaps the page rendering.
  const bundling = bundleInstructor();
  bundling.catch(() => undefined); // awaited below; a page failure must not leave it unhandled
  const timings = { measure: 0, render: 0, bundleWait: 0 };
  const timed = <T>(key: keyof typeof timings, work: () => T): T => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      timings[key] += performance.now() - t0;
    }
  };
  try {
    const docs = docsPages(options.docsDir ?? DEFAULT_DOCS_DIR);
    const bankFile = options.bank === undefined ? (existsSync(DEFAULT_BANK) ? DEFAULT_BANK : null) : options.bank;
    const bank = bankFile === null ? undefined : questionTargets(bankFile);
    const found = readRuns(options.runs ?? []);
    const images = new Map<string, string>();
    found.images.forEach((img, i) => {
      const target = `images/runs/${i + 1}-${basename(img.file).replace(/[^A-Za-z0-9._-]/g, '_')}`;
      mkdirSync(join(tmp, 'images/runs'), { recursive: true });
      copyFileSync(img.file, join(tmp, target));
      images.set(img.file, target);
    });
    const compile = options.compile ?? float64Compiler;
    const measure = options.measure ?? true;
    const functionPages = report.functions.map((fn) => {
      const entry = catalog.find(fn.name);
      const evidence = timed('measure', () => ({
        curves: functionCurves(fn, entry, compile),
        accuracy: measure ? measureAccuracy(fn, entry) : undefined,
        stepCurve: measure ? stepErrorCurve(fn, entry) : undefined,
        gradchecks: measure && entry ? gradcheckEvidence(entry) : undefined,
        ...options.evidence?.(fn.name),
      }));
      return timed('render', () => functionPage(fn, evidence, formWhereTex(entry)));
    });
    const pages: SitePage[] = timed('render', () => [
      homePage(report, docs.map((d) => ({ path: d.path, title: d.title }))),
      ...functionPages,
      ...report.claims.map(claimPage),
      experimentsPage(found, images),
      instructorPage([...(bank?.targets ?? []), ...derivativeTargets(report, new Set(builtinCatalog().entries.map((e) => e.name)))], bank?.text),
      ...docs,
    ]);
    const nav: NavLink[] = [
      { href: 'index.html', label: 'Verified' },
      { href: 'experiments.html', label: 'Experiments' },
      { href: 'instructor.html', label: 'Instructor' },
      ...docs.map((d) => ({ href: d.path, label: d.title })),
    ];
    timed('render', () => pages.forEach((page) => writePage(tmp, page, nav)));
    copyKatexAssets(join(tmp, 'assets/katex'));
    writeFileSync(join(tmp, 'assets/site.css'), readFileSync(SITE_CSS));
    const waitStarted = performance.now();
    const bundle = await bundling;
    timings.bundleWait = performance.now() - waitStarted;
    writeFileSync(join(tmp, INSTRUCTOR_SCRIPT), bundle.code);
    swapInto(tmp, out);
    return { out, pages: pages.map((p) => p.path), instructorBytes: bundle.bytes, nodeOnlyImports: bundle.nodeOnlyImports, millis: performance.now() - started, timings };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
