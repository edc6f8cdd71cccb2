/**
 * Public surface of the grading layer: checking one answer (LaTeX or text) against an expected
 * expression or a catalog derivative, answer tests and diagnostics, question banks, batch
 * grading in worker threads, and the reports. Other layers import only from here.
 */
export { checkAnswer } from './check-answer.ts';
export type { CheckAnswerInput, CheckAnswerResult } from './check-answer.ts';
export { DEFAULT_ANSWER_BUDGET_MS, gradeAnswer } from './grade-answer.ts';
export type { AnswerGrade, Counterexample, GradeAnswerOptions, Verdict } from './grade-answer.ts';
export { DEFAULT_SAMPLE_INTERVAL, resolveProblem } from './grading-problem.ts';
export type { DerivativeTarget, GradingProblem, ProblemSpec, SymbolDomain } from './grading-problem.ts';
export { AnswerJudge, DEFAULT_TOLERANCE } from './answer-judge.ts';
export type { Equivalence, MatchStatus, Tolerance } from './answer-judge.ts';
export { ANSWER_TEST_KINDS, DEFAULT_RESPONSE_TREE, runAnswerTest } from './answer-tests.ts';
export type { AnswerTestKind, AnswerTestOutcome, AnswerTestSpec } from './answer-tests.ts';
export { DIAGNOSIS_KINDS, diagnose, findDiagnosis } from './diagnoses.ts';
export type { Diagnosis, DiagnosisKind } from './diagnoses.ts';
export { chainRuleVariants } from './chain-rule-variants.ts';
export type { ChainRuleVariant } from './chain-rule-variants.ts';
export { rationalApproximation } from './rational-approximation.ts';
export { prepareAnswer } from './prepare-answer.ts';
export type { PreparedAnswer } from './prepare-answer.ts';
export { loadQuestionBank, loadQuestionBankFile } from './load-question-bank.ts';
export type { LoadBankOptions } from './load-question-bank.ts';
export type { Question, QuestionBank } from './question-bank.ts';
export { readCsv } from './read-csv.ts';
export type { CsvError, CsvRecord, CsvResult } from './read-csv.ts';
export { loadSubmissionsFile, submissionsFromCsv, submissionsFromJson } from './load-submissions.ts';
export type { Submission } from './load-submissions.ts';
export { gradeRow } from './grade-row.ts';
export type { GradedRow, RowStatus } from './grade-row.ts';
export { gradeBatch } from './grade-batch.ts';
export type { BankSource, BatchProgress, BatchResult, GradeBatchOptions } from './grade-batch.ts';
export { GRADE_REPORT_SCHEMA_VERSION, buildGradeReport, summarize } from './grade-report.ts';
export type { GradeReport, GradeSummary } from './grade-report.ts';
export { csvCell, gradeReportCsv } from './report-csv.ts';
export { escapeHtml, gradeReportHtml, inlineKatexCss, renderTex } from './report-html.ts';
export { writeGradeReports } from './write-grade-reports.ts';
export type { WrittenReports } from './write-grade-reports.ts';
