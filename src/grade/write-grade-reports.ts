/**
 * Writes report.json, report.csv and report.html into a folder, each atomically (a temporary
 * file in the same folder, then a rename), so a reader never sees half a report.
 */
import { join } from 'node:path';
import { GradproofError, writeFileAtomic, writeJsonAtomic } from '../symbolic/index.ts';
import type { GradeReport } from './grade-report.ts';
import { gradeReportCsv } from './report-csv.ts';
import { gradeReportHtml } from './report-html.ts';

/** Paths of the written files. */
export interface WrittenReports {
  readonly json: string;
  readonly csv: string;
  readonly html: string;
}

/**
 * Writes the three reports into `dir` (created if missing, by the first write).
 * @throws GradproofError GP_INPUT when the folder cannot be created or written.
 */
export function writeGradeReports(report: GradeReport, dir: string): WrittenReports {
  const paths = { json: join(dir, 'report.json'), csv: join(dir, 'report.csv'), html: join(dir, 'report.html') };
  try {
    writeJsonAtomic(paths.json, report);
    writeFileAtomic(paths.csv, gradeReportCsv(report.rows));
    writeFileAtomic(paths.html, gradeReportHtml(report));
  } catch (error) {
    throw new GradproofError('GP_INPUT', `--out ${dir}: expected a writable folder, got ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return paths;
}
