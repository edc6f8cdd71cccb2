/**
 * Fetches the four MNIST files into a cache folder (where a network exists), validating each
 * before it is stored atomically; files already cached are kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GradproofError, writeFileAtomic } from '../symbolic/index.ts';
import { parseIdx } from './idx.ts';
import { MNIST_FILES } from './mnist-files.ts';

/** Google's public mirror of MNIST used by TensorFlow's own dataset loaders. */
export const MNIST_MIRROR = 'https://storage.googleapis.com/cvdf-datasets/mnist/';
/** Per-file network timeout: the largest file is 9.9 MB, a minute allows ~170 kB/s. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Options of {@link downloadMnist}. */
export interface DownloadOptions {
  /** Target folder (default: `$XDG_CACHE_HOME/gradproof/mnist` or `~/.cache/gradproof/mnist`). */
  cacheDir?: string;
  /** Base URL ending in `/` (default {@link MNIST_MIRROR}). */
  baseUrl?: string;
  /** The fetch implementation (default the global `fetch`; tests inject a failing one). */
  fetchImpl?: typeof fetch;
}

/** The default MNIST cache folder. */
export function defaultMnistCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(base, 'gradproof', 'mnist');
}

/**
 * Downloads MNIST's four `.gz` files into the cache folder and returns that folder.
 *
 * @throws GradproofError GP_INPUT when a file cannot be fetched (no network, HTTP error), GP_CORRUPT
 *   when a fetched file is not a valid IDX file.
 */
export async function downloadMnist(options: DownloadOptions = {}): Promise<string> {
  const dir = options.cacheDir ?? defaultMnistCacheDir();
  const baseUrl = options.baseUrl ?? MNIST_MIRROR;
  const fetchImpl = options.fetchImpl ?? fetch;
  for (const [key, stem] of Object.entries(MNIST_FILES)) {
    const file = path.join(dir, `${stem}.gz`);
    if (fs.existsSync(file)) continue;
    const url = `${baseUrl}${stem}.gz`;
    let bytes: Uint8Array;
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      const reason = cause instanceof Error ? describeFetchError(cause) : String(cause);
      throw new GradproofError('GP_INPUT', `download MNIST: expected ${url} to be reachable, got ${reason}; without a network, pass --data DIR with the four MNIST files or use --data embedded`, { cause });
    }
    parseIdx(bytes, url, key.endsWith('Images') ? 3 : 1);
    writeFileAtomic(file, bytes);
  }
  return dir;
}

function describeFetchError(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return detail === undefined ? error.message : `${error.message} (${detail})`;
}
