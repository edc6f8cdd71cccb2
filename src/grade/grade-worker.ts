/**
 * Entry of a grading worker thread: loads the bank once from `workerData`, then grades one
 * submission per message. The parent enforces the time budget by terminating this thread.
 *
 * Internal to `grade-batch.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gradeRow } from './grade-row.ts';
import { loadQuestionBank } from './load-question-bank.ts';
import type { Submission } from './load-submissions.ts';

/** Data the parent passes when it starts a worker. */
export interface WorkerStart {
  readonly bankText: string;
  readonly bankFile: string;
}

/** A job: one submission. */
export interface WorkerJob {
  readonly id: number;
  readonly submission: Submission;
  readonly timeBudgetMs: number;
}

const port = parentPort!;
const start = workerData as WorkerStart;
const bank = loadQuestionBank(start.bankText, start.bankFile);
port.on('message', (job: WorkerJob) => {
  port.postMessage({ id: job.id, row: gradeRow(bank, job.submission, job.timeBudgetMs) });
});
port.postMessage({ ready: true });
