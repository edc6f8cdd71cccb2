/**
 * Atomic file writes: write a temporary file beside the target, flush it to disk, then rename it
 * over the target, so a reader (or a resumed run after `kill -9`) sees the old file or the new
 * one, never a torn one.
 */
import fs from 'node:fs';
import path from 'node:path';

let counter = 0;

/** Writes `data` to `file` atomically (temp file + fsync + rename); creates the folder. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${counter++}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Writes `value` as pretty JSON (with a trailing newline) atomically. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
