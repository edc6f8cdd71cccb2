/**
 * Atomic file writes: the data goes to a temporary file beside the target (same folder, so the
 * same file system), is flushed to disk, and is then renamed over the target. A reader, or a run
 * resumed after `kill -9`, sees the old file or the new one, never a torn one.
 *
 * Node-only (uses `node:fs`); browser bundles tree-shake it away.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Permission bits of a newly created file. Default `0o666` (less the umask), as `fs.writeFileSync`. */
  readonly mode?: number;
}

/** Permission bits of a new file when none are given: `fs.writeFileSync`'s default. */
const DEFAULT_MODE = 0o666;

/**
 * Writes `data` to `file` atomically (temporary file + fsync + rename), creating the folder.
 * The temporary name carries the process id and a random part, so concurrent writers (processes
 * or threads) never share one; it is removed when the write fails.
 * @example writeFileAtomic('out/report.csv', 'a,b\n1,2\n')
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    const fd = openSync(temp, 'w', options.mode ?? DEFAULT_MODE);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes `value` as JSON indented by two spaces, with a trailing newline, atomically.
 * @example writeJsonAtomic('run/state.json', { epoch: 3 })
 */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
