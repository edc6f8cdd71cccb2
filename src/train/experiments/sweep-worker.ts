/**
 * The worker-thread side of a sweep: receives configurations one at a time, runs each with
 * {@link runSweepConfiguration} (datasets and engine loaded once per worker) and posts progress
 * and the result back. Started by `runSweep` through `startTsWorker`; not imported elsewhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TrainProgress } from '../train.ts';
import { type SweepRunContext, type SweepRunResult, runSweepConfiguration } from './sweep-run.ts';
import type { SweepConfiguration } from './sweep-preset.ts';
import type { SweepSettings } from './sweep-settings.ts';
import type { WorkerMessage, WorkerTask } from './worker-pool.ts';

/** What `runSweep` passes as `workerData`. */
export interface SweepWorkerData {
  readonly sweepDir: string;
  readonly settings: SweepSettings;
}

if (parentPort !== null) {
  const port = parentPort;
  const data = workerData as SweepWorkerData;
  let current = -1;
  const ctx: SweepRunContext = {
    sweepDir: data.sweepDir,
    settings: data.settings,
    datasets: new Map(),
    onProgress: (progress) => port.postMessage({ type: 'progress', task: current, progress } satisfies WorkerMessage<TrainProgress, SweepRunResult>),
  };
  port.on('message', (message: WorkerTask<SweepConfiguration>) => {
    current = message.task;
    void runSweepConfiguration(message.input, ctx).then((result) =>
      port.postMessage({ type: 'result', task: message.task, result } satisfies WorkerMessage<TrainProgress, SweepRunResult>));
  });
}
