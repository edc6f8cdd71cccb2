/**
 * Batch grading: every submission is graded in a worker thread under a time budget. A worker
 * that runs past its budget is terminated and replaced, and that row is reported as GP_TIMEOUT,
 * so a hostile answer cannot stall the batch. Identical answers to the same question are graded
 * once. Malformed rows and unknown questions become rows with errors; nothing is skipped.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { GradproofError } from '../symbolic/index.ts';
import { DEFAULT_ANSWER_BUDGET_MS } from './grade-answer.ts';
import { gradeRow, type GradedRow } from './grade-row.ts';
import type { WorkerJob, WorkerStart } from './grade-worker.ts';
import { loadQuestionBank } from './load-question-bank.ts';
import type { Submission } from './load-submissions.ts';
import type { QuestionBank } from './question-bank.ts';
import { startWorkerThread } from './start-worker-thread.ts';

/** Time a worker may run past the answer's budget before it is terminated (the prover's witness search and reporting). */
const GRACE_MS = 1000;

/** Most worker threads used (each loads its own copy of mathjs and the bank). */
const MAX_WORKERS = 4;

/** Progress after each row. */
export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly row: GradedRow;
}

/** Options of {@link gradeBatch}. */
export interface GradeBatchOptions {
  /** Per-answer budget in ms (default 2000); a question's own `timeBudgetMs` wins. */
  readonly timeBudgetMs?: number;
  /** Worker threads (default min(cores, 4)). 0 grades in this thread: no protection against stalls, for tests and tiny batches. */
  readonly workers?: number;
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Time a worker may run past the budget before it is terminated (default 1000 ms). */
  readonly graceMs?: number;
}

/** The graded batch. */
export interface BatchResult {
  readonly bank: QuestionBank;
  /** One row per submission, in submission order. */
  readonly rows: readonly GradedRow[];
  readonly elapsedMs: number;
  readonly workers: number;
}

/** A bank as text (workers load it themselves: parsed expressions do not cross threads). */
export interface BankSource {
  readonly text: string;
  readonly file: string;
}

/**
 * Grades `submissions` against the bank.
 * @throws GradproofError for a bad bank (before any grading starts).
 */
export async function gradeBatch(source: BankSource, submissions: readonly Submission[], options: GradeBatchOptions = {}): Promise<BatchResult> {
  const start = Date.now();
  const bank = loadQuestionBank(source.text, source.file);
  const budget = options.timeBudgetMs ?? DEFAULT_ANSWER_BUDGET_MS;
  if (!(budget > 0)) throw new GradproofError('GP_INPUT', `time budget: expected a positive number of milliseconds, got ${budget}`);
  const needWorkers = submissions.some((s) => !s.error && bank.find(s.question));
  const workerCount = needWorkers ? Math.max(0, Math.min(options.workers ?? Math.min(availableParallelism(), MAX_WORKERS), MAX_WORKERS, submissions.length)) : 0;
  const pool = workerCount > 0 ? new WorkerPool(workerCount, { bankText: source.text, bankFile: source.file }, budget, options.graceMs ?? GRACE_MS) : undefined;
  const rows: GradedRow[] = new Array(submissions.length);
  const shared = new Map<string, Promise<GradedRow>>();
  let done = 0;
  const finish = (index: number, row: GradedRow) => {
    rows[index] = row;
    options.onProgress?.({ done: ++done, total: submissions.length, row });
  };
  const grade = (s: Submission): Promise<GradedRow> => {
    if (s.error || !bank.find(s.question) || !pool) return Promise.resolve(gradeRow(bank, s, budget));
    const key = JSON.stringify([s.question, s.answer.trim(), (s.where ?? '').trim()]);
    let first = shared.get(key);
    if (first) return first.then((row) => ({ ...row, row: s.row, line: s.line, student: s.student, answer: s.answer, where: s.where }));
    first = pool.run(s);
    shared.set(key, first);
    return first;
  };
  try {
    let next = 0;
    const lanes = Array.from({ length: Math.max(1, workerCount) }, async () => {
      while (next < submissions.length) {
        const index = next++;
        finish(index, await grade(submissions[index]!));
      }
    });
    await Promise.all(lanes);
  } finally {
    await pool?.close();
  }
  return { bank, rows, elapsedMs: Date.now() - start, workers: workerCount };
}

/** Workers that each grade one submission at a time, replaced when they time out or die. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: ((w: Worker | undefined) => void)[] = [];
  private nextId = 0;
  private failure?: string;
  private closed = false;

  constructor(size: number, private readonly start: WorkerStart, private readonly budget: number, private readonly grace: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    startWorkerThread(new URL('./grade-worker.ts', import.meta.url), this.start).then(
      (worker) => {
        if (this.closed) return void worker.terminate();
        this.all.add(worker);
        this.release(worker);
      },
      (error: Error) => {
        // Every row still waiting is reported as failed rather than left hanging.
        this.failure = error.message;
        for (const waiter of this.waiting.splice(0)) waiter(undefined);
      },
    );
  }

  private release(worker: Worker): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(worker);
    else this.idle.push(worker);
  }

  private acquire(): Promise<Worker | undefined> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.failure !== undefined) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async run(submission: Submission): Promise<GradedRow> {
    const worker = await this.acquire();
    if (!worker) return failedRow(submission, 'internal-error', 'GP_INTERNAL', this.failure ?? 'grading worker unavailable', 0);
    const id = this.nextId++;
    const limit = this.budget + this.grace;
    const started = Date.now();
    return new Promise<GradedRow>((resolve) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const replace = () => {
        this.all.delete(worker);
        void worker.terminate();
        this.spawn();
      };
      const onMessage = (message: { id?: number; row?: GradedRow }) => {
        if (message.id !== id || !message.row) return;
        cleanup();
        this.release(worker);
        resolve(message.row);
      };
      const onError = (error: Error) => {
        cleanup();
        replace();
        resolve(failedRow(submission, 'internal-error', 'GP_INTERNAL', `grading worker failed: ${error.message}`, Date.now() - started));
      };
      const timer = setTimeout(() => {
        cleanup();
        replace();
        resolve(failedRow(submission, 'timeout', 'GP_TIMEOUT', `grading took longer than ${limit} ms: expected at most ${this.budget} ms (time budget); stopped`, Date.now() - started));
      }, limit);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, submission, timeBudgetMs: this.budget } satisfies WorkerJob);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
  }
}

function failedRow(s: Submission, status: GradedRow['status'], code: 'GP_TIMEOUT' | 'GP_INTERNAL', message: string, elapsedMs: number): GradedRow {
  return {
    row: s.row, line: s.line, student: s.student, question: s.question, answer: s.answer, where: s.where, status, score: 0,
    feedback: status === 'timeout' ? 'Grading ran out of time; please review.' : 'Grading failed; please report it.', notes: [],
    error: { code, message }, elapsedMs,
  };
}
