/**
 * `gradproof grade --bank FILE.yaml --submissions FILE.csv|FILE.json --out DIR [--json]`:
 * grades every submission against the question bank (each in a worker thread under a time
 * budget) and writes report.json, report.csv and report.html into DIR. A progress bar goes to
 * stderr. Exit 0 when every row was graded; 1 when some rows could not be (parse errors, unknown
 * questions, timeouts): they are in the reports; 2 for a bad bank, submissions file or flag.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { nonNegativeIntegerFlag, positiveNumberFlag } from '../parse-flag.ts';
import { progressBar } from '../progress-bar.ts';
import { runAction } from '../run-action.ts';

interface GradeFlags {
  bank: string;
  submissions: string;
  out: string;
  timeBudget?: string;
  workers?: string;
  json?: boolean;
}

export function gradeCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('grade')
    .description('grade a file of student submissions against a question bank')
    .requiredOption('--bank <file>', 'question bank (YAML)')
    .requiredOption('--submissions <file>', 'submissions: CSV with student,question,answer[,where], or JSON')
    .requiredOption('--out <dir>', 'folder for report.json, report.csv and report.html')
    .option('--time-budget <ms>', 'time budget per answer in milliseconds (default 2000)')
    .option('--workers <n>', 'worker threads (default: number of cores, at most 4)')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: GradeFlags) => {
      setExit(await runAction(io, Boolean(flags.json), async () => {
        const { GradproofError } = await import('../../symbolic/index.ts');
        const grade = await import('../../grade/index.ts');
        const timeBudgetMs = flags.timeBudget === undefined ? undefined : positiveNumberFlag('--time-budget', flags.timeBudget);
        const workers = flags.workers === undefined ? undefined : nonNegativeIntegerFlag('--workers', flags.workers);
        let bankText: string;
        try {
          bankText = readFileSync(flags.bank, 'utf8');
        } catch (error) {
          throw new GradproofError('GP_NOT_FOUND', `--bank ${flags.bank}: expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
        grade.loadQuestionBank(bankText, flags.bank); // fail fast (exit 2) before reading submissions
        const submissions = grade.loadSubmissionsFile(flags.submissions);
        const bar = progressBar(io, 'grading');
        const result = await grade.gradeBatch({ text: bankText, file: flags.bank }, submissions, { timeBudgetMs, workers, onProgress: (p) => bar.update(p.done, p.total) });
        bar.finish();
        const report = grade.buildGradeReport(result);
        const paths = grade.writeGradeReports(report, flags.out);
        const s = report.summary;
        if (flags.json) io.out(JSON.stringify({ schemaVersion: report.schemaVersion, summary: s, files: paths, elapsedMs: result.elapsedMs }, null, 2));
        else {
          io.out(`graded ${s.submissions} submissions in ${(result.elapsedMs / 1000).toFixed(1)} s: ${s.equivalent} equivalent, ${s.notEquivalent} not equivalent, ${s.undecided} undecided`);
          io.out(`${s.parseErrors} parse errors, ${s.unknownQuestions} unknown questions, ${s.timeouts} timeouts; mean score ${s.meanScore.toFixed(3)}`);
          io.out(`reports: ${paths.json}, ${paths.csv}, ${paths.html}`);
        }
        const incomplete = s.parseErrors + s.unknownQuestions + s.timeouts + s.internalErrors;
        return incomplete > 0 ? EXIT.failed : EXIT.ok;
      }));
    });
}
