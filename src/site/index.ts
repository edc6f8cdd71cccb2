/**
 * Public surface of the site layer: build the static documentation site from a verification
 * report and training runs, serve it on localhost, and the pieces other layers may reuse
 * (KaTeX rendering, SVG plots, safe HTML).
 */
export { buildSite } from './build-site.ts';
export { MAIN_JOB_DIRS, runMainJob } from './main-job.ts';
export type { MainJobOptions, MainJobResult } from './main-job.ts';
export type { BuildSiteOptions, BuiltSite } from './build-site.ts';
export { serveSite, SERVE_HOST } from './serve-site.ts';
export type { ServeSiteOptions, SiteServer } from './serve-site.ts';
export { bundleInstructor, INSTRUCTOR_ENTRY } from './bundle-instructor.ts';
export type { InstructorBundle, NodeOnlyImport } from './bundle-instructor.ts';
export { copyKatexAssets, katexDistDir } from './copy-katex-assets.ts';
export { renderTex } from './render-tex.ts';
export type { RenderTexOptions } from './render-tex.ts';
export { linePlot, DEFAULT_WIDTH, DEFAULT_HEIGHT } from './plot-svg.ts';
export type { LinePlotOptions, PlotPoint, PlotSeries } from './plot-svg.ts';
export { escapeHtml, html, Html, trustedHtml } from './safe-html.ts';
export type { HtmlValue } from './safe-html.ts';
export { renderMarkdown } from './markdown.ts';
export type { MarkdownPage } from './markdown.ts';
export { functionCurves, CURVE_SAMPLES, REAL_RANGE } from './function-curves.ts';
export type { FunctionCurves, NodeCompiler, PointFunction } from './function-curves.ts';
export type { AccuracyEvidence, FunctionEvidence, GradcheckEvidence, PropertyEvidence } from './function-evidence.ts';
export type { InstructorTarget } from './pages/instructor-page.ts';
export { DEFAULT_BANK, questionTargets } from './question-targets.ts';
export type { BankTargets } from './question-targets.ts';
export { readRuns } from './runs/read-runs.ts';
export type { RunImage, RunRecord, RunsFound } from './runs/read-runs.ts';
