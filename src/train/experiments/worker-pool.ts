/**
 * A pool of `node:worker_threads` workers running TypeScript modules, each handling one task at
 * a time. Workers start through a fixed bootstrap that registers tsx (the project runs from
 * sources, with no build step) and then imports the worker module by file URL; no text from
 * outside reaches the bootstrap.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GradproofError } from '../../symbolic/error.ts';

/** A message from a worker: progress about a task, or its result. */
export type WorkerMessage<P, R> =
  | { readonly type: 'progress'; readonly task: number; readonly progress: P }
  | { readonly type: 'result'; readonly task: number; readonly result: R };

/** What the pool sends a worker: one task, numbered. */
export interface WorkerTask<T> {
  readonly task: number;
  readonly input: T;
}

/** tsx's ESM registration API, resolved from this package's dependencies. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** Starts a worker on the TypeScript module `moduleUrl` with `workerData`. */
export function startTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  const bootstrap = `const { register } = await import(${JSON.stringify(tsxApiUrl())}); register(); await import(${JSON.stringify(moduleUrl.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}

/**
 * Runs `inputs` on `workers` workers of `moduleUrl` (which answers each {@link WorkerTask} with
 * progress messages and one result message) and returns the results in input order.
 *
 * @throws GradproofError GP_INTERNAL when a worker crashes or exits before answering.
 */
export async function runInWorkers<T, P, R>(options: {
  moduleUrl: URL;
  workerData: unknown;
  inputs: readonly T[];
  workers: number;
  onProgress?: (task: number, progress: P) => void;
  onResult?: (task: number, result: R) => void;
}): Promise<R[]> {
  const { inputs } = options;
  const results = new Array<R>(inputs.length);
  let next = 0;
  const count = Math.max(1, Math.min(options.workers, inputs.length));
  const started: Worker[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = startTsWorker(options.moduleUrl, options.workerData);
      started.push(worker);
      let current = -1;
      const feed = () => {
        if (next >= inputs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ task: current, input: inputs[current] } satisfies WorkerTask<T>);
      };
      worker.on('message', (message: WorkerMessage<P, R>) => {
        if (message.type === 'progress') options.onProgress?.(message.task, message.progress);
        else {
          results[message.task] = message.result;
          options.onResult?.(message.task, message.result);
          feed();
        }
      });
      worker.on('error', (cause) => reject(new GradproofError('GP_INTERNAL', `sweep worker: expected task ${current} to finish, got ${cause.message}`, { cause })));
      worker.on('exit', (code) => {
        if (next < inputs.length || (current >= 0 && results[current] === undefined)) {
          reject(new GradproofError('GP_INTERNAL', `sweep worker: expected it to run until the tasks were done, got exit code ${code} during task ${current}`));
        }
      });
      feed();
    });
  try {
    await Promise.all(Array.from({ length: count }, one));
  } catch (error) {
    // One worker failed: stop the others rather than leave them training in the background.
    await Promise.all(started.map((w) => w.terminate()));
    throw error;
  }
  return results;
}
